using System.IO.Compression;
using System.Text;
using Gongkai.Core.Supervision.Intake;
using Gongkai.Domain.Reports;
using Gongkai.Reports;
using Gongkai.Reports.Formats;
using Gongkai.Reports.Tests;

namespace Gongkai.Core.Tests.Supervision;

/// <summary>Report files for supervision tests: the seeds, variations of a clean report, ZIPs of them.</summary>
public static class ReportFiles
{
    public static readonly string[] Seeds = ["000", "001", "002", "003", "004"];

    public static IntakeFile Seed(string number) =>
        new($"seed-{number}.txt", File.ReadAllBytes(TestFiles.Seed(number)));

    public static ReadReport ReadSeed(string number) => ReportFile.Read(TestFiles.Seed(number));

    /// <summary>
    /// Seed 003 (深圳市龙岗区人民政府, 2022, clean) as another agency's or year's report, written
    /// as canonical JSON; <paramref name="edit"/> may change it further.
    /// </summary>
    public static AnnualReport Clean(string agency, int year, DateOnly? issuedOn, Action<AnnualReport>? edit = null)
    {
        var report = ReadSeed("003").Report;
        report.Agency = agency;
        report.Title = $"{agency}{year}年政府信息公开工作年度报告";
        report.Year = year;
        report.Source.IssuedOn = issuedOn;
        report.Source.Publisher = null;
        edit?.Invoke(report);
        return report;
    }

    public static IntakeFile Json(string name, AnnualReport report) => new(name, Encoding.UTF8.GetBytes(JsonReport.Write(report, [])));

    public static IntakeFile Zip(string name, params (string Path, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in entries)
            {
                using var entry = zip.CreateEntry(path).Open();
                entry.Write(content);
            }
        }
        return new IntakeFile(name, stream.ToArray());
    }

    public static byte[] Junk() => Encoding.UTF8.GetBytes("这不是年度报告，只是一段说明文字。");
}
