using Gongkai.Domain.Reports.Checks;

namespace Gongkai.Cli.Report;

/// <summary>The rules that need more than one report: consecutive years of an agency, a region and its units.</summary>
internal static class CrossFileChecks
{
    /// <summary>
    /// Checks each report against its agency's report of the year before and puts the findings on
    /// the later year. When an agency has several files for one year (copies, drafts), the first
    /// in order stands for that year, so the findings do not multiply with the copies.
    /// </summary>
    public static void CrossYear(IReadOnlyList<CheckedFile> files)
    {
        var firstOfYear = new Dictionary<(string Agency, int Year), CheckedFile>();
        foreach (var file in files)
        {
            if (AgencyYear(file) is { } key)
                firstOfYear.TryAdd(key, file);
        }
        foreach (var file in files)
        {
            if (AgencyYear(file) is { } key && firstOfYear.TryGetValue((key.Agency, key.Year - 1), out var previous))
                file.Add(CrossYearChecks.Check(previous.Report!, file.Report!), FindingScope.CrossYear, [previous.Path]);
        }
    }

    /// <summary>
    /// Checks a region's summary report against the other files of its year, its units, and puts
    /// the findings on the summary. Returns the units, so the caller can say what was compared.
    /// </summary>
    public static IReadOnlyList<CheckedFile> Region(CheckedFile summary, IReadOnlyList<CheckedFile> files)
    {
        if (summary.Report is not { Year: { } year } report)
            return [];
        var units = files.Where(f => f != summary && f.Report?.Year == year).ToList();
        summary.Add(RegionChecks.Check(report, [.. units.Select(u => u.Report!)]), FindingScope.Region, [.. units.Select(u => u.Path)]);
        return units;
    }

    private static (string Agency, int Year)? AgencyYear(CheckedFile file) =>
        file.Report is { Agency: { } agency, Year: { } year } && !string.IsNullOrWhiteSpace(agency) ? (agency.Trim(), year) : null;
}
