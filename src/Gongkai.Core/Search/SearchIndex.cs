using Gongkai.Core.Catalogue;
using Gongkai.Core.Storage;

namespace Gongkai.Core.Search;

/// <summary>
/// Keeps the search index in step with publishing: a document enters when it is published and
/// leaves when it is withdrawn, in the same transaction, so search never shows what the catalogue does not.
/// </summary>
internal sealed class SearchIndex(GongkaiDbContext db, StorageSettings storage)
{
    private readonly ISearchEngine engine = SearchEngines.For(db, storage);

    /// <summary>The document with its attachments (and their files) loaded.</summary>
    public Task AddAsync(Document d, CancellationToken cancellationToken) =>
        engine.WriteAsync(d.Id, Fields(d), cancellationToken);

    public Task RemoveAsync(int documentId, CancellationToken cancellationToken) => engine.DeleteAsync(documentId, cancellationToken);

    internal static SearchFields Fields(Document d) =>
        SearchFields.For(d.Title, d.DocumentNumber, d.IndexNumber, d.Keywords, d.Publisher, d.BodyText,
            d.Attachments.OrderBy(a => a.SortOrder).Select(a => $"{a.File?.FileName}\n{a.Text}"),
            new SearchFilters(d.AgencyId, d.CategoryId, d.Topic, d.Kind, d.PublishedOn!.Value.Year));
}
