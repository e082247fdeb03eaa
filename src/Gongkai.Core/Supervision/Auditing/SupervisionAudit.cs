using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Domain.Supervision;

namespace Gongkai.Core.Supervision.Auditing;

/// <summary>
/// The supervision audit (年报检查) over a set of reports, the same for a workspace in the web app
/// and for a folder on the command line: for each unit and year published / late / date unknown /
/// missing, the findings of every report and across consecutive years, prose repeated from the
/// previous report, and a ranking of units.
/// </summary>
public sealed class SupervisionAudit
{
    private readonly Dictionary<(string Unit, int Year), UnitYear> cells;

    private SupervisionAudit(string title, IReadOnlyList<int> years, IReadOnlyList<AuditUnit> units,
        Dictionary<(string, int), UnitYear> cells, IReadOnlyList<AuditedItem> items, IReadOnlyList<AuditedItem> unplaced,
        IReadOnlyList<RejectedInput> rejections)
    {
        Title = title;
        Years = years;
        Units = units;
        this.cells = cells;
        Items = items;
        Unplaced = unplaced;
        Rejections = rejections;
        Ranking = Auditing.Ranking.Of(this);
    }

    public string Title { get; }

    /// <summary>The years audited, oldest first.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>Registered units in tree order, then units known only by a printed name.</summary>
    public IReadOnlyList<AuditUnit> Units { get; }

    /// <summary>Every report read, in the order given.</summary>
    public IReadOnlyList<AuditedItem> Items { get; }

    /// <summary>Reports without a year or an agency name: they cannot be placed in the grid.</summary>
    public IReadOnlyList<AuditedItem> Unplaced { get; }

    public IReadOnlyList<RejectedInput> Rejections { get; }

    public IReadOnlyList<RankingRow> Ranking { get; }

    public UnitYear Cell(AuditUnit unit, int year) => cells[(unit.Key, year)];

    public IEnumerable<UnitYear> Row(AuditUnit unit) => Years.Select(y => Cell(unit, y));

    public IEnumerable<UnitYear> AllCells => Units.SelectMany(Row);

    /// <summary>The unit-year whose counting report is this item, if it is one.</summary>
    public UnitYear? CellOf(AuditedItem item) => cells.Values.FirstOrDefault(c => c.Report == item);

    public int Count(PublicationStatus status) => AllCells.Count(c => c.Status == status);

    /// <summary>
    /// Builds the audit. <paramref name="registered"/> are the units expected to publish (none on
    /// the command line); <paramref name="onlyYear"/> limits the grid to one year, while the year
    /// before still serves the checks across years.
    /// </summary>
    public static SupervisionAudit Build(string title, IReadOnlyList<AuditUnit> registered, IReadOnlyList<AuditedItem> items,
        IReadOnlyList<RejectedInput> rejections, int? onlyYear = null)
    {
        var units = registered.ToDictionary(u => u.Key);
        var byAgency = registered.Where(u => u.AgencyId is not null).ToDictionary(u => u.AgencyId!.Value);
        var placed = new List<(AuditUnit Unit, int Year, AuditedItem Item)>();
        var unplaced = new List<AuditedItem>();
        foreach (var item in items)
        {
            var unit = item.AgencyId is { } id && byAgency.TryGetValue(id, out var agency) ? agency
                : item.PrintedAgency is { } printed ? AuditUnit.ForPrintedName(printed)
                : null;
            if (unit is null || item.Report.Year is not { } year)
            {
                unplaced.Add(item);
                continue;
            }
            units.TryAdd(unit.Key, unit);
            placed.Add((units[unit.Key], year, item));
        }

        var counting = placed.GroupBy(p => (p.Unit.Key, p.Year))
            .ToDictionary(g => g.Key, g => Counting(g.Select(p => p.Item).ToList()));
        var years = placed.Select(p => p.Year).Where(y => onlyYear is null || y == onlyYear).Distinct().Order().ToList();
        if (onlyYear is { } only && years.Count == 0)
            years.Add(only);
        var ordered = registered.Concat(units.Values.Where(u => !u.IsRegistered).OrderBy(u => u.Name, StringComparer.Ordinal)).ToList();

        // Units are independent, and comparing prose year over year is most of the work: in parallel.
        var reportYears = counting.Keys.ToLookup(k => k.Key, k => k.Year);
        var cells = ordered.AsParallel()
            .SelectMany(unit => years.Select(year => Cell(unit, year, counting, [.. reportYears[unit.Key].Order()])))
            .ToDictionary(c => (c.Unit.Key, c.Year));
        return new SupervisionAudit(title, years, ordered, cells, items, unplaced, rejections);
    }

    /// <summary>
    /// Of several files for one unit and year (a re-publication, the same report from two pages),
    /// the first published counts: it decides lateness. Without dates, the first given.
    /// </summary>
    private static (AuditedItem Report, List<AuditedItem> Copies) Counting(List<AuditedItem> items)
    {
        var first = items.OrderBy(i => i.Report.Source.IssuedOn is null).ThenBy(i => i.Report.Source.IssuedOn).First();
        return (first, items.Where(i => i != first).ToList());
    }

    private static UnitYear Cell(AuditUnit unit, int year, Dictionary<(string, int), (AuditedItem Report, List<AuditedItem> Copies)> counting,
        List<int> reportYears)
    {
        var deadline = PublicationDeadline.For(year, unit.Kind);
        if (!counting.TryGetValue((unit.Key, year), out var found))
            return new UnitYear(unit, year, PublicationStatus.Missing, deadline, null, [], [], null, []);
        var report = found.Report;
        var status = PublicationDeadline.Status(year, unit.Kind, report.Report.Source.IssuedOn);
        IReadOnlyList<AuditFinding> crossYear = counting.TryGetValue((unit.Key, year - 1), out var previousYear)
            ? [.. CrossYearChecks.Check(previousYear.Report.Report, report.Report).Select(f => new AuditFinding(null, f, FindingScope.CrossYear))]
            : [];
        // Copy-paste shows against the last report before, even across a missing year.
        var earlier = reportYears.LastOrDefault(y => y < year);
        var repetition = earlier == 0 ? [] : ReportComparison.Repetition(counting[(unit.Key, earlier)].Report.Report, report.Report);
        return new UnitYear(unit, year, status, deadline, report, found.Copies, crossYear, earlier == 0 ? null : earlier, repetition);
    }
}
