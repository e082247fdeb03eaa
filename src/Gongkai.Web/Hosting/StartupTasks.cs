using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Demo;
using Gongkai.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Gongkai.Web.Hosting;

/// <summary>
/// Before serving: bring the schema up to date, make sure an administrator exists (printing the
/// one-time password when one is created) and, with --demo, load the demo region.
/// </summary>
public static class StartupTasks
{
    public static async Task RunAsync(WebApplication app, bool demo)
    {
        // A bad setting stops here, with its name, before anything touches the database.
        var options = app.Services.Gongkai();
        var storage = app.Services.GetRequiredService<StorageSettings>();
        if (storage.Provider == DatabaseProvider.Sqlite)
            app.Lifetime.ApplicationStopped.Register(() => CheckpointSqlite(storage));
        if (!options.MigrateOnStartup) return;

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var migrator = services.GetRequiredService<Migrator>();
        await migrator.MigrateAsync();
        await migrator.ImportKeyFilesAsync();
        var admin = await services.GetRequiredService<FirstRun>().EnsureAdministratorAsync();
        if (admin is not null) ConsoleBanner.Administrator(admin, storage);
        if (demo || options.Demo)
            ConsoleBanner.Demo(await services.GetRequiredService<DemoSeeder>().SeedAsync(AuditActor.System));
    }

    /// <summary>On a clean stop, fold the WAL back into the database file so a copy of gongkai.db alone is complete.</summary>
    private static void CheckpointSqlite(StorageSettings storage)
    {
        try
        {
            using var connection = new SqliteConnection(storage.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // The process is stopping anyway; SQLite replays the WAL at the next start.
        }
    }
}
