using System.Globalization;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Reports;
using Gongkai.Reports.Formats;

namespace Gongkai.Benchmarks.Accuracy;

/// <summary>
/// The development corpus of the accuracy table: the three seeds with tables (000, 001, 003) and
/// reports made up by <see cref="CorpusReports"/> in both templates, each written in every
/// <see cref="Layouts">layout</see> (PDF layouts for eight of them), with the expected report beside
/// it: DIR/files/ID.LAYOUT.EXT and DIR/expected/ID.json (the canonical JSON with the findings of
/// the expected report itself).
/// </summary>
public static class AccuracyCorpus
{
    private static readonly string[] PdfModels = ["seed001", "seed003", "gen2021-1", "gen2021-2", "gen2021-3", "gen2019-1", "gen2019-2", "gen2019-3"];

    public static void Build(string dir, string root)
    {
        var files = Directory.CreateDirectory(Path.Combine(dir, "files")).FullName;
        var expected = Directory.CreateDirectory(Path.Combine(dir, "expected")).FullName;
        var staging = Directory.CreateDirectory(Path.Combine(dir, "staging")).FullName;
        var toPdf = new List<(string, string)>();
        var toDocx = new List<(string, string)>();
        foreach (var (id, report) in Models(root))
        {
            File.WriteAllText(Path.Combine(expected, id + ".json"), JsonReport.Write(report, ReportChecks.Check(report)));
            var random = new Random(id.Sum(c => (int)c));
            foreach (var layout in Layouts.All)
            {
                if (layout.Format == "pdf" && !PdfModels.Contains(id))
                    continue;
                var path = Path.Combine(files, $"{id}.{layout.Name}.{layout.Extension}");
                if (File.Exists(path))
                    continue;
                Console.Error.WriteLine($"  {Path.GetFileName(path)}");
                switch (layout.Name)
                {
                    case "pdf-libreoffice":
                        var docx = Path.Combine(staging, id + ".docx");
                        File.WriteAllBytes(docx, Gongkai.Reports.Writing.DocxReport.Write(report));
                        toPdf.Add((docx, path));
                        break;
                    case "docx-libreoffice":
                        var html = Path.Combine(staging, id + ".html");
                        File.WriteAllText(html, Gongkai.Reports.Writing.HtmlReport.Write(report, []));
                        toDocx.Add((html, path));
                        break;
                    default:
                        File.WriteAllBytes(path, Layouts.Write(layout, report, random)!);
                        break;
                }
            }
        }
        Layouts.Convert(staging, toPdf, toDocx);
        Directory.Delete(staging, recursive: true);
    }

    /// <summary>The reports of the corpus by id: the seeds as read (their every cell is asserted by SeedTests), and made-up ones.</summary>
    private static IEnumerable<(string Id, AnnualReport Report)> Models(string root)
    {
        foreach (var seed in new[] { "000", "001", "003" })
        {
            var file = Directory.GetFiles(Path.Combine(root, "tests", "data", "seeds"), seed + "_*.txt").Single();
            var report = ReportFile.Read(file).Report;
            // Read back from JSON: the model without where its cells were printed in the seed.
            yield return ("seed" + seed, JsonReport.Read(JsonReport.Write(Unsourced(report), [])));
        }
        for (var i = 1; i <= 6; i++)
            yield return (string.Create(CultureInfo.InvariantCulture, $"gen2021-{i}"), CorpusReports.Consistent(2021_00 + i, ReportTemplate.Y2021));
        for (var i = 1; i <= 5; i++)
            yield return (string.Create(CultureInfo.InvariantCulture, $"gen2019-{i}"), CorpusReports.Consistent(2019_00 + i, ReportTemplate.Y2019));
    }

    private static AnnualReport Unsourced(AnnualReport report)
    {
        foreach (var table in ReportSchema.Tables)
        {
            var data = report.Table(table);
            foreach (var key in data.Keys.ToList())
                data.Set(key, [.. data[key]!.Select(c => c with { Source = null })]);
        }
        return report;
    }
}
