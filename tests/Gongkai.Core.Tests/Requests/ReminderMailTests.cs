using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Core.Requests.Reminders;
using Gongkai.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Gongkai.Core.Tests.Support.RequestsWorld;

namespace Gongkai.Core.Tests.Requests;

public sealed class ReminderMailTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SendDue_OnceAWorkingDay_ToStaffWithSomethingToDo(DatabaseProvider provider)
    {
        using var sink = new SmtpSink();
        await using var world = await CreateAsync(provider, today: "2026-03-27");
        var overdue = await world.RegisterAsync("2026-02-10");
        var smtp = new SmtpSettings("127.0.0.1", sink.Port, "gongkai@example.gov.cn", null, null, false, "https://gk.example.gov.cn");

        var first = await SendAsync(world, smtp);
        var again = await SendAsync(world, smtp);
        world.Today("2026-03-28");
        var saturday = await SendAsync(world, smtp);

        first.ShouldBe(2, "the office's handler and its head; the police have nothing");
        again.ShouldBe(0, "once a day");
        saturday.ShouldBe(0, "not on a rest day");
        sink.Messages.Select(m => m.To).ShouldBe(["handler@example.gov.cn", "head@example.gov.cn"], ignoreOrder: true);
        var text = sink.Messages[0].Text;
        text.ShouldContain("【政府信息公开】今日待办 1 件");
        text.ShouldContain($"{overdue.Number} 张三：已超过答复期限（答复期限 2026-03-16） https://gk.example.gov.cn/staff/requests/{overdue.Id}");
    }

    private static async Task<int> SendAsync(RequestsWorld world, SmtpSettings smtp)
    {
        await using var scope = world.Database.Scope();
        var services = scope.ServiceProvider;
        var mailer = new ReminderMailer(services.GetRequiredService<GongkaiDbContext>(), services.GetRequiredService<RequestReminders>(),
            services.GetRequiredService<Calendar.CalendarStore>(), smtp, services.GetRequiredService<OfficeClock>(), NullLogger<ReminderMailer>.Instance);
        return await mailer.SendDueAsync();
    }
}
