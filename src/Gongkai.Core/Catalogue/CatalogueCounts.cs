using Gongkai.Core.Storage;

namespace Gongkai.Core.Catalogue;

/// <summary>Keeps <see cref="CatalogueCount"/> in step with publishing: +1 on publishing, −1 on withdrawing, in the same transaction.</summary>
internal static class CatalogueCounts
{
    private const string AddSql =
        "INSERT INTO catalogue_counts (agency_id, category_id, topic, year, document_count) VALUES (@agency, @category, @topic, @year, @delta) " +
        "ON CONFLICT (agency_id, category_id, topic, year) DO UPDATE SET document_count = catalogue_counts.document_count + @delta";

    public static Task AddAsync(GongkaiDbContext db, Document document, int delta, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(db, AddSql,
            [("@agency", document.AgencyId), ("@category", document.CategoryId ?? 0), ("@topic", document.Topic.ToString()),
             ("@year", document.PublishedOn!.Value.Year), ("@delta", delta)],
            cancellationToken);
}
