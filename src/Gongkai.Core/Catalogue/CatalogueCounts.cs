using Gongkai.Core.Storage;

namespace Gongkai.Core.Catalogue;

/// <summary>Keeps <see cref="CatalogueCount"/> in step with publishing: +1 on publishing, −1 on withdrawing, in the same transaction.</summary>
internal static class CatalogueCounts
{
    private const string AddSql =
        "INSERT INTO catalogue_counts (agency_id, category_id, topic, year, document_count) VALUES (@agency, @category, @topic, @year, @delta) " +
        "ON CONFLICT (agency_id, category_id, topic, year) DO UPDATE SET document_count = catalogue_counts.document_count + @delta";

    public static Task AddAsync(GongkaiDbContext db, Document document, int delta, CancellationToken cancellationToken) =>
        AddAsync(db, [document], delta, cancellationToken);

    /// <summary>Documents published (or withdrawn) together, one upsert per count they change.</summary>
    public static async Task AddAsync(GongkaiDbContext db, IEnumerable<Document> documents, int delta, CancellationToken cancellationToken)
    {
        foreach (var g in documents.GroupBy(d => (d.AgencyId, Category: d.CategoryId ?? 0, d.Topic, d.PublishedOn!.Value.Year)))
            await Sql.ExecuteAsync(db, AddSql,
                [("@agency", g.Key.AgencyId), ("@category", g.Key.Category), ("@topic", g.Key.Topic.ToString()), ("@year", g.Key.Year), ("@delta", delta * g.Count())],
                cancellationToken);
    }
}
