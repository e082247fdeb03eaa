using Npgsql;

namespace Gongkai.E2E.Support;

/// <summary>A throw-away database on the server test.sh starts (GONGKAI_TEST_POSTGRES); without it the test fails.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string server;
    private readonly string name = "gongkai_e2e_" + Guid.NewGuid().ToString("N")[..12];

    private PostgresDatabase(string server) => this.server = server;

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Gongkai__Database"] = "PostgreSQL",
        ["ConnectionStrings__Gongkai"] = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(),
    };

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("GONGKAI_TEST_POSTGRES is not set: run the tests through ./test.sh.");
        var database = new PostgresDatabase(server);
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {database.name}", admin);
        await create.ExecuteNonQueryAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
