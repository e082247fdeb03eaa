using Gongkai.Core.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Storage;

/// <summary>The proactive catalogue's tables; their schema is in migration 0003.</summary>
public sealed partial class GongkaiDbContext
{
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentAttachment> DocumentAttachments => Set<DocumentAttachment>();
    public DbSet<DocumentEvent> DocumentEvents => Set<DocumentEvent>();
    public DbSet<CatalogueCategory> CatalogueCategories => Set<CatalogueCategory>();
    public DbSet<CatalogueCount> CatalogueCounts => Set<CatalogueCount>();
    public DbSet<IndexNumberCounter> IndexNumberCounters => Set<IndexNumberCounter>();
    public DbSet<WordListEntry> WordList => Set<WordListEntry>();
}
