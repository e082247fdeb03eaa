using Gongkai.Core.Supervision.Intake;
using Gongkai.Reports.Writing;

namespace Gongkai.Core.Tests.Supervision;

public sealed class ReportIntakeTests
{
    [Fact]
    public void ReadAll_FilesAndZip_ReportsInOrderAndEveryOtherFileWithItsReason()
    {
        var docx = DocxReport.Write(ReportFiles.ReadSeed("003").Report);
        IntakeFile[] files =
        [
            ReportFiles.Seed("000"),
            new("empty.txt", []),
            ReportFiles.Zip("more.zip", ("seed-001.txt", ReportFiles.Seed("001").Content), ("note.txt", ReportFiles.Junk()), ("longgang.docx", docx)),
            new("photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]),
        ];

        var result = ReportIntake.ReadAll(files, jobs: 2);

        result.Reports.Select(r => r.Name).ShouldBe(["seed-000.txt", "more.zip/seed-001.txt", "more.zip/longgang.docx"]);
        result.Reports[0].Read.Findings.Select(f => f.Message).ShouldBe(ReportFiles.ReadSeed("000").Findings.Select(f => f.Message));
        result.Reports[2].Read.Report.Agency.ShouldBe("深圳市龙岗区人民政府");
        result.Rejections.Select(r => (r.FileName, r.Reason[..4])).ShouldBe(
            [("empty.txt", "文件为空"), ("more.zip/note.txt", "文件中没"), ("photo.png", "这是图片")]);
        result.FileCount.ShouldBe(6);
    }
}
