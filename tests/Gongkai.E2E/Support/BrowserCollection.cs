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
