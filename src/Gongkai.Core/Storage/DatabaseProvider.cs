namespace Gongkai.Core.Storage;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}
