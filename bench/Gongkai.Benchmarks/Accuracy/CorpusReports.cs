using System.Globalization;
using Gongkai.Domain.Reports;

namespace Gongkai.Benchmarks.Accuracy;

/// <summary>
/// Reports made up for the accuracy corpus, as a careful office publishes them: every table adds
/// up (so any arithmetic finding on reading one back is a false alarm), figures are printed as 0 or
/// with the marks offices use for nothing (/ and —, never an empty cell, which text layouts lose),
/// and the prose states figures of the tables in the ways real reports put them — totals, outcomes
/// alone and combined, applicants, review and litigation, normative documents, fees — so that the
/// prose checks are measured for false alarms too. Deterministic for a seed.
/// </summary>
public static class CorpusReports
{
    private static readonly string[] Agencies =
    [
        "江川市临河区人民政府", "江川市生态环境局", "青石镇人民政府", "某某市住房和城乡建设局", "清溪县人民政府办公室",
        "江川市人力资源和社会保障局", "某某市某某区教育局", "某某县自然资源局",
    ];

    public static AnnualReport Consistent(int seed, ReportTemplate template)
    {
        var random = new Random(seed);
        var year = template == ReportTemplate.Y2019 ? 2019 + random.Next(2) : 2021 + random.Next(4);
        var agency = Agencies[random.Next(Agencies.Length)];
        var report = new AnnualReport
        {
            Template = template,
            Agency = agency,
            Year = year,
            Title = $"{agency}{year.ToString(CultureInfo.InvariantCulture)}年政府信息公开工作年度报告",
        };
        Requests(random, report);
        Review(random, report);
        Proactive(random, report);
        Prose(random, report);
        return report;
    }

    private static void Requests(Random random, AnnualReport report)
    {
        var r = report.Requests;
        var rows = report.Rows(ReportTable.Requests).ToList();
        foreach (var row in rows.Where(ReportSchema.IsOutcome))
        {
            // Most applicants are natural persons; most outcome rows of a small office are empty.
            var busy = row.Key is "results.granted" or "results.partiallyGranted" or "results.unavailable.notHeld" || random.Next(3) == 0;
            decimal[] applicants = [.. Enumerable.Range(0, 6).Select(c => busy ? (decimal)random.Next(c == 0 ? 60 : c == 1 ? 8 : 2) : 0)];
            if (row.Key == "results.other.feeUnpaid")
                applicants = [0, 0, 0, 0, 0, 0];
            r.Set(row.Key, Row(random, applicants));
        }
        var outcomes = rows.Where(ReportSchema.IsOutcome).Select(d => r[d.Key]!).ToList();
        var total = Enumerable.Range(0, 6).Select(c => outcomes.Sum(o => o[c].Value!.Value)).ToArray();
        r.Set("results.total", Row(random, total));
        var carriedOver = total.Select(t => (decimal)random.Next((int)Math.Min(t, 4) + 1)).ToArray();
        var carriedForward = total.Select(_ => (decimal)random.Next(3)).ToArray();
        r.Set("carriedOver", Row(random, carriedOver));
        r.Set("carriedForward", Row(random, carriedForward));
        r.Set("newReceived", Row(random, [.. Enumerable.Range(0, 6).Select(c => total[c] + carriedForward[c] - carriedOver[c])]));
    }

    private static void Review(Random random, AnnualReport report)
    {
        foreach (var group in new[] { "review", "litigationWithoutReview", "litigationAfterReview" })
        {
            var quiet = random.Next(3) == 0;
            decimal[] parts = [.. Enumerable.Range(0, 4).Select(_ => quiet ? 0m : random.Next(4))];
            report.ReviewLitigation.Set(group, [.. parts.Select(p => Figure(random, p)), Cell.Of(parts.Sum())]);
        }
    }

    private static void Proactive(Random random, AnnualReport report)
    {
        var p = report.Proactive;
        if (report.Template == ReportTemplate.Y2021)
        {
            foreach (var key in new[] { "rules", "normativeDocuments" })
            {
                var issued = random.Next(key == "rules" ? 2 : 12);
                var repealed = random.Next(4);
                p.Set(key, [Figure(random, issued), Figure(random, repealed), Cell.Of(issued + random.Next(20, 150))]);
            }
            foreach (var key in new[] { "licensing", "penalties", "coercion" })
                p.Set(key, [Figure(random, random.Next(2) == 0 ? 0 : random.Next(20, 20000))]);
            p.Set("fees", [Cell.Of(Math.Round(random.Next(0, 50000) / 100m, 2))]);
            return;
        }
        foreach (var key in new[] { "rules", "normativeDocuments" })
        {
            var made = random.Next(10);
            p.Set(key, [Figure(random, made), Figure(random, made), Cell.Of(made + random.Next(10, 200))]);
        }
        foreach (var key in new[] { "licensing", "otherServices", "penalties", "coercion" })
            p.Set(key, [Cell.Of(random.Next(0, 400)), Cell.Of(random.Next(-20, 30)), Figure(random, random.Next(0, 15000))]);
        p.Set("fees", [Cell.Of(random.Next(0, 40)), Figure(random, 0)]);
        p.Set("procurement", [Cell.Of(random.Next(0, 300)), Cell.Of(Math.Round(random.Next(0, 10_000_000) / 100m, 2))]);
    }

    /// <summary>A row of six applicant columns and its total.</summary>
    private static Cell[] Row(Random random, decimal[] applicants) => [.. applicants.Select(a => Figure(random, a)), Cell.Of(applicants.Sum())];

    /// <summary>A count as printed: a nought is now and then printed as / or —.</summary>
    private static Cell Figure(Random random, decimal value) => value != 0 ? Cell.Of(value) : random.Next(10) switch
    {
        0 => new Cell(0, "/", CellForm.Slash),
        1 => new Cell(0, "—", CellForm.Dash),
        _ => Cell.Of(0),
    };

    private static decimal Total(AnnualReport r, string key, int column = ReportSchema.TotalColumn) => r.Requests.Value(key, column)!.Value;

    private static decimal Sum(AnnualReport r, string prefix) =>
        r.Rows(ReportTable.Requests).Where(d => d.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(d => Total(r, d.Key));

    private static string S(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Prose(Random random, AnnualReport report)
    {
        var r = report;
        var y = S(report.Year!.Value);
        var received = Total(r, "newReceived");
        var overview = random.Next(3) switch
        {
            0 => $"{y}年，{report.Agency}认真贯彻落实《中华人民共和国政府信息公开条例》，共收到政府信息公开申请{S(received)}件，上年结转{S(Total(r, "carriedOver"))}件，办结{S(Total(r, "results.total"))}件，结转下年度继续办理{S(Total(r, "carriedForward"))}件。",
            1 => $"全年共受理依申请公开事项{S(received)}件，均在法定期限内答复。",
            _ => $"本年度新收政府信息公开申请{S(received)}件，较上年增加{S(random.Next(1, 30))}件。",
        };
        var granted = Total(r, "results.granted");
        var partial = Total(r, "results.partiallyGranted");
        var requests = random.Next(3) switch
        {
            0 => $"其中予以公开{S(granted)}件，部分公开{S(partial)}件，不予公开{S(Sum(r, "results.denied."))}件，无法提供{S(Sum(r, "results.unavailable."))}件，不予处理{S(Sum(r, "results.notProcessed."))}件，其他处理{S(Sum(r, "results.other"))}件。",
            1 => $"办理结果中，予以公开及部分公开{S(granted + partial)}件，不予公开和无法提供{S(Sum(r, "results.denied.") + Sum(r, "results.unavailable."))}件。",
            _ => $"同意公开答复{S(granted)}件，部分公开答复{S(partial)}件；自然人申请{S(Total(r, "newReceived", 0))}件。",
        };
        var review = r.ReviewLitigation.Value("review", ReportSchema.ReviewTotalColumn)!.Value;
        var litigation = r.ReviewLitigation.Value("litigationWithoutReview", ReportSchema.ReviewTotalColumn)!.Value
                         + r.ReviewLitigation.Value("litigationAfterReview", ReportSchema.ReviewTotalColumn)!.Value;
        var reviewText = review == 0 && litigation == 0
            ? "本年度未发生政府信息公开行政复议和行政诉讼。"
            : $"全年发生政府信息公开行政复议{S(review)}件，其中结果维持{S(r.ReviewLitigation.Value("review", 0)!.Value)}件；行政诉讼{S(litigation)}件。";
        var proactive = report.Template == ReportTemplate.Y2021
            ? $"本年度制发行政规范性文件{S(r.Proactive.Value("normativeDocuments", 0)!.Value)}件，废止{S(r.Proactive.Value("normativeDocuments", 1)!.Value)}件，现行有效规范性文件{S(r.Proactive.Value("normativeDocuments", 2)!.Value)}件。"
            : random.Next(2) == 0
                ? $"本年新制作规范性文件{S(r.Proactive.Value("normativeDocuments", 0)!.Value)}件，全部主动公开。"
                : "坚持以公开为常态、不公开为例外，及时主动公开政策文件、规划计划和财政预决算信息。";
        if (report.Template == ReportTemplate.Y2021 && random.Next(2) == 0)
            proactive += $"全年行政事业性收费{S(r.Proactive.Value("fees", 0)!.Value)}万元。";
        (int, SectionTopic, string, string)[] sections =
        [
            (1, SectionTopic.Overview, "总体情况", overview + "持续推进政务公开标准化规范化建设，切实保障人民群众的知情权、参与权和监督权。"),
            (2, SectionTopic.Proactive, "主动公开政府信息情况", proactive),
            (3, SectionTopic.Requests, "收到和处理政府信息公开申请情况", requests),
            (4, SectionTopic.ReviewLitigation, "政府信息公开行政复议、行政诉讼情况", reviewText),
            (5, SectionTopic.Problems, "存在的主要问题及改进情况",
                "一是政策解读形式较为单一；二是基层政务公开标准化规范化水平有待提升。下一步，将丰富解读形式，加强业务培训，推动政务公开工作提质增效。"),
            (6, SectionTopic.OtherMatters, "其他需要报告的事项", "本年度未收取信息处理费。"),
        ];
        report.Sections.Add(new ReportSection(0, "", "本报告根据《中华人民共和国政府信息公开条例》要求编制。", SectionTopic.Other));
        foreach (var (number, topic, heading, text) in sections)
            report.Sections.Add(new ReportSection(number, heading, text, topic));
    }
}
