using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Core.Requests.Reminders;
using Gongkai.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Gongkai.Core.Tests.Support.RequestsWorld;

namespace Gongkai.Core.Tests.Requests;

/// <summary>Reminder e-mails through MailKit to a real mail server that demands STARTTLS and a password.</summary>
public sealed class ReminderMailTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SendDue_OnceAWorkingDay_ToStaffWithSomethingToDo(DatabaseProvider provider)
    {
        await using var server = await SmtpServer.StartAsync();
        await using var world = await CreateAsync(provider, today: "2026-03-27");
        var overdue = await world.RegisterAsync("2026-02-10");
        var smtp = Settings(server, SmtpServer.Password);

        var first = await SendAsync(world, smtp);
        var again = await SendAsync(world, smtp);
        world.Today("2026-03-28");
        var saturday = await SendAsync(world, smtp);

        first.ShouldBe(2, "the office's handler and its head; the police have nothing");
        again.ShouldBe(0, "once a day");
        saturday.ShouldBe(0, "not on a rest day");
        server.Messages.Select(m => m.To.Mailboxes.Single().Address).ShouldBe(["handler@example.gov.cn", "head@example.gov.cn"], ignoreOrder: true);
        var message = server.Messages[0];
        message.Subject.ShouldBe("【政府信息公开】今日待办 1 件");
        message.From.Mailboxes.Single().Name.ShouldBe("政府信息公开平台");
        (message.TextBody ?? "").ShouldContain($"{overdue.Number} 张三：已超过答复期限（答复期限 2026-03-16） https://gk.example.gov.cn/staff/requests/{overdue.Id}");
    }

    [Fact]
    public async Task SendDue_WrongPassword_NothingSentAndTheDayLeftForTheNextRound()
    {
        await using var server = await SmtpServer.StartAsync();
        await using var world = await CreateAsync(DatabaseProvider.Sqlite, today: "2026-03-27");
        await world.RegisterAsync("2026-02-10");

        var refused = await SendAsync(world, Settings(server, "wrong-password"));
        var retried = await SendAsync(world, Settings(server, SmtpServer.Password));

        refused.ShouldBe(0);
        retried.ShouldBe(2, "a failed send releases the day's claim");
        server.Messages.Count.ShouldBe(2);
    }

    [Fact]
    public async Task SendDue_CertificateNeitherTrustedNorPinned_NothingSent()
    {
        await using var server = await SmtpServer.StartAsync();
        await using var world = await CreateAsync(DatabaseProvider.Sqlite, today: "2026-03-27");
        await world.RegisterAsync("2026-02-10");

        var sent = await SendAsync(world, Settings(server, SmtpServer.Password) with { CertificateSha256 = null });

        sent.ShouldBe(0);
        server.Messages.ShouldBeEmpty();
    }

    private static SmtpSettings Settings(SmtpServer server, string password) => new("127.0.0.1", server.Port, "gongkai@example.gov.cn",
        SmtpServer.User, password, SmtpSecurity.StartTls, "https://gk.example.gov.cn", server.CertificateSha256);

    private static async Task<int> SendAsync(RequestsWorld world, SmtpSettings smtp)
    {
        await using var scope = world.Database.Scope();
        var services = scope.ServiceProvider;
        var mailer = new ReminderMailer(services.GetRequiredService<GongkaiDbContext>(), services.GetRequiredService<RequestReminders>(),
            services.GetRequiredService<Calendar.CalendarStore>(), smtp, services.GetRequiredService<OfficeClock>(), NullLogger<ReminderMailer>.Instance);
        return await mailer.SendDueAsync();
    }
}
