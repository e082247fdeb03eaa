namespace Gongkai.Core.Requests.Reminders;

/// <summary>That a staff member was sent the day's reminder e-mail, so no one gets it twice, whatever the number of servers.</summary>
public sealed class ReminderMail
{
    public Guid UserId { get; set; }
    public DateOnly Day { get; set; }
    public DateTime SentAt { get; set; }
}
