using System.Globalization;
using Gongkai.Domain.Reports;
using Gongkai.Reports;
using Gongkai.Reports.Formats;
using Gongkai.Reports.Writing;

namespace Gongkai.Benchmarks;

/// <summary>
/// 1,000 report files for the audit benchmark: the five seeds as published, and reports made from
/// them for 199 units over five years, written in turn as text, HTML, DOCX, JSON and CSV. PDF is
/// left out: reading it runs poppler once per page, which measures poppler, not the audit.
/// </summary>
internal static class AuditCorpus
{
    public const int Files = 1000;
    private static readonly int[] Years = [2019, 2020, 2021, 2022, 2023];

    public static void Write(string folder, string seedsFolder)
    {
        var seeds = Directory.GetFiles(seedsFolder, "*.txt").Order(StringComparer.Ordinal).ToList();
        foreach (var seed in seeds)
            File.Copy(seed, Path.Combine(folder, Path.GetFileName(seed)));
        // The templates' own seeds: 001 (2019 template, 2020) and 003 (2021 template, 2022) read cleanly.
        var y2019 = ReportFile.Read(seeds[1]).Report;
        var y2021 = ReportFile.Read(seeds[3]).Report;
        var random = new Random(2026);
        var written = seeds.Count;
        for (var unit = 1; written < Files; unit++)
        {
            foreach (var year in Years)
            {
                if (written == Files)
                    break;
                var report = Variant(year < 2021 ? y2019 : y2021, $"基准市第{unit.ToString(CultureInfo.InvariantCulture)}局", year, random);
                var name = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"unit{unit:000}-{year}"));
                switch (written % 5)
                {
                    case 0: File.WriteAllText(name + ".txt", TextReport.Write(report)); break;
                    case 1: File.WriteAllText(name + ".html", HtmlReport.Write(report, [])); break;
                    case 2: File.WriteAllBytes(name + ".docx", DocxReport.Write(report)); break;
                    case 3: File.WriteAllText(name + ".json", JsonReport.Write(report, [])); break;
                    default: File.WriteAllText(name + ".csv", CsvReport.Write(report, [])); break;
                }
                written++;
            }
        }
    }

    /// <summary>
    /// A copy of a seed for another unit and year, published within three months; one report in
    /// ten has a figure moved, so that some stop adding up, as in a real region.
    /// </summary>
    private static AnnualReport Variant(AnnualReport seed, string agency, int year, Random random)
    {
        var report = JsonReport.Read(JsonReport.Write(seed, []));
        report.Agency = agency;
        report.Year = year;
        report.Title = $"{agency}{year.ToString(CultureInfo.InvariantCulture)}年政府信息公开工作年度报告";
        report.Source.IssuedOn = new DateOnly(year + 1, 1 + random.Next(3), 1 + random.Next(28));
        if (random.Next(10) == 0)
        {
            var key = report.Requests.Keys.ElementAt(random.Next(report.Requests.Keys.Count()));
            var cells = report.Requests[key]!.ToArray();
            var column = random.Next(cells.Length);
            cells[column] = Cell.Of((cells[column].Value ?? 0) + 1 + random.Next(3));
            report.Requests.Set(key, cells);
        }
        return report;
    }
}
