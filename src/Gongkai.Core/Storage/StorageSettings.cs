using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Core.Storage;

/// <summary>
/// Where Gongkai keeps its data. SQLite (the default) lives in the data folder with the uploaded
/// files; PostgreSQL is chosen with <c>Gongkai:Database=PostgreSQL</c> and <c>ConnectionStrings:Gongkai</c>,
/// and the data folder then holds only the files and the keys that protect cookies.
/// </summary>
public sealed record StorageSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public const string DataDirectoryVariable = "GONGKAI_DATA_DIR";

    public string FilesDirectory => Path.Combine(DataDirectory, "files");
    public string KeysDirectory => Path.Combine(DataDirectory, "keys");

    public static StorageSettings FromConfiguration(IConfiguration configuration)
    {
        var dataDirectory = Path.GetFullPath(
            configuration[DataDirectoryVariable] is { Length: > 0 } configured ? configured : "data");
        var providerName = configuration["Gongkai:Database"];
        var provider = string.IsNullOrWhiteSpace(providerName)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException(
                    $"配置项 Gongkai:Database 的值“{providerName}”无效，应为 Sqlite 或 PostgreSQL。");
        var connectionString = configuration.GetConnectionString("Gongkai");
        return provider switch
        {
            DatabaseProvider.Sqlite => ForSqlite(dataDirectory, connectionString),
            DatabaseProvider.PostgreSQL => new StorageSettings(provider,
                string.IsNullOrWhiteSpace(connectionString)
                    ? throw new InvalidOperationException("使用 PostgreSQL 时必须配置 ConnectionStrings:Gongkai。")
                    : connectionString,
                dataDirectory),
        };
    }

    public static StorageSettings ForSqlite(string dataDirectory, string? connectionString = null)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
        };
        if (string.IsNullOrEmpty(builder.DataSource))
            builder.DataSource = Path.Combine(dataDirectory, "gongkai.db");
        return new StorageSettings(DatabaseProvider.Sqlite, builder.ToString(), dataDirectory);
    }
}
