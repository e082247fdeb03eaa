using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Core.Supervision.Auditing;
using Gongkai.Core.Supervision.Exports;
using Gongkai.Core.Supervision.Intake;
using Gongkai.Domain.Agencies;

namespace Gongkai.Core.Tests.Supervision;

public sealed class ExportTests
{
    private static readonly AuditUnit Housing = AuditUnit.ForAgency(7, "深圳市住房和建设局", AgencyLevel.Department, 0);
    private static readonly AuditUnit Police = AuditUnit.ForAgency(8, "深圳市公安局", AgencyLevel.Department, 0);

    /// <summary>Seed 000 for 深圳市住房和建设局, a missing report of 深圳市公安局, a report whose agency name is a formula, and a junk file.</summary>
    private static SupervisionAudit Audit()
    {
        var formula = ReportFiles.Clean("=HYPERLINK(\"http://x\")", 2020, null);
        var intake = ReportIntake.ReadAll([ReportFiles.Seed("000"), ReportFiles.Json("formula.json", formula), new IntakeFile("junk.txt", ReportFiles.Junk())], 1);
        var items = intake.Reports.Select(r => AuditedItem.FromFile(r.Name, r.Read)).ToList();
        items[0] = items[0] with { AgencyId = Housing.AgencyId };
        return SupervisionAudit.Build("深圳市2020年度报告检查", [Housing, Police], items, intake.Rejections);
    }

    [Fact]
    public void Xlsx_SheetPerView_WithTheAuditsRowsAndNumbers()
    {
        var bytes = AuditExport.Write(Audit(), AuditExportFormat.Xlsx, new DateOnly(2026, 3, 2));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = Sheets(document);
        sheets.Keys.ShouldBe(["公开情况", "问题清单", "单位排名", "未收录文件"]);
        sheets["公开情况"][0].ShouldBe(["单位", "类别", "2020年度"]);
        sheets["公开情况"][1].ShouldBe(["深圳市住房和建设局", "部门（1月31日前）", "公开日期不详"]);
        sheets["公开情况"][2].ShouldBe(["深圳市公安局", "部门（1月31日前）", "未公开"]);
        var findings = sheets["问题清单"];
        findings.Count(r => r[0] == "深圳市住房和建设局").ShouldBe(ReportFiles.ReadSeed("000").Findings.Count);
        findings[1][3].ShouldBe("requests.balance");
        findings[1][8].ShouldStartWith("表三“一、本年新收政府信息公开申请数量”行“自然人”栏");
        findings[1][9].ShouldBe("待核实");
        sheets["单位排名"][1][..2].ShouldBe(["1", "深圳市住房和建设局"]);
        sheets["单位排名"][1][6].ShouldBe("8", "errors are numbers");
        sheets["未收录文件"][1].ShouldBe(["junk.txt", "文件中没有找到政府信息公开工作年度报告的标题、章节或统计表"]);
        sheets["公开情况"].ShouldContain(r => r[0] == "=HYPERLINK(\"http://x\")", "text, never a formula");
        document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()).ShouldBeEmpty();
        new OpenXmlValidator().Validate(document).Select(e => e.Description).ShouldBeEmpty("Excel refuses what the schema refuses");
    }

    [Fact]
    public void Csv_RowPerUnitAndYear_BomQuotedAndFormulasDefused()
    {
        var bytes = AuditExport.Write(Audit(), AuditExportFormat.Csv, new DateOnly(2026, 3, 2));

        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("\"单位\",\"类别\",\"年度\",\"公开情况\"");
        lines.Length.ShouldBe(4);
        lines.ShouldContain(l => l.StartsWith("\"深圳市公安局\",\"部门（1月31日前）\",\"2020\",\"未公开\"", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("\"'=HYPERLINK(\"\"http://x\"\")\"", StringComparison.Ordinal));
        AuditCsvExport.IsExport(WriteTemp(bytes)).ShouldBeTrue();
    }

    [Fact]
    public void Csv_ReadBack_TheCellsOfTheUnitYearTable()
    {
        var audit = Audit();
        var table = AuditTables.UnitYears(audit);
        var bytes = AuditExport.Write(audit, AuditExportFormat.Csv, new DateOnly(2026, 3, 2));

        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
        var records = Csv.Records(reader).Select(r => r.Cells.Select(Csv.Undefuse).ToList()).ToList();

        records[0].ShouldBe(table.Header);
        records.Skip(1).ShouldBe(table.Rows.Select(row => row.Select(AuditTable.Text).ToList()));
        records.ShouldContain(r => r[0] == "=HYPERLINK(\"http://x\")");
    }

    [Fact]
    public void Docx_Memo_TitleOverviewGridAndFindingsPerUnit()
    {
        var bytes = AuditExport.Write(Audit(), AuditExportFormat.Docx, new DateOnly(2026, 3, 2));

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
        paragraphs[0].ShouldBe("深圳市2020年度报告检查情况");
        paragraphs[1].ShouldBe("生成日期：2026年3月2日");
        paragraphs.ShouldContain("一、总体情况");
        paragraphs.ShouldContain(p => p.StartsWith("本次检查涉及3个单位2020年度的政府信息公开工作年度报告，收录报告2份，另有1个文件未能收录。", StringComparison.Ordinal));
        paragraphs.ShouldContain("（一）深圳市住房和建设局");
        var tables = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().ToList();
        tables[0].InnerText.ShouldContain("深圳市公安局");
        tables[0].InnerText.ShouldContain("未公开");
        tables[1].InnerText.ShouldContain("表三“自然人”栏不平衡");
        new OpenXmlValidator().Validate(document).Select(e => e.Description).ShouldBeEmpty();
    }

    private static Dictionary<string, List<string[]>> Sheets(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart!;
        return workbook.Workbook.Sheets!.Elements<Sheet>().ToDictionary(s => s.Name!.Value!, s =>
            ((WorksheetPart)workbook.GetPartById(s.Id!)).Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToArray())
                .ToList());
    }

    private static string WriteTemp(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"gongkai-export-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
