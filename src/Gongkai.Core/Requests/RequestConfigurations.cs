using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Files;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Requests.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Core.Requests;

internal sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> r)
    {
        r.ToTable("Requests");
        r.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<Agency>().WithMany().HasForeignKey(x => x.CompetentAgencyId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<InformationRequest>().WithMany().HasForeignKey(x => x.TransferredFromId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<User>().WithMany().HasForeignKey(x => x.ApplicantUserId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<User>().WithMany().HasForeignKey(x => x.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        r.Property(x => x.TrackingCode).HasMaxLength(14);
        r.HasIndex(x => x.TrackingCode).IsUnique();
        r.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.ApplicantType).HasConversion<string>().HasMaxLength(40);
        r.Property(x => x.ApplicantName).HasMaxLength(200);
        r.Property(x => x.IdentityDocument).HasConversion<string>().HasMaxLength(30);
        r.Property(x => x.IdentityNumber).HasMaxLength(50);
        r.Property(x => x.LegalRepresentative).HasMaxLength(100);
        r.Property(x => x.ContactName).HasMaxLength(100);
        r.Property(x => x.Phone).HasMaxLength(50);
        r.Property(x => x.Email).HasMaxLength(256);
        r.Property(x => x.Address).HasMaxLength(300);
        r.Property(x => x.PostalCode).HasMaxLength(6);
        r.Property(x => x.DocumentReference).HasMaxLength(500);
        r.Property(x => x.Purpose).HasMaxLength(500);
        r.Property(x => x.DeliveryForm).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.IdentityKey).HasMaxLength(50);
        r.Property(x => x.ContactKey).HasMaxLength(300);
        r.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        r.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(40);
        r.Property(x => x.CompetentAgencyName).HasMaxLength(200);
        r.Property(x => x.ExtensionReason).HasMaxLength(1000);
        r.Property(x => x.ExtensionRequestedBy).HasMaxLength(100);
        r.Property(x => x.ImportedCaseNumber).HasMaxLength(100);
        r.Ignore(x => x.IsImported);
        r.Property(x => x.Version).IsConcurrencyToken();
        r.HasIndex(x => new { x.AgencyId, x.ImportedCaseNumber }).IsUnique().HasFilter("imported_case_number IS NOT NULL");
        r.HasIndex(x => new { x.AgencyId, x.Status });
        r.HasIndex(x => new { x.AgencyId, x.ReceivedOn });
        r.HasIndex(x => new { x.AgencyId, x.DecidedOn });
        r.HasIndex(x => x.IdentityKey);
        r.HasIndex(x => x.ContactKey);
        // Table 三 of a year (RequestStatistics): one index range per applicant type and outcome (migration 0005).
        r.HasIndex(x => new { x.AgencyId, x.ApplicantType, x.ReceivedOn, x.DecidedOn }, "ix_requests_report_received");
        r.HasIndex(x => new { x.AgencyId, x.ApplicantType, x.Outcome, x.DecidedOn }, "ix_requests_report_decided");
    }
}

internal sealed class RequestEventRecordConfiguration : IEntityTypeConfiguration<RequestEventRecord>
{
    public void Configure(EntityTypeBuilder<RequestEventRecord> e)
    {
        e.ToTable("RequestEvents");
        e.HasOne<InformationRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Kind).HasMaxLength(40);
        e.Property(x => x.RecordedByName).HasMaxLength(100);
        e.HasIndex(x => new { x.RequestId, x.Sequence }).IsUnique();
    }
}

internal sealed class RequestLetterConfiguration : IEntityTypeConfiguration<RequestLetter>
{
    public void Configure(EntityTypeBuilder<RequestLetter> l)
    {
        l.ToTable("RequestLetters");
        l.HasOne<InformationRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
        l.HasOne<RequestEventRecord>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Restrict);
        l.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.DocxFileId).OnDelete(DeleteBehavior.Restrict);
        l.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.PdfFileId).OnDelete(DeleteBehavior.Restrict);
        l.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.SealFileId).OnDelete(DeleteBehavior.Restrict);
        l.HasIndex(x => x.Number).IsUnique();
        l.Property(x => x.VerificationCode).HasMaxLength(14);
        l.HasIndex(x => x.VerificationCode).IsUnique();
        l.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        l.Property(x => x.Title).HasMaxLength(200);
        l.Property(x => x.Number).HasMaxLength(100);
        l.Property(x => x.Addressee).HasMaxLength(200);
        l.Property(x => x.Signatory).HasMaxLength(200);
    }
}

internal sealed class RequestAttachmentConfiguration : IEntityTypeConfiguration<RequestAttachment>
{
    public void Configure(EntityTypeBuilder<RequestAttachment> a)
    {
        a.ToTable("RequestAttachments");
        a.HasOne<InformationRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
        a.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
        a.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        a.Property(x => x.AddedByName).HasMaxLength(100);
    }
}

internal sealed class RequestMessageConfiguration : IEntityTypeConfiguration<RequestMessage>
{
    public void Configure(EntityTypeBuilder<RequestMessage> m)
    {
        m.ToTable("RequestMessages");
        m.HasOne<InformationRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
        m.Property(x => x.AuthorName).HasMaxLength(200);
    }
}

internal sealed class ReviewCaseRecordConfiguration : IEntityTypeConfiguration<ReviewCaseRecord>
{
    public void Configure(EntityTypeBuilder<ReviewCaseRecord> r)
    {
        r.ToTable("ReviewCases");
        r.HasOne<InformationRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<ReviewCaseRecord>().WithMany().HasForeignKey(x => x.ReviewOfId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        r.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        r.Property(x => x.Subject).HasMaxLength(500);
        r.Property(x => x.ApplicantName).HasMaxLength(200);
        r.Property(x => x.Authority).HasMaxLength(200);
        r.Property(x => x.CaseNumber).HasMaxLength(100);
        r.Property(x => x.Result).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.Notes).HasMaxLength(2000);
        r.Property(x => x.Version).IsConcurrencyToken();
        r.HasIndex(x => new { x.AgencyId, x.FiledOn, x.ConcludedOn });
    }
}

internal sealed class LetterTemplateRecordConfiguration : IEntityTypeConfiguration<LetterTemplateRecord>
{
    public void Configure(EntityTypeBuilder<LetterTemplateRecord> t)
    {
        t.ToTable("LetterTemplates");
        t.HasKey(x => x.Key);
        t.Property(x => x.Key).HasMaxLength(60);
        t.Property(x => x.Title).HasMaxLength(200);
        t.Property(x => x.UpdatedBy).HasMaxLength(100);
    }
}

internal sealed class ReminderMailConfiguration : IEntityTypeConfiguration<ReminderMail>
{
    public void Configure(EntityTypeBuilder<ReminderMail> m)
    {
        m.ToTable("ReminderMails");
        m.HasKey(x => new { x.UserId, x.Day });
        m.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
