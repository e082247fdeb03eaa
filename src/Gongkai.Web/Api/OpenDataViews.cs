using System.Globalization;
using Gongkai.Core;
using Gongkai.Core.Catalogue;
using Gongkai.Domain.Catalogue;
using Gongkai.Domain.Search;

namespace Gongkai.Web.Api;

/// <summary>
/// What the public read API returns. Every list is a page in a stable order with the cursor of the
/// next page (null on the last); dates are ISO 8601, times with the China offset (+08:00); choices
/// by their code with their Chinese label beside them.
/// </summary>
public static class OpenDataViews
{
    public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

    public sealed record DocumentItem(int Id, string? IndexNumber, string Title, string? DocumentNumber, string Publisher, DocumentKind Kind, string KindLabel,
        Topic Topic, string TopicLabel, string? Category, DateOnly? IssuedOn, DateTimeOffset? PublishedAt, DateOnly? ValidUntil, DateOnly? RepealedOn,
        Validity Validity, string ValidityLabel, string Url);

    public sealed record DocumentLink(int Id, string? IndexNumber, string Title, string Url);

    public sealed record AttachmentLink(string Name, string Url, string ContentType, long Size, string Sha256);

    /// <summary>One step in a document's life: <c>revises</c> (修订 of an earlier one), <c>revisedBy</c>, <c>expires</c>, <c>repealed</c>.</summary>
    public sealed record ValidityEvent(string Kind, string Label, DateOnly? Date, string? Note, DocumentLink? Document);

    public sealed record DocumentDetail(DocumentItem Document, int AgencyId, string Agency, string Keywords, string? ValidityNote, string BodyText,
        string BodyHtml, IReadOnlyList<AttachmentLink> Attachments, DocumentLink? Interprets, IReadOnlyList<DocumentLink> Interpretations,
        IReadOnlyList<ValidityEvent> History);

    public sealed record Segment(string Text, bool Marked);

    public sealed record SearchItem(DocumentItem Document, IReadOnlyList<Segment> Title, IReadOnlyList<Segment> Snippet, string? SnippetSource);

    /// <summary>Search results: <see cref="Mode"/> says how they are ordered (Exact, Relevance, Newest); when <see cref="MoreThanTotal"/>, more than <see cref="Total"/> match.</summary>
    public sealed record SearchPage(string Query, string Mode, int Total, bool MoreThanTotal, IReadOnlyList<SearchItem> Items, string? Next);

    public sealed record ReportItem(int Id, int AgencyId, string Agency, string AgencyCode, int Year, string Template, string Status, DateOnly? PublishedOn,
        string Url, string Json);

    public static DateTimeOffset? Beijing(DateTime? utc) =>
        utc is { } at ? new DateTimeOffset(ChinaTime.FromUtc(at), ChinaTime.Offset) : null;

    public static string DocumentUrl(int id) => string.Create(CultureInfo.InvariantCulture, $"/documents/{id}");

    public static DocumentItem Item(DocumentSummary d, DateOnly today)
    {
        var validity = d.ValidityOn(today);
        return new DocumentItem(d.Id, d.IndexNumber, d.Title, d.DocumentNumber, d.Publisher, d.Kind, d.Kind.Label(), d.Topic, d.Topic.Label(), d.CategoryName,
            d.IssuedOn, Beijing(d.PublishedAt), d.ValidUntil, d.RepealedOn, validity, Validities.Label(validity), DocumentUrl(d.Id));
    }

    public static IReadOnlyList<Segment> Segments(IEnumerable<TextSegment> segments) => [.. segments.Select(s => new Segment(s.Text, s.Marked))];
}
