using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Accounts;

/// <summary>Issue 11, attack #4: failed sign-ins slow the account down, in the database; they never lock it.</summary>
public sealed class SignInGuardTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TryBegin_FailuresPastTheFreeOnes_WaitThenTryAgain(DatabaseProvider provider)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 20, 2, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        await CreateUserAsync(database, "guarded");

        var free = new List<bool>();
        for (var i = 0; i < SignInBackoff.FreeFailures + 1; i++)
            free.Add(await TryBeginAsync(database, "guarded"));
        var waiting = await TryBeginAsync(database, "guarded");
        clock.Now += SignInBackoff.After(SignInBackoff.FreeFailures + 1);
        var again = await TryBeginAsync(database, "guarded");

        free.ShouldAllBe(b => b);
        waiting.ShouldBeFalse();
        again.ShouldBeTrue("no lock: after the wait the account may try again");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TryBegin_ParallelAttempts_NoMoreThanSequentialOnes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new ManualClock(DateTimeOffset.UtcNow));
        await CreateUserAsync(database, "parallel");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => TryBeginAsync(database, "parallel")));

        attempts.Count(a => a).ShouldBe(SignInBackoff.FreeFailures + 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Succeeded_ClearsTheCount_AndAdministratorsSeeAndClearOthers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new ManualClock(DateTimeOffset.UtcNow));
        await CreateUserAsync(database, "lucky");
        await CreateUserAsync(database, "unlucky");
        for (var i = 0; i < 3; i++)
        {
            await TryBeginAsync(database, "lucky");
            await TryBeginAsync(database, "unlucky");
        }
        await using (var scope = database.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            await scope.ServiceProvider.GetRequiredService<SignInGuard>().SucceededAsync((await users.FindByNameAsync("lucky"))!);
        }

        await using var admin = database.Scope();
        var guard = admin.ServiceProvider.GetRequiredService<SignInGuard>();
        (await guard.ListAsync()).Select(w => (w.UserName, w.Failures)).ShouldBe([("unlucky", 3)]);
        (await guard.ClearAsync("unlucky", new AuditActor(null, "管理员", null))).ShouldBeTrue();
        (await guard.ListAsync()).ShouldBeEmpty();
    }

    private static async Task CreateUserAsync(TestDatabase database, string userName)
    {
        await using var scope = database.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<User>>()
            .CreateAsync(new User { UserName = userName, DisplayName = userName, LockoutEnabled = true }, "Test-Password-2026");
        result.Succeeded.ShouldBeTrue();
    }

    private static async Task<bool> TryBeginAsync(TestDatabase database, string userName)
    {
        await using var scope = database.Scope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByNameAsync(userName))!;
        return await scope.ServiceProvider.GetRequiredService<SignInGuard>().TryBeginAsync(user);
    }
}
