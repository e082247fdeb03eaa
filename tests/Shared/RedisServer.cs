using System.Globalization;

namespace Gongkai.Tests;

/// <summary>
/// A real redis-server (Debian's, installed by test.sh) on 127.0.0.1 with nothing saved to disk;
/// started once per test process and stopped with it. Without it the tests that need it fail: they
/// never pass by skipping.
/// </summary>
public sealed class RedisServer
{
    private static readonly Lazy<RedisServer> Shared = new(() =>
    {
        var port = ServerProcess.Start("redis-server", "redis", (listen, folder) => ["--port", listen, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder],
            "redis-server is missing: run the tests through ./test.sh, which installs it with apt-get.");
        return new RedisServer(string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}"));
    });

    private RedisServer(string configuration) => Configuration = configuration;

    /// <summary>What an operator writes in <c>Gongkai:Redis</c>.</summary>
    public string Configuration { get; }

    public static RedisServer Instance => Shared.Value;
}
