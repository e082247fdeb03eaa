using Gongkai.Core.Supervision.Intake;
using Gongkai.Reports;
using Gongkai.Reports.Writing;

namespace Gongkai.Core.Tests.Supervision;

public sealed class ZipIntakeTests
{
    [Fact]
    public void Expand_SeedsInFolders_EveryFileWithItsPath()
    {
        var zip = ReportFiles.Zip("reports.zip", [.. ReportFiles.Seeds.Select(n => ($"2020/seed-{n}.txt", ReportFiles.Seed(n).Content))]);

        var (files, rejections) = ZipIntake.Expand(zip);

        rejections.ShouldBeEmpty();
        files.Select(f => f.Name).ShouldBe(ReportFiles.Seeds.Select(n => $"reports.zip/2020/seed-{n}.txt"));
        files[0].Content.ShouldBe(ReportFiles.Seed("000").Content);
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("a/../../outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/windows/win.ini")]
    public void Expand_UnsafePath_RefusedOthersRead(string path)
    {
        var zip = ReportFiles.Zip("up.zip", (path, ReportFiles.Seed("001").Content), ("ok.txt", ReportFiles.Seed("003").Content));

        var (files, rejections) = ZipIntake.Expand(zip);

        files.Select(f => f.Name).ShouldBe(["up.zip/ok.txt"]);
        rejections.Single().Reason.ShouldContain("路径不安全");
    }

    [Fact]
    public void Expand_ZipInsideZip_NotExpanded()
    {
        var inner = ReportFiles.Zip("inner.zip", ("a.txt", ReportFiles.Seed("001").Content));
        var zip = ReportFiles.Zip("outer.zip", ("inner.zip", inner.Content), ("b.txt", ReportFiles.Seed("003").Content));

        var (files, rejections) = ZipIntake.Expand(zip);

        files.Select(f => f.Name).ShouldBe(["outer.zip/b.txt"]);
        rejections.ShouldBe([new("outer.zip/inner.zip", "压缩包内的压缩包不再展开，请解压后上传")]);
    }

    [Fact]
    public void Expand_TooManyEntries_RefusedWhole()
    {
        var zip = ReportFiles.Zip("many.zip", [.. Enumerable.Range(0, 4).Select(i => ($"{i}.txt", ReportFiles.Junk()))]);

        var (files, rejections) = ZipIntake.Expand(zip, maxEntries: 3, maxTotalBytes: ZipIntake.MaxTotalBytes);

        files.ShouldBeEmpty();
        rejections.Single().Reason.ShouldContain("超过 3 个的上限");
    }

    [Fact]
    public void Expand_InflatesPastTotalBudget_StopsThere()
    {
        var seed = ReportFiles.Seed("001").Content;
        var zip = ReportFiles.Zip("big.zip", ("a.txt", seed), ("b.txt", seed), ("c.txt", seed));

        var (files, rejections) = ZipIntake.Expand(zip, ZipIntake.MaxEntries, maxTotalBytes: seed.Length * 2L + 10);

        files.Select(f => f.Name).ShouldBe(["big.zip/a.txt", "big.zip/b.txt"]);
        rejections.Single().FileName.ShouldBe("big.zip/c.txt");
        rejections.Single().Reason.ShouldContain("解压后超过");
    }

    [Fact]
    public void Expand_EntryBeyondReportLimit_RejectedAlone()
    {
        var zip = ReportFiles.Zip("huge.zip", ("zeros.txt", new byte[ReportFile.MaxBytes + 1]), ("ok.txt", ReportFiles.Seed("003").Content));

        var (files, rejections) = ZipIntake.Expand(zip);

        files.Select(f => f.Name).ShouldBe(["huge.zip/ok.txt"]);
        rejections.Single().Reason.ShouldStartWith("文件超过 30 MB");
    }

    [Fact]
    public void Expand_Damaged_OneRejection()
    {
        var zip = ReportFiles.Zip("x.zip", ("a.txt", ReportFiles.Seed("001").Content));
        var damaged = new IntakeFile("x.zip", zip.Content[..(zip.Content.Length / 2)]);

        var (files, rejections) = ZipIntake.Expand(damaged);

        files.ShouldBeEmpty();
        rejections.Single().Reason.ShouldStartWith("压缩包已损坏");
    }

    [Fact]
    public void IsArchive_WordDocument_NoArchive()
    {
        var docx = DocxReport.Write(ReportFiles.ReadSeed("003").Report);

        ZipIntake.IsArchive(docx).ShouldBeFalse();
        ZipIntake.IsArchive(ReportFiles.Zip("a.zip", ("a.docx", docx)).Content).ShouldBeTrue();
    }
}
