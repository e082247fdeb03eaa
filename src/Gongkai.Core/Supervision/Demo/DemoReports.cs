using System.Globalization;
using System.Text;
using Gongkai.Core.Agencies;
using Gongkai.Core.Supervision.Intake;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Reports;
using Gongkai.Reports.Writing;

namespace Gongkai.Core.Supervision.Demo;

/// <summary>
/// The published reports of the demo region for 2022 and 2023, written with the engine's writers
/// (text, HTML, DOCX in turn) so the workspace reads them as it reads any upload. They are
/// consistent, year over year, except for what the demo shows on purpose: a late report, a
/// missing one, one without 发文日期, a broken balance, outcome rows that do not add up, a carry
/// that does not match last year, a report whose prose is last year's, and a county whose report
/// sums its units' but for one figure of table 四.
/// </summary>
internal static class DemoReports
{
    public static readonly int[] Years = [2022, 2023];

    /// <summary>What the demo breaks, by agency key.</summary>
    public const string Late = "city.police";
    public const string Missing = "linjiang";
    public const string Undated = "mingde";
    public const string Unbalanced = "city.education";
    public const string Copied = "city.education";
    public const string OutcomesOff = "city.land";
    public const string CarryOff = "city.land";
    public const string Region = "anlan";

    public static List<IntakeFile> Files(IReadOnlyDictionary<string, Agency> agencies)
    {
        var random = new Random(49);
        var reports = new Dictionary<(string Key, int Year), AnnualReport>();
        foreach (var (key, agency) in agencies)
        {
            AnnualReport? previous = null;
            foreach (var year in Years)
                previous = reports[(key, year)] = Report(key, agency, year, previous, random);
        }
        foreach (var year in Years)
            SumRegion(reports[(Region, year)], [.. agencies.Keys.Where(k => k.StartsWith(Region + ".", StringComparison.Ordinal)).Select(k => reports[(k, year)])], random);
        var files = new List<IntakeFile>();
        foreach (var ((key, year), report) in reports)
        {
            if (key != Missing || year != 2023)
                files.Add(Write(report, files.Count));
        }
        return files;
    }

    /// <summary>
    /// The county's report as the summary of its units' (every table summed, so it stays consistent
    /// year over year), except that in 2023 one more review was counted as upheld than its units report.
    /// </summary>
    private static void SumRegion(AnnualReport region, IReadOnlyList<AnnualReport> units, Random random)
    {
        var sum = ReportSummation.Sum(region.Template, region.Year!.Value, region.Agency!, units);
        foreach (var table in ReportSchema.Tables)
        {
            foreach (var key in sum.Table(table).Keys.ToList())
                region.Table(table).Set(key, sum.Table(table)[key]!);
        }
        if (region.Year == 2023)
        {
            var review = region.ReviewLitigation["review"]!.ToArray();
            review[0] = Cell.Of(review[0].Value!.Value + 1);
            review[ReportSchema.ReviewTotalColumn] = Cell.Of(review[ReportSchema.ReviewTotalColumn].Value!.Value + 1);
            region.ReviewLitigation.Set("review", review);
        }
        var requests = region.Sections.FindIndex(s => s.Topic == SectionTopic.Requests);
        region.Sections[requests] = region.Sections[requests] with { Text = RequestsText(region, random, region.Year!.Value) };
    }

    private static IntakeFile Write(AnnualReport report, int index)
    {
        var name = $"{report.Agency}{report.Year?.ToString(CultureInfo.InvariantCulture)}年政府信息公开工作年度报告";
        return (index % 3) switch
        {
            0 => new IntakeFile(name + ".txt", Encoding.UTF8.GetBytes(TextReport.Write(report))),
            1 => new IntakeFile(name + ".html", Encoding.UTF8.GetBytes(HtmlReport.Write(report, []))),
            _ => new IntakeFile(name + ".docx", DocxReport.Write(report)),
        };
    }

    private static AnnualReport Report(string key, Agency agency, int year, AnnualReport? previous, Random random)
    {
        var y = year.ToString(CultureInfo.InvariantCulture);
        var report = new AnnualReport
        {
            Template = ReportTemplate.Y2021,
            Agency = agency.Name,
            Year = year,
            Title = $"{agency.Name}{y}年政府信息公开工作年度报告",
        };
        report.Source.IndexNumber = $"{agency.OrganizationCode}/{(year + 1).ToString(CultureInfo.InvariantCulture)}-00001";
        report.Source.Publisher = agency.Name;
        report.Source.Category = "政府信息公开年报";
        report.Source.IssuedOn = IssuedOn(key, agency, year, random);
        Requests(report, previous, random);
        Review(report, random);
        Proactive(report, previous, random, agency.Level);
        Break(key, year, report);
        Sections(key, report, previous, random);
        return report;
    }

    private static DateOnly? IssuedOn(string key, Agency agency, int year, Random random) =>
        key == Undated && year == 2022 ? null
        : key == Late && year == 2023 ? new DateOnly(year + 1, 2, 20)
        : agency.Level == AgencyLevel.Department ? new DateOnly(year + 1, 1, 8 + random.Next(20))
        : new DateOnly(year + 1, 3, 1 + random.Next(27));

    /// <summary>Table 三 that balances: outcomes per applicant column, totals derived, carry from last year.</summary>
    private static void Requests(AnnualReport report, AnnualReport? previous, Random random)
    {
        var t = report.Requests;
        var outcomes = report.Rows(ReportTable.Requests).Where(ReportSchema.IsOutcome).ToList();
        var counts = outcomes.ToDictionary(r => r.Key, _ => new decimal[7]);
        for (var c = 0; c < 6; c++)
        {
            var scale = c == 0 ? 12 : c == 1 ? 4 : 1;
            foreach (var row in outcomes)
            {
                // No unpaid fee notices: the reports say no fee was charged (fees.section6).
                var weight = row.Key == "results.other.feeUnpaid" ? 0
                    : row.Key == "results.granted" ? 3 : row.Key is "results.partiallyGranted" or "results.unavailable.notHeld" ? 2 : random.Next(4) == 0 ? 1 : 0;
                counts[row.Key][c] = weight == 0 ? 0 : random.Next(scale * weight + 1);
            }
        }
        var total = new decimal[7];
        foreach (var row in outcomes)
        {
            counts[row.Key][6] = counts[row.Key].Take(6).Sum();
            t.Set(row.Key, [.. counts[row.Key].Select(Cell.Of)]);
            for (var c = 0; c < 7; c++)
                total[c] += counts[row.Key][c];
        }
        t.Set("results.total", [.. total.Select(Cell.Of)]);
        var carriedOver = Enumerable.Range(0, 6).Select(c => previous?.Requests.Value("carriedForward", c) ?? (c == 0 ? random.Next(3) : 0)).ToList();
        var carriedForward = Enumerable.Range(0, 6).Select(c => c < 2 ? (decimal)random.Next(3) : 0).ToList();
        var received = Enumerable.Range(0, 6).Select(c => total[c] + carriedForward[c] - carriedOver[c]).ToList();
        for (var c = 0; c < 6; c++)
        {
            // More carried over than handled: the surplus counts as handled by 予以公开.
            if (received[c] >= 0)
                continue;
            counts["results.granted"][c] -= received[c];
            total[c] -= received[c];
            received[c] = 0;
        }
        counts["results.granted"][6] = counts["results.granted"].Take(6).Sum();
        total[6] = total.Take(6).Sum();
        t.Set("results.granted", [.. counts["results.granted"].Select(Cell.Of)]);
        t.Set("results.total", [.. total.Select(Cell.Of)]);
        t.Set("carriedOver", WithTotal(carriedOver));
        t.Set("carriedForward", WithTotal(carriedForward));
        t.Set("newReceived", WithTotal(received));
    }

    private static void Review(AnnualReport report, Random random)
    {
        foreach (var row in new[] { "review", "litigationWithoutReview", "litigationAfterReview" })
        {
            var upheld = random.Next(row == "review" ? 4 : 2);
            var corrected = random.Next(3) == 0 ? 1 : 0;
            var other = random.Next(4) == 0 ? 1 : 0;
            var pending = random.Next(3) == 0 ? 1 : 0;
            report.ReviewLitigation.Set(row, [Cell.Of(upheld), Cell.Of(corrected), Cell.Of(other), Cell.Of(pending), Cell.Of(upheld + corrected + other + pending)]);
        }
    }

    /// <summary>Table 二; documents in force carry on from last year (year.in-force holds).</summary>
    private static void Proactive(AnnualReport report, AnnualReport? previous, Random random, AgencyLevel level)
    {
        foreach (var key in new[] { "rules", "normativeDocuments" })
        {
            var makesRules = key == "normativeDocuments" || level is AgencyLevel.Province or AgencyLevel.City;
            var before = previous?.Proactive.Value(key, 2) ?? (makesRules ? 10 + random.Next(30) : 0);
            var issued = makesRules ? random.Next(6) : 0;
            var repealed = makesRules ? Math.Min(before, random.Next(3)) : 0;
            report.Proactive.Set(key, [Cell.Of(issued), Cell.Of(repealed), Cell.Of(before + issued - repealed)]);
        }
        report.Proactive.Set("licensing", [Cell.Of(random.Next(400))]);
        report.Proactive.Set("penalties", [Cell.Of(random.Next(120))]);
        report.Proactive.Set("coercion", [Cell.Of(random.Next(10))]);
        report.Proactive.Set("fees", [Cell.Of(0)]);
    }

    private static void Break(string key, int year, AnnualReport report)
    {
        if (year != 2023)
            return;
        var t = report.Requests;
        if (key == Unbalanced)
            Add(t, "newReceived", 0, 2);
        if (key == OutcomesOff)
            Add(t, "results.granted", 0, -1);
        if (key == CarryOff)
        {
            Add(t, "carriedOver", 0, 1);
            Add(t, "newReceived", 0, -1);
        }
    }

    /// <summary>Changes one applicant column and the row's 总计 with it, so only the rule the demo aims at breaks.</summary>
    private static void Add(StatTable table, string row, int column, decimal delta)
    {
        var cells = table[row]!.ToArray();
        cells[column] = Cell.Of(cells[column].Value!.Value + delta);
        cells[ReportSchema.TotalColumn] = Cell.Of(cells[ReportSchema.TotalColumn].Value!.Value + delta);
        table.Set(row, cells);
    }

    private static void Sections(string key, AnnualReport report, AnnualReport? previous, Random random)
    {
        var year = report.Year!.Value;
        var y = year.ToString(CultureInfo.InvariantCulture);
        report.Sections.Add(new ReportSection(0, "",
            $"根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室有关要求，现公布{report.Agency}{y}年政府信息公开工作年度报告。本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。",
            SectionTopic.Other));
        if (key == Copied && previous is not null)
        {
            // Last year's prose with this year's figures: what a copy-paste report looks like.
            foreach (var s in previous.Sections.Where(s => s.Number > 0))
                report.Sections.Add(s with { Text = s.Topic == SectionTopic.Requests ? RequestsText(report, random, 2022) : s.Text });
            return;
        }
        report.Sections.Add(new ReportSection(1, "总体情况", Pick(DemoProse.Overview[year], 3, random), SectionTopic.Overview));
        report.Sections.Add(new ReportSection(2, "主动公开政府信息情况", Pick(DemoProse.Proactive[year], 2, random), SectionTopic.Proactive));
        report.Sections.Add(new ReportSection(3, "收到和处理政府信息公开申请情况", RequestsText(report, random, year), SectionTopic.Requests));
        report.Sections.Add(new ReportSection(4, "政府信息公开行政复议、行政诉讼情况", DemoProse.ReviewLitigation[year][0], SectionTopic.ReviewLitigation));
        report.Sections.Add(new ReportSection(5, "存在的主要问题及改进情况", string.Join("\n", DemoProse.Problems[year]), SectionTopic.Problems));
        report.Sections.Add(new ReportSection(6, "其他需要报告的事项", DemoProse.Fees, SectionTopic.OtherMatters));
    }

    private static string RequestsText(AnnualReport report, Random random, int proseYear) =>
        $"本年度新收政府信息公开申请{Cell.Format(report.Requests.Value("newReceived", ReportSchema.TotalColumn)!.Value)}件。" + Pick(DemoProse.Requests[proseYear], 2, random);

    private static string Pick(string[] sentences, int count, Random random) =>
        string.Join("\n", sentences.OrderBy(_ => random.Next()).Take(count));

    private static Cell[] WithTotal(IReadOnlyList<decimal> columns) => [.. columns.Select(Cell.Of), Cell.Of(columns.Sum())];
}
