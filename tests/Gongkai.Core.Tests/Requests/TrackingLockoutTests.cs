using Gongkai.Core.Audit;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Security;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.RequestsWorld;

namespace Gongkai.Core.Tests.Requests;

/// <summary>Issue 11, attack #2: wrong second factors are counted per 查询码, in the database, and lock the code.</summary>
public sealed class TrackingLockoutTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Track_WrongAnswersToTheLimit_LockedThenOpenAgainWithALongerNextLock(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var request = await world.RegisterAsync("2026-03-02");

        for (var i = 0; i < TrackingLockout.MaxFailures; i++)
            (await TrackAsync(world, request.TrackingCode, "9999")).Request.ShouldBeNull();
        var locked = await TrackAsync(world, request.TrackingCode, "0000");
        world.Clock.Now += TrackingLockout.Duration(1);
        for (var i = 0; i < TrackingLockout.MaxFailures; i++)
            await TrackAsync(world, request.TrackingCode, "9999");
        var lockedLonger = await TrackAsync(world, request.TrackingCode, "0000");
        world.Clock.Now += TrackingLockout.Duration(2);
        var open = await TrackAsync(world, request.TrackingCode, "0000");

        locked.Request.ShouldBeNull("even the right answer is refused while locked");
        locked.LockedUntil.ShouldNotBeNull();
        (lockedLonger.LockedUntil!.Value - locked.LockedUntil!.Value).ShouldBeGreaterThan(TrackingLockout.Duration(1));
        open.Request!.Id.ShouldBe(request.Id);
        open.Notice!.Count.ShouldBe(2 * TrackingLockout.MaxFailures);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Track_RightAnswerAfterSomeWrongOnes_ToldOnceAndCountStartsAgain(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var request = await world.RegisterAsync("2026-03-02");

        for (var i = 0; i < TrackingLockout.MaxFailures - 1; i++)
            await TrackAsync(world, request.TrackingCode, "李四");
        var first = await TrackAsync(world, request.TrackingCode, "张三");
        var second = await TrackAsync(world, request.TrackingCode, "0000");
        for (var i = 0; i < TrackingLockout.MaxFailures - 1; i++)
            await TrackAsync(world, request.TrackingCode, "1234");
        var notLocked = await TrackAsync(world, request.TrackingCode, "0000");

        first.Notice.ShouldBe(new FailedTries(TrackingLockout.MaxFailures - 1, world.Clock.GetUtcNow().UtcDateTime));
        second.Notice.ShouldBeNull("told once");
        notLocked.Request.ShouldNotBeNull("a success started the count again");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Track_ParallelGuesses_NoMoreChecksThanTheLimit(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var request = await world.RegisterAsync("2026-03-02");

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => TrackAsync(world, request.TrackingCode, (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))));

        answers.Count(a => a.LockedUntil is null).ShouldBe(TrackingLockout.MaxFailures);
        answers.Count(a => a.LockedUntil is not null).ShouldBe(12 - TrackingLockout.MaxFailures);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Failures_ListedForAdministratorsAndClearedByThem(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var request = await world.RegisterAsync("2026-03-02");
        for (var i = 0; i < TrackingLockout.MaxFailures; i++)
            await TrackAsync(world, request.TrackingCode, "9999");

        await using (var scope = world.Database.Scope())
        {
            var failures = scope.ServiceProvider.GetRequiredService<TrackingFailures>();
            var listed = (await failures.ListAsync()).ShouldHaveSingleItem();
            listed.RequestNumber.ShouldBe(request.Number);
            listed.LockedUntil.ShouldNotBeNull();
            (await failures.ClearAsync(request.TrackingCode, new AuditActor(null, "管理员", null))).ShouldBeTrue();
        }

        (await TrackAsync(world, request.TrackingCode, "0000")).Request.ShouldNotBeNull();
    }

    private static async Task<TrackingResult> TrackAsync(RequestsWorld world, string code, string factor)
    {
        await using var scope = world.Database.Scope();
        return await scope.ServiceProvider.GetRequiredService<RequestTracking>().TrackAsync(code, factor);
    }
}
