using Gongkai.Core.Agencies;
using Gongkai.Core.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Core.Catalogue;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> document)
    {
        document.HasOne(d => d.Agency).WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
        document.HasOne(d => d.Category).WithMany().HasForeignKey(d => d.CategoryId).OnDelete(DeleteBehavior.Restrict);
        document.HasOne(d => d.Interprets).WithMany().HasForeignKey(d => d.InterpretsId).OnDelete(DeleteBehavior.Restrict);
        document.HasOne(d => d.Replaces).WithMany().HasForeignKey(d => d.ReplacesId).OnDelete(DeleteBehavior.Restrict);
        document.HasMany(d => d.Attachments).WithOne().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
        document.Property(d => d.Title).HasMaxLength(300);
        document.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        document.Property(d => d.Topic).HasConversion<string>().HasMaxLength(40);
        document.Property(d => d.Publisher).HasMaxLength(200);
        document.Property(d => d.DocumentNumber).HasMaxLength(100);
        document.Property(d => d.DocumentNumberKey).HasMaxLength(100);
        document.Property(d => d.IndexNumber).HasMaxLength(40);
        document.Property(d => d.Keywords).HasMaxLength(200);
        document.Property(d => d.ValidityNote).HasMaxLength(500);
        document.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        document.Property(d => d.WithdrawalReason).HasMaxLength(500);
        document.Property(d => d.Version).IsConcurrencyToken();
        document.HasIndex(d => d.IndexNumber).IsUnique();
        document.HasIndex(d => d.DocumentNumberKey);
        // Its own index: EF would take the partial ix_documents_published_category for one.
        document.HasIndex(d => d.CategoryId);
        // The staff list: an agency's documents by status.
        document.HasIndex(d => new { d.AgencyId, d.Status, d.Id });
        // The public catalogue, newest first, read with keyset paging: one index per way of browsing (migration 0003).
        const string published = "status = 'Published'";
        document.HasIndex(d => new { d.PublishedAt, d.Id }, "ix_documents_published").IsDescending().HasFilter(published);
        document.HasIndex(d => new { d.AgencyId, d.PublishedAt, d.Id }, "ix_documents_published_agency").IsDescending(false, true, true).HasFilter(published);
        document.HasIndex(d => new { d.CategoryId, d.PublishedAt, d.Id }, "ix_documents_published_category").IsDescending(false, true, true).HasFilter(published);
        document.HasIndex(d => new { d.Topic, d.PublishedAt, d.Id }, "ix_documents_published_topic").IsDescending(false, true, true).HasFilter(published);
        // Table 二 §20(一): the normative documents of an agency.
        document.HasIndex(d => new { d.AgencyId, d.Kind }, "ix_documents_normative").HasFilter(published + " AND kind IN ('Rule', 'NormativeDocument')");
        // Search's filters 已废止 and 已失效: the ids of the few documents with a repeal or an expiry date (migration 0015).
        document.HasIndex(d => new { d.RepealedOn, d.Id }, "ix_documents_repealed_on").HasFilter("repealed_on IS NOT NULL");
        document.HasIndex(d => new { d.ValidUntil, d.Id }, "ix_documents_valid_until").HasFilter("valid_until IS NOT NULL");
        // What each server's list rows in memory read every few seconds: the documents saved since (migration 0016).
        document.HasIndex(d => d.ChangedAt);
    }
}

internal sealed class DocumentAttachmentConfiguration : IEntityTypeConfiguration<DocumentAttachment>
{
    public void Configure(EntityTypeBuilder<DocumentAttachment> attachment)
    {
        attachment.HasOne(a => a.File).WithMany().HasForeignKey(a => a.FileId).OnDelete(DeleteBehavior.Restrict);
        attachment.Property(a => a.TextNote).HasMaxLength(200);
    }
}

internal sealed class DocumentEventConfiguration : IEntityTypeConfiguration<DocumentEvent>
{
    public void Configure(EntityTypeBuilder<DocumentEvent> e)
    {
        e.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Note).HasMaxLength(1000);
    }
}

internal sealed class CatalogueCategoryConfiguration : IEntityTypeConfiguration<CatalogueCategory>
{
    public void Configure(EntityTypeBuilder<CatalogueCategory> category)
    {
        category.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        category.Property(c => c.Name).HasMaxLength(50);
        category.HasIndex(c => new { c.AgencyId, c.Name }).IsUnique();
    }
}

internal sealed class CatalogueCountConfiguration : IEntityTypeConfiguration<CatalogueCount>
{
    public void Configure(EntityTypeBuilder<CatalogueCount> count)
    {
        count.HasKey(c => new { c.AgencyId, c.CategoryId, c.Topic, c.Year });
        count.Property(c => c.Topic).HasConversion<string>().HasMaxLength(40);
    }
}

internal sealed class IndexNumberCounterConfiguration : IEntityTypeConfiguration<IndexNumberCounter>
{
    public void Configure(EntityTypeBuilder<IndexNumberCounter> counter)
    {
        counter.HasKey(c => new { c.AgencyId, c.Year });
        counter.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WordListEntryConfiguration : IEntityTypeConfiguration<WordListEntry>
{
    public void Configure(EntityTypeBuilder<WordListEntry> entry)
    {
        entry.ToTable("WordList");
        entry.Property(e => e.Word).HasMaxLength(50);
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Correction).HasMaxLength(50);
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(10);
        entry.Property(e => e.Note).HasMaxLength(200);
        entry.Property(e => e.UpdatedBy).HasMaxLength(100);
        entry.HasIndex(e => e.Word).IsUnique();
    }
}
