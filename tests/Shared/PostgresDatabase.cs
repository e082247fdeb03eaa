using Npgsql;

namespace Gongkai.Tests;

/// <summary>
/// A throw-away database on the PostgreSQL server test.sh starts and names in GONGKAI_TEST_POSTGRES;
/// dropped on disposal. Without that server a PostgreSQL test fails: it never passes by skipping.
/// Linked, with <see cref="DatabaseTemplates"/>, into every test project that runs on PostgreSQL.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string ServerVariable = "GONGKAI_TEST_POSTGRES";

    private readonly string server;
    private readonly string name;

    private PostgresDatabase(string server, string name) => (this.server, this.name) = (server, name);

    /// <summary>The connection string of the new database.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();

    /// <summary>The settings an operator gives the app for it, as environment variables.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Gongkai__Database"] = "PostgreSQL",
        ["ConnectionStrings__Gongkai"] = ConnectionString,
    };

    /// <summary>The same settings as configuration keys.</summary>
    public Dictionary<string, string?> Configuration => new()
    {
        ["Gongkai:Database"] = "PostgreSQL",
        ["ConnectionStrings:Gongkai"] = ConnectionString,
    };

    /// <summary>The server's connection string from GONGKAI_TEST_POSTGRES; its absence is a failure.</summary>
    public static string Server() =>
        System.Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{ServerVariable} is not set: run the tests through ./test.sh, which starts PostgreSQL 15 and sets it.");

    /// <summary>An empty database: for what must start from nothing (the migrations themselves, an operator's first start).</summary>
    public static Task<PostgresDatabase> CreateAsync(string prefix = "gongkai_test") => CreateAsync(prefix, "");

    /// <summary>A migrated database, cloned from the process's template (<see cref="DatabaseTemplates"/>): much faster than migrating.</summary>
    public static async Task<PostgresDatabase> CreateMigratedAsync(string prefix = "gongkai_test") =>
        await CreateAsync(prefix, " TEMPLATE " + await DatabaseTemplates.PostgresAsync());

    /// <summary>A copy of another template of this process (<see cref="DatabaseTemplates.NewPostgresTemplateAsync"/>).</summary>
    public static Task<PostgresDatabase> CloneAsync(string template, string prefix = "gongkai_test") => CreateAsync(prefix, " TEMPLATE " + template);

    private static async Task<PostgresDatabase> CreateAsync(string prefix, string template)
    {
        var database = new PostgresDatabase(Server(), prefix + "_" + Guid.NewGuid().ToString("N")[..12]);
        await database.ExecuteAsync($"CREATE DATABASE {database.name}{template}");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
