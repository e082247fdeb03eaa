using Gongkai.Tests;
using Microsoft.Data.Sqlite;

namespace Gongkai.Cli.Tests;

/// <summary>
/// The demo region as <c>gongkai demo seed</c> loads it into an SQLite data folder, once per test run
/// (the command's seconds of work), and a copy of that folder for each test that builds on it.
/// </summary>
internal static class SeededDemo
{
    private static readonly Lazy<(string Folder, CliResult Seed)> seeded = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("gongkai-cli-demo-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        };
        var seed = CliRun.Run("demo", "seed", "--data-dir", folder);
        // The command ran in this process: close its pooled connections, so that the database file is whole before it is copied.
        SqliteConnection.ClearAllPools();
        return (folder, seed);
    });

    /// <summary>What the first <c>demo seed</c> printed and returned.</summary>
    public static CliResult Seed => seeded.Value.Seed;

    /// <summary>Copies the seeded data folder into <paramref name="dataDirectory"/>.</summary>
    public static void CopyTo(string dataDirectory)
    {
        if (seeded.Value.Seed.ExitCode != 0)
            throw new InvalidOperationException("demo seed failed: " + seeded.Value.Seed.Error);
        DatabaseTemplates.CopyFolder(seeded.Value.Folder, dataDirectory);
    }
}
