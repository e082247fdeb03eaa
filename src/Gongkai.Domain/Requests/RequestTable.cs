using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Requests;

/// <summary>
/// Table 三 from the counts of requests (docs/outcomes.md): received in the year, open at the last
/// and at this year end, and decided in the year by applicant type and outcome. "Open on 31
/// December" means received by then and not yet decided: the year's 结转下年度继续办理 and the next
/// year's 上年结转.
/// </summary>
public static class RequestTable
{
    public static bool IsOpenOn(DateOnly? receivedOn, DateOnly? decidedOn, DateOnly day) =>
        receivedOn is { } r && r <= day && (decidedOn is not { } d || d > day);

    /// <summary>
    /// The first day from which a change to a request moves it in table 三 — its receipt (新收, and
    /// open at a year end), its decision or outcome (办理结果, and open at a year end) — or null when the
    /// change moves nothing. A year whose report is published must not be moved (docs/decisions/0022).
    /// </summary>
    public static DateOnly? CountingChangesFrom(DateOnly? receivedBefore, DateOnly? decidedBefore, Outcome? outcomeBefore,
        DateOnly? receivedAfter, DateOnly? decidedAfter, Outcome? outcomeAfter)
    {
        DateOnly? first = null;
        void Add(DateOnly? day)
        {
            if (day is { } d && (first is null || d < first))
                first = d;
        }
        if (receivedBefore != receivedAfter)
        {
            Add(receivedBefore);
            Add(receivedAfter);
        }
        if (decidedBefore != decidedAfter || outcomeBefore != outcomeAfter)
        {
            Add(decidedBefore);
            Add(decidedAfter);
        }
        return first;
    }

    /// <summary>The rows of table 三 in the template's keys; every outcome row present, zero when nothing was decided so.</summary>
    public static StatTable Build(ReportTemplate template, TableThreeCounts counts)
    {
        var table = new StatTable(ReportTable.Requests);
        table.Set("newReceived", Row(counts.NewReceived));
        table.Set("carriedOver", Row(counts.CarriedOver));
        var results = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var outcome in Enum.GetValues<Outcome>())
            results.TryAdd(Outcomes.RowKey(outcome, template), new int[6]);
        var total = new int[6];
        foreach (var ((type, outcome), count) in counts.Decided)
        {
            results[Outcomes.RowKey(outcome, template)][ApplicantTypes.Column(type)] += count;
            total[ApplicantTypes.Column(type)] += count;
        }
        foreach (var (key, row) in results)
            table.Set(key, Row(row));
        table.Set("results.total", Row(total));
        table.Set("carriedForward", Row(counts.CarriedForward));
        return table;
    }

    /// <summary>Six applicant columns and their 总计.</summary>
    private static Cell[] Row(IReadOnlyList<int> byType) => [.. byType.Select(v => Cell.Of(v)), Cell.Of(byType.Sum())];
}

/// <summary>The counts behind table 三; arrays are indexed by <see cref="ApplicantTypes.Column"/>.</summary>
public sealed record TableThreeCounts(
    int[] NewReceived,
    int[] CarriedOver,
    IReadOnlyDictionary<(ApplicantType Type, Outcome Outcome), int> Decided,
    int[] CarriedForward);
