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

/// <summary>A server for one test class, with the demo region 示范市 loaded (--demo, once per run: <see cref="DemoTemplates"/>).</summary>
public sealed class DemoServerFixture : IAsyncLifetime
{
    public WebServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await DemoTemplates.StartSqliteAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// The demo server a journey runs on: the class's SQLite one, or a server of its own (on a copy of
/// the demo region, SQLite or a throw-away PostgreSQL database), so that a journey proves both.
/// </summary>
public sealed class DemoServerLease : IAsyncDisposable
{
    private readonly PostgresDatabase? postgres;
    private readonly bool owned;

    private DemoServerLease(WebServer server, PostgresDatabase? postgres, bool owned) => (Server, this.postgres, this.owned) = (server, postgres, owned);

    public WebServer Server { get; }

    public static async Task<DemoServerLease> ForAsync(string database, DemoServerFixture sqlite) =>
        database == "Sqlite" ? new DemoServerLease(sqlite.Server, null, owned: false) : await ForAsync(database);

    /// <summary>A demo server of the journey's own on either database, stopped on disposal.</summary>
    public static async Task<DemoServerLease> ForAsync(string database)
    {
        if (database == "Sqlite")
            return new DemoServerLease(await DemoTemplates.StartSqliteAsync(), null, owned: true);
        var (server, postgres) = await DemoTemplates.StartPostgresAsync();
        return new DemoServerLease(server, postgres, owned: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (!owned)
            return;
        await Server.DisposeAsync();
        if (postgres is not null) await postgres.DisposeAsync();
    }
}
