using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Cli.Tests;

public class AuditCommandTests
{
    [Fact]
    public void Audit_Seeds_WorkbookOfTheAuditAndExitOne()
    {
        using var dir = new TempDir();
        foreach (var n in Seeds.Numbers)
            dir.CopySeed(n, $"reports/seed-{n}.txt");
        var output = dir.File("audit.xlsx");

        var result = CliRun.Run("report", "audit", dir.File("reports"), "-o", output);

        result.ExitCode.ShouldBe(1, result.Error);
        result.Out.ShouldContain("年报检查完成：共 5 个文件，收录报告 5 份，未能收录 0 个；单位 5 个、年度 3 个（2017、2020、2022）");
        result.Out.ShouldContain("逾期公开 1");
        result.Error.ShouldContain("已处理 5/5");
        var sheets = Sheets(output);
        sheets.Keys.ShouldBe(["公开情况", "问题清单", "单位排名", "未收录文件"]);
        sheets["公开情况"][0].ShouldBe(["单位", "类别", "2017年度", "2020年度", "2022年度"]);
        sheets["公开情况"].Skip(1).Select(r => r[0]).ShouldBe(["根河市住建局", "深圳市人民政府", "深圳市住房和建设局", "深圳市龙岗区人民政府", "高港区住房和城乡建设局"]);
        sheets["公开情况"].Single(r => r[0] == "高港区住房和城乡建设局")[2].ShouldBe("逾期公开（2018-02-28）");
        var seed000 = Seeds.Read("000").Findings;
        sheets["问题清单"].Where(r => r[2] == "seed-000.txt").Select(r => r[3]).ShouldBe(seed000.Select(f => f.Rule));
        sheets["单位排名"][1][1].ShouldBe("深圳市住房和建设局");
        sheets["未收录文件"].Count.ShouldBe(1);
    }

    [Fact]
    public void Audit_UnreadableFileAndZip_ListedAndExitTwo()
    {
        using var dir = new TempDir();
        dir.CopySeed("003", "in/a.txt");
        dir.Write("in/empty.txt", []);
        using (var zip = ZipFile.Open(dir.File("in/more.zip"), ZipArchiveMode.Create))
            zip.CreateEntryFromFile(Reports.Tests.TestFiles.Seed("001"), "sub/001.txt");
        var output = dir.File("audit.csv");

        var result = CliRun.Run("report", "audit", dir.File("in"), "-o", output);

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldContain("共 3 个文件，收录报告 2 份，未能收录 1 个");
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(output));
        text.ShouldStartWith("\uFEFF\"单位\",\"类别\",\"年度\",\"公开情况\"");
        text.ShouldContain("\"more.zip/sub/001.txt\"");
    }

    [Fact]
    public void Audit_CleanReportOnTime_ExitZero_OutputInFolderSkippedNextTime()
    {
        using var dir = new TempDir();
        dir.Write("longgang.json", Seeds.Seed003As(2022, edit: r => r.Source.IssuedOn = new DateOnly(2023, 3, 1)));
        var output = dir.File("audit.csv");

        var first = CliRun.Run("report", "audit", dir.Path, "-o", output);
        var second = CliRun.Run("report", "audit", dir.Path, "-o", output);
        var renamed = CliRun.Run("report", "audit", dir.Path, "-o", dir.File("again.csv"));

        first.ExitCode.ShouldBe(0, first.Out);
        second.ExitCode.ShouldBe(0, second.Out);
        renamed.ExitCode.ShouldBe(0, "an earlier export is recognised by its content, not its name");
        renamed.Out.ShouldContain("共 1 个文件");
    }

    [Fact]
    public void Audit_YearAndDocx_MemoOfThatYearCheckedAcrossYears()
    {
        using var dir = new TempDir();
        dir.Write("2021.json", Seeds.Seed003As(2021, edit: r => r.Source.IssuedOn = new DateOnly(2022, 3, 1)));
        dir.Write("2022.json", Seeds.Seed003As(2022, edit: r =>
        {
            r.Source.IssuedOn = new DateOnly(2023, 3, 1);
            Seeds.AddOne(r, Domain.Reports.ReportTable.Requests, "carriedOver");
        }));
        var output = dir.File("memo.out");

        var result = CliRun.Run("report", "audit", dir.Path, "-o", output, "--format", "docx", "--year", "2022", "--title", "龙岗区年报检查");

        result.ExitCode.ShouldBe(1);
        using var document = WordprocessingDocument.Open(output, false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        text.ShouldStartWith("龙岗区年报检查情况");
        text.ShouldContain("本次检查涉及1个单位2022年度");
        text.ShouldContain("上年结转");
    }

    [Fact]
    public void Audit_NoReports_ExitTwoWithReason()
    {
        using var dir = new TempDir();
        dir.Write("notes.md", Encoding.UTF8.GetBytes("不是报告"));

        var result = CliRun.Run("report", "audit", dir.Path, "-o", dir.File("a.xlsx"));

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("中没有年度报告文件");
    }

    private static Dictionary<string, List<string[]>> Sheets(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        return workbook.Workbook.Sheets!.Elements<Sheet>().ToDictionary(s => s.Name!.Value!, s =>
            ((WorksheetPart)workbook.GetPartById(s.Id!)).Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToArray())
                .ToList());
    }
}
