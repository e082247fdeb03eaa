using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Reports;
using Gongkai.Reports.Formats;
using Gongkai.Reports.Tests;

namespace Gongkai.Cli.Tests;

/// <summary>The seed reports, what the engine itself says about them, and reports derived from them.</summary>
public static class Seeds
{
    public static readonly string[] Numbers = ["000", "001", "002", "003", "004"];

    public static ReadReport Read(string number) => ReportFile.Read(TestFiles.Seed(number));

    /// <summary>The status code the CLI must give a seed, computed from the engine, not assumed.</summary>
    public static string Status(string number) => ReportChecks.IsClean(Read(number).Findings) ? "clean" : "findings";

    public static int ExitCode(string number) => Status(number) == "clean" ? 0 : 1;

    /// <summary>
    /// Seed 003 (深圳市龙岗区人民政府, 2022) as if it were another year's or another agency's
    /// report, as canonical JSON; <paramref name="edit"/> may change figures.
    /// </summary>
    public static byte[] Seed003As(int year, string? agency = null, Action<AnnualReport>? edit = null)
    {
        var report = Read("003").Report;
        report.Year = year;
        report.Agency = agency ?? report.Agency;
        edit?.Invoke(report);
        return Encoding.UTF8.GetBytes(JsonReport.Write(report, []));
    }

    /// <summary>Adds one to every figure of a row, to make a cross-year rule fail on purpose.</summary>
    public static void AddOne(AnnualReport report, ReportTable table, string row)
    {
        var cells = report.Table(table)[row]!;
        report.Table(table).Set(row, [.. cells.Select(c => Cell.Of((c.Value ?? 0) + 1))]);
    }
}
