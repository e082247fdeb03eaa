using System.Threading.Channels;
using Gongkai.Core.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gongkai.Core.Files;

/// <summary>
/// A document printed to PDF once and kept. <paramref name="Key"/> names the document (one render
/// of it at a time); <paramref name="RenderAndStoreAsync"/> runs in a scope of its own and returns
/// the stored file's id: it finds the file when it is already stored, else prints it
/// (<see cref="Reports.Writing.ChromiumPdf.RenderAsync"/>), stores it and saves.
/// </summary>
public sealed record PdfJob(string Key, Func<IServiceProvider, CancellationToken, Task<Guid>> RenderAndStoreAsync);

/// <summary>How many Chromium renders may run at once (<c>Gongkai:Pdf:MaxRenders</c>).</summary>
public sealed record PdfRenderOptions(int MaxRenders = 2);

/// <summary>
/// Every PDF the platform prints goes through here: a channel read by at most
/// <see cref="PdfRenderOptions.MaxRenders"/> workers, so no more Chromium run at once however many
/// downloads arrive; a second request for a document already queued or printing waits for that
/// render and gets its file. Callers wait asynchronously and may give up (their cancellation ends
/// the wait, not the render others may be waiting for); stopping the app cancels the renders.
/// Across servers, a document's render holds the cluster lease "pdf:{key}" (<see cref="ClusterLeases"/>),
/// so two servers asked for the same letter at once print it once.
/// A hosted service in the web app; elsewhere (the command line, tests) it starts on first use.
/// </summary>
public sealed class PdfRenderQueue(IServiceScopeFactory scopes, PdfRenderOptions options, ILogger<PdfRenderQueue> logger)
    : IHostedService, IAsyncDisposable
{
    private sealed record Work(PdfJob Job, TaskCompletionSource<Guid> Done);

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LeasePoll = TimeSpan.FromMilliseconds(250);

    private readonly Channel<Work> channel = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Dictionary<string, Task<Guid>> pending = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private Task[]? workers;
    private bool stopped;
    private bool disposed;

    /// <summary>Documents queued or printing now (a metric).</summary>
    public int Pending
    {
        get { lock (gate) return pending.Count; }
    }

    /// <summary>The stored file of the job's document, printed now (or by the render already under way) if it is not stored yet.</summary>
    public Task<Guid> RenderAsync(PdfJob job, CancellationToken cancellationToken = default) => Enqueue(job).WaitAsync(cancellationToken);

    /// <summary>Queues the job without waiting — "print it now and keep it" from a use case, after its transaction committed.</summary>
    public Task<Guid> Enqueue(PdfJob job)
    {
        lock (gate)
        {
            Start();
            if (pending.TryGetValue(job.Key, out var running))
                return running;
            var done = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
            pending[job.Key] = done.Task;
            if (!channel.Writer.TryWrite(new Work(job, done)))
            {
                pending.Remove(job.Key);
                done.SetException(new InvalidOperationException("PDF 生成服务已停止。"));
            }
            return done.Task;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (gate)
            Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (gate)
        {
            if (stopped)
                return;
            stopped = true;
            channel.Writer.TryComplete();
            running = workers ?? [];
        }
        await stopping.CancelAsync();
        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Stopped and disposed more than once in the web app (as itself and as the hosted service); only the first counts.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        lock (gate)
        {
            if (disposed)
                return;
            disposed = true;
        }
        stopping.Dispose();
    }

    private void Start() =>
        workers ??= [.. Enumerable.Range(0, Math.Max(1, options.MaxRenders)).Select(_ => Task.Run(WorkAsync))];

    private async Task WorkAsync()
    {
        while (await channel.Reader.WaitToReadAsync(CancellationToken.None))
        {
            if (!channel.Reader.TryRead(out var work))
                continue;
            Guid file = default;
            Exception? failure = null;
            try
            {
                stopping.Token.ThrowIfCancellationRequested();
                // Another server printing the same document holds its lease: wait, then find its file stored.
                await using var scope = scopes.CreateAsyncScope();
                await using var lease = scope.ServiceProvider.GetService<ClusterLeases>() is { } leases
                    ? await leases.AcquireAsync("pdf:" + work.Job.Key, LeaseDuration, LeasePoll, stopping.Token)
                    : null;
                file = await work.Job.RenderAndStoreAsync(scope.ServiceProvider, stopping.Token);
            }
            catch (Exception e)
            {
                if (e is not OperationCanceledException)
                    logger.LogError(e, "PDF rendering of {Key} failed", work.Job.Key);
                failure = e;
            }
            // Off the list before anyone hears the outcome, so a request after a failure renders anew.
            lock (gate)
                pending.Remove(work.Job.Key);
            if (failure is null)
                work.Done.SetResult(file);
            else
                work.Done.SetException(failure);
        }
    }
}
