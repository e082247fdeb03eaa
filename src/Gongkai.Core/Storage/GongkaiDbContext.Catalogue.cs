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

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampChangedDocuments();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampChangedDocuments();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// <see cref="Document.ChangedAt"/> of every document added or changed, by this machine's clock: a
    /// technical mark the servers' <see cref="CatalogueRows"/> read changes by, not a date anyone sees.
    /// </summary>
    private void StampChangedDocuments()
    {
        var now = DateTime.UtcNow;
        foreach (var entry in ChangeTracker.Entries<Document>())
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Entity.ChangedAt = now;
    }
}
