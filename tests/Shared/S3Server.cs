namespace Gongkai.Tests;

/// <summary>
/// A real S3-compatible server for the S3 file backend's tests: s3rver (Node.js, tools/s3, installed by
/// test.sh with npm) on 127.0.0.1, a fresh folder, one bucket; started once per test process and
/// stopped with it. Without it the S3 tests fail: they never pass by skipping.
/// </summary>
public sealed class S3Server
{
    public const string Bucket = "gongkai";
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private static readonly Lazy<S3Server> Shared = new(Start);

    private S3Server(string serviceUrl) => ServiceUrl = serviceUrl;

    public string ServiceUrl { get; }

    public static S3Server Instance => Shared.Value;

    /// <summary>The settings an operator gives the app for it, with a prefix of the caller's own so tests do not see each other's files.</summary>
    public Dictionary<string, string> Environment(string prefix) => new()
    {
        ["Gongkai__Files"] = "S3",
        ["Gongkai__S3__ServiceUrl"] = ServiceUrl,
        ["Gongkai__S3__Bucket"] = Bucket,
        ["Gongkai__S3__AccessKey"] = AccessKey,
        ["Gongkai__S3__SecretKey"] = SecretKey,
        ["Gongkai__S3__Prefix"] = prefix,
    };

    private static S3Server Start()
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "Gongkai.slnx"))) root = Path.GetDirectoryName(root);
        var executable = Path.Combine(root ?? throw new InvalidOperationException("Gongkai.slnx not found above " + AppContext.BaseDirectory),
            "tools", "s3", "node_modules", ".bin", "s3rver");
        var missing = $"{executable} is missing: run the tests through ./test.sh, which installs it with npm (tools/s3).";
        if (!File.Exists(executable)) throw new InvalidOperationException(missing);
        var port = ServerProcess.Start(executable, "s3", (listen, folder) => ["-d", folder, "-a", "127.0.0.1", "-p", listen, "--silent", "--configure-bucket", Bucket], missing);
        return new S3Server($"http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }
}
