using Gongkai.Tests;

namespace Gongkai.E2E.Support;

/// <summary>One chromium for every browser test; the tests run one after another on this 2-core machine.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}

/// <summary>A server for one test class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public WebServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await WebServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>A server for one test class, with the demo region 示范市 loaded (--demo).</summary>
public sealed class DemoServerFixture : IAsyncLifetime
{
    public WebServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await WebServer.StartAsync("--demo");

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// The demo server a journey runs on: the class's SQLite one, or a server of its own on a
/// throw-away PostgreSQL database, so that a journey proves both.
/// </summary>
public sealed class DemoServerLease : IAsyncDisposable
{
    private readonly PostgresDatabase? postgres;

    private DemoServerLease(WebServer server, PostgresDatabase? postgres) => (Server, this.postgres) = (server, postgres);

    public WebServer Server { get; }

    public static async Task<DemoServerLease> ForAsync(string database, DemoServerFixture sqlite)
    {
        if (database == "Sqlite")
            return new DemoServerLease(sqlite.Server, null);
        var postgres = await PostgresDatabase.CreateAsync();
        return new DemoServerLease(await WebServer.StartAsync(postgres.Environment, "--demo"), postgres);
    }

    public async ValueTask DisposeAsync()
    {
        if (postgres is null)
            return;
        await Server.DisposeAsync();
        await postgres.DisposeAsync();
    }
}
