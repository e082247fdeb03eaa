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
/// document) on its 成文日期, published (公开) on the platform, and possibly repealed or expired.
/// </summary>
public sealed record NormativeLife(NormativeKind Kind, DateOnly IssuedOn, DateOnly PublishedOn, DateOnly? ValidUntil, DateOnly? RepealedOn)
{
    /// <summary>
    /// The first day the document is no longer in force: its repeal, or the day after its term
    /// (自然失效, including a revision replacing it); never before it was issued. Null while in force.
    /// </summary>
    public DateOnly? EndsOn => (RepealedOn, ValidUntil?.AddDays(1)) switch
    {
        (null, null) => null,
        ({ } r, null) => Max(r, IssuedOn),
        (null, { } u) => Max(u, IssuedOn),
        ({ } r, { } u) => Max(r < u ? r : u, IssuedOn),
    };

    /// <summary>Whether it ended by running out (自然失效) rather than by a repeal decision.</summary>
    public bool Expires => ValidUntil is { } u && (RepealedOn is not { } r || u.AddDays(1) < r);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

/// <summary>
/// One kind's row of table 二 §20(一) for a year: 本年制发 (issued in the year), 本年新公开 (the 2019
/// template: published in the year), 本年废止 (ended in the year, by repeal or expiry — <see cref="Expired"/>
/// of them by expiry, as reports say “废止55件（含自然失效29件）”) and 现行有效 (in force on 31 December).
/// In force at a year end = in force at the last year end + issued − ended, whatever the data.
/// </summary>
public sealed record NormativeYear(int Issued, int Published, int Repealed, int Expired, int InForce);

/// <summary>Table 二 §20(一) of the live report: the figures per kind and year.</summary>
public static class NormativeStatistics
{
    public static NormativeYear For(int year, NormativeKind kind, IEnumerable<NormativeLife> documents)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        int issued = 0, published = 0, repealed = 0, expired = 0, inForce = 0;
        foreach (var d in documents.Where(d => d.Kind == kind))
        {
            if (d.IssuedOn.Year == year)
                issued++;
            if (d.PublishedOn.Year == year)
                published++;
            if (d.EndsOn is { } end && end.Year == year)
            {
                repealed++;
                if (d.Expires)
                    expired++;
            }
            if (d.IssuedOn <= yearEnd && (d.EndsOn is not { } ends || ends > yearEnd))
                inForce++;
        }
        return new NormativeYear(issued, published, repealed, expired, inForce);
    }
}
