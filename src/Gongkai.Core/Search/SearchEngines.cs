using Gongkai.Core.Storage;

namespace Gongkai.Core.Search;

internal static class SearchEngines
{
    public static ISearchEngine For(GongkaiDbContext db, StorageSettings storage) => storage.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteSearchEngine(db),
        DatabaseProvider.PostgreSQL => new PostgresSearchEngine(db),
    };
}
