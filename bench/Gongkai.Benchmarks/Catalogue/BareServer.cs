using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gongkai.Benchmarks.Catalogue;

/// <summary>
/// The yardstick: a bare ASP.NET Core app in this process — Kestrel, no middleware, one endpoint
/// answering "ok" — measured in the same run as the web app. The web app's own /bench/bare
/// (the same answer behind all of its middleware) is measured too.
/// </summary>
internal sealed class BareServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private BareServer(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<BareServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/", () => Results.Text("ok"));
        await app.StartAsync();
        return new BareServer(app, app.Urls.Single());
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
