using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Audit;

public sealed class AuditLogTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecordNowAsync_Entry_StoredWithWhoWhenWhatAndWhere(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new ManualClock(Now));
        await using var scope = database.Scope();
        var actorId = Guid.NewGuid();

        await scope.ServiceProvider.GetRequiredService<AuditLog>().PersonalDataViewedAsync(
            new AuditActor(actorId, "王志强（shi.chengban）", "203.0.113.9"), "User", "42", "查看申请人的身份证号");

        var entry = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().AuditEntries.AsNoTracking().SingleAsync();
        entry.At.ShouldBe(Now.UtcDateTime);
        entry.At.Kind.ShouldBe(DateTimeKind.Utc);
        entry.ActorId.ShouldBe(actorId);
        entry.ActorName.ShouldBe("王志强（shi.chengban）");
        entry.Action.ShouldBe(AuditAction.PersonalDataViewed);
        (entry.EntityType, entry.EntityId).ShouldBe(("User", "42"));
        entry.Summary.ShouldBe("查看申请人的身份证号");
        entry.ClientIp.ShouldBe("203.0.113.9");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Database_UpdateOrDeleteOfEntry_Refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordNowAsync(AuditActor.System, AuditAction.AgencyCreated, "Agency", "1", "新建机关");

        var update = await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_log SET summary = 'x'"));
        update.Message.ShouldContain("append-only");
        var delete = await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log"));
        delete.Message.ShouldContain("append-only");
        (await db.AuditEntries.AsNoTracking().SingleAsync()).Summary.ShouldBe("新建机关");
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.PostgreSQL)]
    public async Task Database_TruncateOnPostgres_Refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();

        var truncate = await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE audit_log"));
        truncate.Message.ShouldContain("append-only");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AuditQuery_BeijingDay_IncludesEntriesFromMidnightBeijingTime(DatabaseProvider provider)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 15, 59, 0, TimeSpan.Zero)); // 23:59 on 1 March in Beijing
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        await using var scope = database.Scope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        await audit.RecordNowAsync(AuditActor.System, AuditAction.LoginSucceeded, "User", "a", "1日");
        clock.Now = clock.Now.AddMinutes(2); // 00:01 on 2 March in Beijing
        await audit.RecordNowAsync(AuditActor.System, AuditAction.LoginFailed, "User", "a", "2日");

        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var second = await new AuditQuery { From = new DateOnly(2026, 3, 2), To = new DateOnly(2026, 3, 2) }.Apply(db.AuditEntries).ToListAsync();
        second.Select(e => e.Summary).ShouldBe(["2日"]);
        var failures = await new AuditQuery { Action = AuditAction.LoginFailed }.Apply(db.AuditEntries).ToListAsync();
        failures.Single().Summary.ShouldBe("2日");
    }
}
