using Gongkai.Tests;

namespace Gongkai.E2E.Support;

/// <summary>
/// Loading the demo region is the slow part of a browser test's server (half a minute on SQLite,
/// more on PostgreSQL, minutes on a loaded machine). The test process loads it once per database,
/// with the web app's own <c>--demo</c>, stops that server, and starts every demo server on a copy:
/// its data folder copied, its PostgreSQL database cloned (<c>CREATE DATABASE … TEMPLATE</c>). A copy
/// is exactly what <c>--demo</c> made, so each test still starts from the whole, untouched region.
/// </summary>
public static class DemoTemplates
{
    private static readonly Lazy<Task<Template>> sqlite = new(() => SeedAsync(new Dictionary<string, string>()));
    private static readonly Lazy<Task<Template>> postgres = new(SeedPostgresAsync);

    /// <summary>A demo server on SQLite, on a copy of the seeded data folder, with the settings given (e.g. another Gongkai:Today).</summary>
    public static async Task<WebServer> StartSqliteAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var template = await sqlite.Value;
        return await WebServer.StartOnAsync(template.CopyFolder(), environment ?? new Dictionary<string, string>(), template.Output);
    }

    /// <summary>A demo server on a clone of the seeded PostgreSQL database (the caller drops it after the server stops).</summary>
    public static async Task<(WebServer Server, PostgresDatabase Database)> StartPostgresAsync()
    {
        var template = await postgres.Value;
        var database = await PostgresDatabase.CloneAsync(template.Database!);
        try
        {
            return (await WebServer.StartOnAsync(template.CopyFolder(), database.Environment, template.Output), database);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    private static async Task<Template> SeedPostgresAsync()
    {
        Template? seeded = null;
        var name = await DatabaseTemplates.NewPostgresTemplateAsync(async connectionString =>
            seeded = await SeedAsync(new Dictionary<string, string>
            {
                ["Gongkai__Database"] = "PostgreSQL",
                // The server is stopped before the database is cloned, which takes its pooled connections with it.
                ["ConnectionStrings__Gongkai"] = connectionString,
            }));
        return seeded! with { Database = name };
    }

    private static async Task<Template> SeedAsync(IReadOnlyDictionary<string, string> environment)
    {
        var server = await WebServer.StartAsync(environment, "--demo");
        await server.StopKeepingDataAsync();
        var folder = server.DataDirectory;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        };
        return new Template(folder, server.Output, null);
    }

    private sealed record Template(string Folder, string Output, string? Database)
    {
        public string CopyFolder() => DatabaseTemplates.CopyFolder(Folder);
    }
}
