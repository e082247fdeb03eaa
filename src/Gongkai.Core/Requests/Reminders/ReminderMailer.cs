using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Gongkai.Core.Accounts;
using Gongkai.Core.Calendar;
using Gongkai.Core.Storage;
using Gongkai.Domain.Requests;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;
using MimeKit.Text;

namespace Gongkai.Core.Requests.Reminders;

/// <summary>
/// Once per working day, each handler and office head with an e-mail address and something to act
/// on gets one message listing it. The day is claimed in reminder_mails before sending, so several
/// servers never send it twice; a failed send releases the claim for the next round.
/// </summary>
public sealed class ReminderMailer(GongkaiDbContext db, RequestReminders reminders, CalendarStore calendars, SmtpSettings smtp, OfficeClock clock,
    ILogger<ReminderMailer> logger)
{
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        if (!(await calendars.NationalAsync(cancellationToken)).IsWorkingDay(today))
            return 0;
        var staff = await (from u in db.Users.AsNoTracking()
                           where u.Email != null && u.AgencyId != null && !db.ReminderMails.Any(m => m.UserId == u.Id && m.Day == today)
                           select new { u.Id, u.Email, u.DisplayName, u.AgencyId, u.LockoutEnd }).ToListAsync(cancellationToken);
        var sent = 0;
        // Locked accounts get nothing; LockoutEnd is compared here because SQLite cannot compare DateTimeOffset.
        foreach (var person in staff.Where(p => p.LockoutEnd is null || p.LockoutEnd < DateTimeOffset.UtcNow))
        {
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == person.Id select r.Name!).ToListAsync(cancellationToken);
            var list = await reminders.ForAsync(person.Id, person.AgencyId, roles, cancellationToken);
            if (list.Count == 0 || !await ClaimAsync(person.Id, today, cancellationToken))
                continue;
            try
            {
                await SendAsync(person.Email!, person.DisplayName, list, cancellationToken);
                sent++;
            }
            catch (Exception e) when (IsMailFailure(e))
            {
                logger.LogError(e, "Reminder e-mail to user {UserId} failed", person.Id);
                await db.ReminderMails.Where(m => m.UserId == person.Id && m.Day == today).ExecuteDeleteAsync(cancellationToken);
            }
        }
        return sent;
    }

    private async Task<bool> ClaimAsync(Guid userId, DateOnly day, CancellationToken cancellationToken)
    {
        db.ReminderMails.Add(new ReminderMail { UserId = userId, Day = day, SentAt = clock.UtcNow });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (StorageErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task SendAsync(string email, string name, ReminderList list, CancellationToken cancellationToken)
    {
        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"{name}，您好：");
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"截至{clock.Today:yyyy年M月d日}，以下政府信息公开申请和复议诉讼案件需要您办理：");
        foreach (var row in list.ToAct)
            body.AppendLine(Line(row, RequestReminders.Label(row.Attention)));
        foreach (var row in list.ToApprove)
            body.AppendLine(Line(row, "承办人提请延期，待您审批"));
        foreach (var review in list.Reviews)
            body.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"- {ReviewCases.Label(review.Case.Kind)} {review.Case.CaseNumber ?? review.Case.Subject}：{ReviewCases.AnswerLabel(review.Case.Kind)}应于{review.AnswerDue!.Due:yyyy-MM-dd}前提交 {smtp.SiteUrl}/staff/reviews/{review.Case.Id}"));
        body.AppendLine();
        body.AppendLine("此邮件由政府信息公开平台每个工作日自动发送一次。");
        using var message = new MimeMessage(
            [new MailboxAddress(smtp.SiteName, smtp.From)], [new MailboxAddress(name, email)],
            $"【政府信息公开】今日待办 {list.Count} 件", new TextPart(TextFormat.Plain) { Text = body.ToString() });
        using var client = new SmtpClient();
        if (smtp.CertificateSha256 is { } pin)
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) => errors == SslPolicyErrors.None
                || certificate is X509Certificate2 c && string.Equals(c.GetCertHashString(HashAlgorithmName.SHA256), pin, StringComparison.OrdinalIgnoreCase);
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security switch
        {
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
        }, cancellationToken);
        if (smtp.UserName is { Length: > 0 } user)
            await client.AuthenticateAsync(user, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>What goes wrong between the server and the mail server: refused, unreachable, TLS or the password.</summary>
    private static bool IsMailFailure(Exception e) =>
        e is MailKit.CommandException or MailKit.ProtocolException or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException
            or MailKit.ServiceNotConnectedException or NotSupportedException or IOException or System.Net.Sockets.SocketException;

    private string Line(QueueRow row, string what) => string.Create(CultureInfo.InvariantCulture,
        $"- {row.Number} {row.ApplicantName}：{what}{(row.Date is { } d ? $"（{row.DateLabel} {d:yyyy-MM-dd}）" : "")} {smtp.SiteUrl}/staff/requests/{row.Id}");
}
