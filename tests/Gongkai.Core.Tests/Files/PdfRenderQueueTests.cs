using Gongkai.Core.Files;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gongkai.Core.Tests.Files;

/// <summary>
/// Issue 11, attack #5: every PDF goes through one bounded queue. Here the jobs count themselves
/// instead of starting Chromium (the web tests count real Chromium processes).
/// </summary>
public sealed class PdfRenderQueueTests
{
    [Fact]
    public async Task Render_ManyDocumentsAtOnce_AtMostTheConfiguredNumberRun()
    {
        await using var queue = Queue(maxRenders: 2);
        var running = 0;
        var most = 0;
        PdfJob Job(int n) => new($"doc:{n}", async (_, cancellationToken) =>
        {
            most = Math.Max(most, Interlocked.Increment(ref running));
            await Task.Delay(30, cancellationToken);
            Interlocked.Decrement(ref running);
            return Guid.NewGuid();
        });

        var files = await Task.WhenAll(Enumerable.Range(0, 10).Select(n => queue.RenderAsync(Job(n))));

        files.Distinct().Count().ShouldBe(10);
        most.ShouldBe(2);
    }

    [Fact]
    public async Task Render_SameDocumentAskedWhileRendering_WaitsForTheFirstAndGetsItsFile()
    {
        await using var queue = Queue(maxRenders: 4);
        var renders = 0;
        var release = new TaskCompletionSource();
        var job = new PdfJob("letter:7", async (_, _) =>
        {
            Interlocked.Increment(ref renders);
            await release.Task;
            return Guid.NewGuid();
        });

        var first = queue.RenderAsync(job);
        var second = queue.RenderAsync(job);
        release.SetResult();

        (await first).ShouldBe(await second);
        renders.ShouldBe(1);
    }

    [Fact]
    public async Task Render_CallerGivesUp_OthersStillGetTheFile()
    {
        await using var queue = Queue(maxRenders: 1);
        var release = new TaskCompletionSource();
        var id = Guid.NewGuid();
        var job = new PdfJob("report:1", async (_, _) =>
        {
            await release.Task;
            return id;
        });
        using var impatient = new CancellationTokenSource();

        var gaveUp = queue.RenderAsync(job, impatient.Token);
        var waiting = queue.RenderAsync(job);
        await impatient.CancelAsync();
        release.SetResult();

        await Should.ThrowAsync<OperationCanceledException>(gaveUp);
        (await waiting).ShouldBe(id);
    }

    [Fact]
    public async Task Render_Failure_ToEveryWaiterAndTheNextRequestTriesAgain()
    {
        await using var queue = Queue(maxRenders: 1);
        var tries = 0;
        var job = new PdfJob("letter:9", (_, _) => ++tries == 1
            ? Task.FromException<Guid>(new InvalidOperationException("未找到 Chromium"))
            : Task.FromResult(Guid.Empty));

        await Should.ThrowAsync<InvalidOperationException>(queue.RenderAsync(job));
        (await queue.RenderAsync(job)).ShouldBe(Guid.Empty);
    }

    [Fact]
    public async Task Stop_RenderUnderWay_Cancelled()
    {
        var queue = Queue(maxRenders: 1);
        var started = new TaskCompletionSource();
        var render = queue.RenderAsync(new PdfJob("slow", async (_, cancellationToken) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return Guid.Empty;
        }));
        await started.Task;

        await queue.StopAsync(CancellationToken.None);

        await Should.ThrowAsync<OperationCanceledException>(render);
        await queue.DisposeAsync();
    }

    private static PdfRenderQueue Queue(int maxRenders) =>
        new(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), new PdfRenderOptions(maxRenders),
            NullLogger<PdfRenderQueue>.Instance);
}
