using Gongkai.Core.Cluster;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gongkai.Core.Tests.Cluster;

/// <summary>
/// Work done once across servers: each "server" here is a service provider of its own (its own
/// leases holder and DbContexts) on the same database, as two web processes are.
/// </summary>
public sealed class ClusterLeasesTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TryAcquire_HeldByAnotherServer_RefusedUntilReleased(DatabaseProvider provider)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        var (a, b) = (Server(database, clock), Server(database, clock));

        var held = await a.TryAcquireAsync("pdf:letter-1", Minute);

        held.ShouldNotBeNull();
        (await b.TryAcquireAsync("pdf:letter-1", Minute)).ShouldBeNull("server A holds it");
        (await b.TryAcquireAsync("pdf:letter-2", Minute)).ShouldNotBeNull("another name is another lease");
        await held.DisposeAsync();
        await using var taken = await b.TryAcquireAsync("pdf:letter-1", Minute);
        taken.ShouldNotBeNull("released");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TryAcquire_HolderCrashed_TakenOverOnceTheLeaseLapses(DatabaseProvider provider)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        var (a, b) = (Server(database, clock), Server(database, clock));
        var crashed = await a.TryAcquireAsync("reminder-mail", Minute);
        crashed.ShouldNotBeNull();

        clock.Now += TimeSpan.FromSeconds(59);
        (await b.TryAcquireAsync("reminder-mail", Minute)).ShouldBeNull("the lease still runs");
        clock.Now += TimeSpan.FromSeconds(2);
        await using var taken = await b.TryAcquireAsync("reminder-mail", Minute);

        taken.ShouldNotBeNull("A stopped renewing (it crashed): B takes the work over");
        (await b.ListAsync()).Single(l => l.Name == "reminder-mail").Holder.ShouldBe(b.Holder);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunIfDue_TwoServers_RunsOnceUntilDueAgain(DatabaseProvider provider)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        var job = new CountingJob();
        var (a, b) = (Runner(database, clock, job), Runner(database, clock, job));

        var ran = new[] { await a.RunIfDueAsync(job, default), await b.RunIfDueAsync(job, default), await a.RunIfDueAsync(job, default) };

        ran.ShouldBe([true, false, false]);
        job.Runs.ShouldBe(1);
        clock.Now += TimeSpan.FromMinutes(31);
        (await b.RunIfDueAsync(job, default)).ShouldBeTrue("due again after its interval, on whichever server looks first");
        job.Runs.ShouldBe(2);
        var row = (await Server(database, clock).ListAsync()).Single(l => l.Name == job.Name);
        row.Runs.ShouldBe(2);
        row.Holder.ShouldBeNull();
        row.NextRunAt!.Value.ShouldBe(clock.Now.UtcDateTime + TimeSpan.FromMinutes(30), TimeSpan.FromMilliseconds(1));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunIfDue_JobFails_TriedAgainWithinFiveMinutes(DatabaseProvider provider)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        var job = new CountingJob { Fails = true };
        var runner = Runner(database, clock, job);

        (await runner.RunIfDueAsync(job, default)).ShouldBeFalse();
        clock.Now += TimeSpan.FromMinutes(4);
        (await runner.RunIfDueAsync(job, default)).ShouldBeFalse("not due yet");
        job.Runs.ShouldBe(1);
        clock.Now += TimeSpan.FromMinutes(2);
        await runner.RunIfDueAsync(job, default);
        job.Runs.ShouldBe(2);
    }

    /// <summary>Another server: its own provider, so its own holder name and DbContexts, on the same database.</summary>
    private static ClusterLeases Server(TestDatabase database, TimeProvider clock) =>
        new(database.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<ClusterLeases>.Instance);

    private static ClusterJobRunner Runner(TestDatabase database, TimeProvider clock, IClusterJob job) =>
        new([job], Server(database, clock), new ClusterJobOptions(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2)),
            database.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<ClusterJobRunner>.Instance);

    private sealed class CountingJob : IClusterJob
    {
        private int runs;

        public int Runs => runs;
        public bool Fails { get; init; }
        public string Name => "counting";

        public DateTime NextRunAfter(DateTime finishedAt) => finishedAt + TimeSpan.FromMinutes(30);

        public Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref runs);
            return Fails ? throw new InvalidOperationException("SMTP 服务器无响应") : Task.CompletedTask;
        }
    }
}
