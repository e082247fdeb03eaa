using Gongkai.Core.Calendar;
using Gongkai.Core.Requests;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Requests.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Storage;

/// <summary>The requests feature's tables (migration 0002_requests).</summary>
public sealed partial class GongkaiDbContext
{
    public DbSet<StoredCalendarLayer> CalendarLayers => Set<StoredCalendarLayer>();
    public DbSet<StoredCalendarDay> CalendarDays => Set<StoredCalendarDay>();
    public DbSet<StoredCalendarYear> CalendarYears => Set<StoredCalendarYear>();
    public DbSet<InformationRequest> Requests => Set<InformationRequest>();
    public DbSet<RequestEventRecord> RequestEvents => Set<RequestEventRecord>();
    public DbSet<RequestLetter> RequestLetters => Set<RequestLetter>();
    public DbSet<RequestAttachment> RequestAttachments => Set<RequestAttachment>();
    public DbSet<RequestMessage> RequestMessages => Set<RequestMessage>();
    public DbSet<ReviewCaseRecord> ReviewCases => Set<ReviewCaseRecord>();
    public DbSet<LetterTemplateRecord> LetterTemplates => Set<LetterTemplateRecord>();
    public DbSet<ReminderMail> ReminderMails => Set<ReminderMail>();
}
