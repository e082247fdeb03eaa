using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Gongkai.Core.Requests;
using Gongkai.Core.Security;
using Gongkai.Core.Storage;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Attacks;

/// <summary>Counting this process's chromium children needs no other test printing PDFs at the same time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChromiumCounting
{
    public const string Name = "chromium counting";
}

/// <summary>
/// Attack #5 of issue 11: the first download of a letter or report PDF started chromium with no lock
/// and no limit — four parallel anonymous downloads started 40 chromium processes and stored four copies.
/// </summary>
[Collection(ChromiumCounting.Name)]
public sealed class PdfRenderingAttackTests(PdfRenderingAttackTests.Factory factory) : IClassFixture<PdfRenderingAttackTests.Factory>
{
    public sealed class Factory() : RequestsFactory(new() { ["Gongkai:Pdf:MaxRenders"] = "1" });

    [Fact]
    public async Task LetterPdf_FourParallelDownloadsOfOneLetter_OneChromiumOneCopy()
    {
        var (office, handler, _) = await factory.OfficeAsync("pdfsame");
        var request = await factory.RegisterAsync(office, handler, "2026-03-16");
        var letterId = await LetterIdAsync(request.Id);

        var (answers, most) = await WatchingChromiumAsync(() => Task.WhenAll(Enumerable.Range(0, 4).Select(_ => DownloadAsync(request, letterId))));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);
        foreach (var a in answers)
            (await a.Content.ReadAsByteArrayAsync()).AsSpan(0, 5).SequenceEqual("%PDF-"u8).ShouldBeTrue();
        most.ShouldBe(1);
        (await PdfCopiesAsync()).ShouldBe(1, "the second request waited for the first and took its file");
    }

    [Fact]
    public async Task LetterPdf_ParallelDownloadsOfThreeLetters_AtMostTheConfiguredChromiumAtOnce()
    {
        var (office, handler, _) = await factory.OfficeAsync("pdfmany");
        var requests = new List<(InformationRequest Request, int Letter)>();
        for (var i = 0; i < 3; i++)
        {
            var request = await factory.RegisterAsync(office, handler, "2026-03-16", $"请公开2025年第{i + 1}批老旧小区改造项目清单。");
            requests.Add((request, await LetterIdAsync(request.Id)));
        }
        var copies = await PdfCopiesAsync();

        var (answers, most) = await WatchingChromiumAsync(() => Task.WhenAll(requests.Select(r => DownloadAsync(r.Request, r.Letter))));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);
        most.ShouldBe(1, "Gongkai:Pdf:MaxRenders is 1");
        (await PdfCopiesAsync()).ShouldBe(copies + 3);
    }

    private Task<HttpResponseMessage> DownloadAsync(InformationRequest request, int letterId) =>
        factory.Browser().PostAsJsonAsync("/api/v1/requests/track/letter", new { code = request.TrackingCode, factor = "0000", letterId, format = "pdf" });

    private async Task<int> LetterIdAsync(int requestId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().RequestLetters.Where(l => l.RequestId == requestId && l.ForApplicant)
            .Select(l => l.Id).SingleAsync();
    }

    private async Task<int> PdfCopiesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().StoredFiles.CountAsync(f => f.Kind == FileKind.Pdf);
    }

    /// <summary>Runs <paramref name="work"/> while counting, every few milliseconds, the chromium renders this process has running.</summary>
    private static async Task<(T Result, int Most)> WatchingChromiumAsync<T>(Func<Task<T>> work)
    {
        using var stop = new CancellationTokenSource();
        var most = 0;
        var watcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                most = Math.Max(most, ChromiumChildren());
                await Task.Delay(5, CancellationToken.None);
            }
        });
        var result = await work();
        await stop.CancelAsync();
        await watcher;
        return (result, most);
    }

    /// <summary>Direct children of this process printing a PDF: each is one chromium with its own helpers.</summary>
    private static int ChromiumChildren()
    {
        var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var count = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var parent = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1];
                if (parent == self && File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("--print-to-pdf", StringComparison.Ordinal))
                    count++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
            {
                // The process ended while being read, or is not ours to read.
            }
        }
        return count;
    }
}
