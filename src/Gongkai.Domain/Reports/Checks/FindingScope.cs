namespace Gongkai.Domain.Reports.Checks;

/// <summary>Which check raised a finding: the report on its own, against its unit's previous year, or a region's summary against its units.</summary>
public enum FindingScope
{
    Report,
    CrossYear,
    Region,
}

public static class FindingScopes
{
    public static string Label(this FindingScope scope) => scope switch
    {
        FindingScope.Report => "本报告",
        FindingScope.CrossYear => "跨年度核对",
        FindingScope.Region => "区域汇总核对",
    };

    /// <summary>Its stable machine code in JSON output.</summary>
    public static string Id(this FindingScope scope) => scope switch
    {
        FindingScope.Report => "report",
        FindingScope.CrossYear => "crossYear",
        FindingScope.Region => "region",
    };
}
