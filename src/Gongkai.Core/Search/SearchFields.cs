using Gongkai.Domain.Catalogue;
using Gongkai.Domain.Search;

namespace Gongkai.Core.Search;

/// <summary>
/// What the search index holds for one published document: CjkBigrams token text per field, in
/// order of weight (title above 文号/索引号/keywords/publisher above body above attachments), and
/// the filter values. The same on both databases; the bench generator writes it too.
/// </summary>
public sealed record SearchFields(string Title, string Reference, string Body, string Attachments, SearchFilters Filters)
{
    /// <summary>Text beyond this many characters per field is not indexed (a 500-page attachment stays searchable by its opening).</summary>
    public const int MaxFieldLength = 100_000;

    public static SearchFields For(string title, string? documentNumber, string? indexNumber, string keywords, string publisher,
        string bodyText, IEnumerable<string> attachmentTexts, SearchFilters filters) =>
        new(Tokens(title),
            Tokens(string.Join(' ', documentNumber, indexNumber, keywords, publisher)),
            Tokens(bodyText),
            Tokens(string.Join('\n', attachmentTexts)),
            filters);

    private static string Tokens(string text) => CjkBigrams.IndexText(text.Length > MaxFieldLength ? text[..MaxFieldLength] : text);
}

/// <summary>The values a search can be narrowed by, besides validity (which changes with the date and is read from the document).</summary>
public sealed record SearchFilters(int AgencyId, int? CategoryId, Topic Topic, DocumentKind Kind, int Year)
{
    /// <summary>
    /// SQLite keeps these as tokens of a facets column, so filters are index lookups like the words.
    /// They start with '_', which CjkBigrams never puts in a query token, so no query matches them.
    /// </summary>
    public string FacetTokens() => string.Join(' ', Tokens(AgencyId, CategoryId, Topic, Kind, Year));

    public static IEnumerable<string> Tokens(int? agencyId, int? categoryId, Topic? topic, DocumentKind? kind, int? year)
    {
        if (agencyId is { } a) yield return Invariant($"_ag{a}");
        if (categoryId is { } c) yield return Invariant($"_ct{c}");
        if (topic is { } t) yield return "_tp" + t.ToString().ToLowerInvariant();
        if (kind is { } k) yield return "_kd" + k.ToString().ToLowerInvariant();
        if (year is { } y) yield return Invariant($"_yr{y}");
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
