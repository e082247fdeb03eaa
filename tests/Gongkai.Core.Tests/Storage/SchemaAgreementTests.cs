using System.Data.Common;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Storage;

/// <summary>
/// The schema is written by hand as SQL; EF Core only reads and writes it. This proves the two
/// agree, table by table and column by column, on each database: any column missing on either
/// side, or differing in nullability, type family or (PostgreSQL) length, fails. The full-text
/// search index is outside the model on purpose (an FTS5 virtual table, a tsvector table), written
/// with SQL by SearchIndex and tested by the search tests.
/// </summary>
public sealed class SchemaAgreementTests
{
    private const string SearchIndex = "search_index";

    private sealed record Column(string Table, string Name, bool Nullable, string Family, int? MaxLength);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MigratedSchema_ComparedWithModel_Agrees(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();

        var expected = ModelColumns(db, provider);
        var actual = await DatabaseColumnsAsync(db, provider);

        var modelTables = expected.Select(c => c.Table).ToHashSet();
        var databaseTables = actual.Select(c => c.Table).ToHashSet();
        databaseTables.Except(modelTables).ShouldBeEmpty("tables in the database that the model does not know");
        modelTables.Except(databaseTables).ShouldBeEmpty("tables in the model that the migrations do not create");
        actual.Except(expected).ShouldBeEmpty("columns in the database that differ from the model");
        expected.Except(actual).ShouldBeEmpty("columns in the model that differ from the database");
    }

    private static List<Column> ModelColumns(GongkaiDbContext db, DatabaseProvider provider)
    {
        var model = db.GetService<IDesignTimeModel>().Model;
        var columns = new List<Column>();
        foreach (var entity in model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                columns.Add(new Column(table, property.GetColumnName(store)!, property.IsColumnNullable(store),
                    Family(property.GetColumnType(store)),
                    provider == DatabaseProvider.PostgreSQL ? property.GetMaxLength() : null));
            }
        }
        return columns;
    }

    private static async Task<List<Column>> DatabaseColumnsAsync(GongkaiDbContext db, DatabaseProvider provider)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            return provider switch
            {
                DatabaseProvider.Sqlite => await SqliteColumnsAsync(connection),
                DatabaseProvider.PostgreSQL => await ReadAsync(connection,
                    """
                    SELECT table_name, column_name, is_nullable = 'YES', data_type, character_maximum_length
                    FROM information_schema.columns
                    WHERE table_schema = 'public' AND table_name NOT IN ('schema_migrations', 'search_index')
                    """,
                    r => new Column(r.GetString(0), r.GetString(1), r.GetBoolean(2), Family(r.GetString(3)),
                        r.IsDBNull(4) ? null : r.GetInt32(4))),
            };
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task<List<Column>> SqliteColumnsAsync(DbConnection connection)
    {
        // pragma_table_list tells FTS5's virtual table and its shadow tables apart from ordinary ones.
        var tables = await ReadAsync(connection,
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'",
            r => r.GetString(0));
        var searchTables = await ReadAsync(connection,
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND (type = 'virtual' OR type = 'shadow')", r => r.GetString(0));
        searchTables.ShouldAllBe(name => name.StartsWith(SearchIndex, StringComparison.Ordinal));
        var columns = new List<Column>();
        foreach (var table in tables)
            columns.AddRange(await ReadAsync(connection, $"SELECT name, \"notnull\", type FROM pragma_table_info('{table}')",
                r => new Column(table, r.GetString(0), r.GetInt64(1) == 0, Family(r.GetString(2)), null)));
        return columns;
    }

    private static async Task<List<T>> ReadAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    /// <summary>What a column holds, whatever each database calls it.</summary>
    private static string Family(string? storeType)
    {
        var type = (storeType ?? "").ToLowerInvariant();
        var paren = type.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0) type = type[..paren].Trim();
        return type switch
        {
            "text" or "character varying" or "varchar" or "character" => "text",
            "integer" or "int" or "bigint" or "smallint" => "integer",
            "boolean" => "boolean",
            "timestamp with time zone" => "timestamptz",
            "uuid" => "uuid",
            "date" => "date",
            "real" or "double precision" or "numeric" => "number",
            "blob" or "bytea" => "binary",
            _ => "unknown:" + type,
        };
    }
}
