using Gongkai.Core.Cluster;
using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Search;

/// <summary>
/// Once a day on one server: merges SQLite's FTS5 segments (publishing adds a small segment each
/// time, and many segments slow every search), or on PostgreSQL vacuums the tsvector table and
/// refreshes its statistics for the planner.
/// </summary>
public sealed class SearchIndexUpkeep : IClusterJob
{
    public string Name => "search-index-upkeep";

    public DateTime NextRunAfter(DateTime finishedAt) => finishedAt.AddDays(1);

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        if (services.GetRequiredService<StorageSettings>().Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO search_index (search_index) VALUES ('optimize'); INSERT INTO search_index_titles (search_index_titles) VALUES ('optimize');",
                cancellationToken);
        else
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) search_index", cancellationToken);
    }
}
