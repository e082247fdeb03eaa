namespace Gongkai.Domain.Catalogue;

/// <summary>有效性 of a published document.</summary>
public enum Validity
{
    /// <summary>有效</summary>
    Valid,

    /// <summary>失效: expired at the end of its term, or replaced.</summary>
    Expired,

    /// <summary>废止: repealed by a decision.</summary>
    Repealed,
}

public static class Validities
{
    public static string Label(Validity validity) => validity switch
    {
        Validity.Valid => "有效",
        Validity.Expired => "失效",
        Validity.Repealed => "废止",
    };

    /// <summary>The validity on a date, from the document's term and repeal.</summary>
    public static Validity On(DateOnly date, DateOnly? validUntil, DateOnly? repealedOn) =>
        repealedOn is { } r && date >= r ? Validity.Repealed
        : validUntil is { } u && date > u ? Validity.Expired
        : Validity.Valid;
}

/// <summary>The kind of a normative document, for table 二 §20(一).</summary>
public enum NormativeKind
{
    /// <summary>规章</summary>
    Rule,

    /// <summary>行政规范性文件</summary>
    NormativeDocument,
}

/// <summary>
/// A normative document's life for table 二: issued (制发, including a revision issued as a new
/// document), and possibly repealed or expired.
/// </summary>
public sealed record NormativeLife(NormativeKind Kind, DateOnly IssuedOn, DateOnly? ValidUntil, DateOnly? RepealedOn);

/// <summary>Table 二 §20(一) of the live report: 本年制发件数, 本年废止件数, 现行有效件数 per kind.</summary>
public static class NormativeStatistics
{
    public static (int Issued, int Repealed, int InForce) For(int year, NormativeKind kind, IEnumerable<NormativeLife> documents)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        int issued = 0, repealed = 0, inForce = 0;
        foreach (var d in documents.Where(d => d.Kind == kind))
        {
            if (d.IssuedOn.Year == year)
                issued++;
            if (d.RepealedOn is { } r && r.Year == year)
                repealed++;
            if (d.IssuedOn <= yearEnd && Validities.On(yearEnd, d.ValidUntil, d.RepealedOn) == Validity.Valid)
                inForce++;
        }
        return (issued, repealed, inForce);
    }
}
