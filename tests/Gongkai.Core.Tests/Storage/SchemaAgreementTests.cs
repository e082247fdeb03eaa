using System.Data.Common;
using System.Text.RegularExpressions;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Storage;

/// <summary>
/// The schema is written by hand as SQL; EF Core only reads and writes it. This proves the two
/// agree on each database: tables and columns (nullability, type family, PostgreSQL length),
/// primary keys, unique keys (a constraint or a unique index alike), the other indexes (columns in
/// order, descending columns, the partial index's condition) and foreign keys (columns, the table
/// and columns they point at, what a delete does). Code such as <c>ON CONFLICT</c> relies on the
/// unique keys; the model is how the next reader learns they exist. The full-text search index is
/// outside the model on purpose (an FTS5 virtual table, a tsvector table), written with SQL by
/// SearchIndex and tested by the search tests, and so is one index EF cannot describe (below).
/// </summary>
public sealed partial class SchemaAgreementTests
{
    private const string SearchIndex = "search_index";

    /// <summary>
    /// Indexes on an expression, which EF's model cannot hold: one national calendar layer
    /// (<c>UNIQUE ((agency_id IS NULL)) WHERE agency_id IS NULL</c>).
    /// </summary>
    private static readonly string[] ExpressionIndexes = ["ux_calendar_layers_national"];

    private sealed record Column(string Table, string Name, bool Nullable, string Family, int? MaxLength);

    /// <summary>A primary key, a unique key or an index; columns in order, " desc" after a descending one.</summary>
    private sealed record Index(string Table, string Kind, string Columns, string Filter)
    {
        public override string ToString() => $"{Kind} {Table}({Columns}){(Filter.Length > 0 ? " where " + Filter : "")}";
    }

    private sealed record ForeignKey(string Table, string Columns, string Principal, string PrincipalColumns, string OnDelete)
    {
        public override string ToString() => $"{Table}({Columns}) → {Principal}({PrincipalColumns}) on delete {OnDelete}";
    }

    private const string Primary = "primary key", Unique = "unique", NonUnique = "index";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MigratedColumns_ComparedWithModel_Agree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();

        var expected = ModelColumns(db, provider);
        var actual = await ReadSchemaAsync(db, connection => provider switch
        {
            DatabaseProvider.Sqlite => SqliteColumnsAsync(connection),
            DatabaseProvider.PostgreSQL => ReadAsync(connection,
                """
                SELECT table_name, column_name, is_nullable = 'YES', data_type, character_maximum_length
                FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name NOT IN ('schema_migrations', 'search_index')
                """,
                r => new Column(r.GetString(0), r.GetString(1), r.GetBoolean(2), Family(r.GetString(3)),
                    r.IsDBNull(4) ? null : r.GetInt32(4))),
        });

        var modelTables = expected.Select(c => c.Table).ToHashSet();
        var databaseTables = actual.Select(c => c.Table).ToHashSet();
        databaseTables.Except(modelTables).ShouldBeEmpty("tables in the database that the model does not know");
        modelTables.Except(databaseTables).ShouldBeEmpty("tables in the model that the migrations do not create");
        actual.Except(expected).ShouldBeEmpty("columns in the database that differ from the model");
        expected.Except(actual).ShouldBeEmpty("columns in the model that differ from the database");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MigratedKeysAndIndexes_ComparedWithModel_Agree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();

        var expected = ModelIndexes(db);
        var (actual, expressions) = await ReadSchemaAsync(db, connection => provider switch
        {
            DatabaseProvider.Sqlite => SqliteIndexesAsync(connection),
            DatabaseProvider.PostgreSQL => PostgresIndexesAsync(connection),
        });

        expressions.Order(StringComparer.Ordinal).ShouldBe(ExpressionIndexes.Order(StringComparer.Ordinal), "indexes on expressions, outside the model");
        Differences(expected, actual).ShouldBeEmpty("keys and indexes");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MigratedForeignKeys_ComparedWithModel_Agree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();

        var expected = ModelForeignKeys(db);
        var actual = await ReadSchemaAsync(db, connection => provider switch
        {
            DatabaseProvider.Sqlite => SqliteForeignKeysAsync(connection),
            DatabaseProvider.PostgreSQL => ReadAsync(connection,
                """
                SELECT t.relname,
                       (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(att, n)
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.att),
                       p.relname,
                       (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY k(att, n)
                        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.att),
                       c.confdeltype::text
                FROM pg_constraint c
                JOIN pg_class t ON t.oid = c.conrelid
                JOIN pg_class p ON p.oid = c.confrelid
                JOIN pg_namespace s ON s.oid = t.relnamespace
                WHERE c.contype = 'f' AND s.nspname = 'public' AND t.relname <> 'search_index'
                """,
                r => new ForeignKey(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4) switch
                {
                    "a" => "no action",
                    "r" => "restrict",
                    "c" => "cascade",
                    "n" => "set null",
                    "d" => "set default",
                    var other => "unknown:" + other,
                })),
        });

        Differences(expected, actual).ShouldBeEmpty("foreign keys");
    }

    /// <summary>Every difference, each side named, so one run shows all of them.</summary>
    private static List<string> Differences<T>(IEnumerable<T> model, IEnumerable<T> database) =>
    [
        .. database.Except(model).Select(i => "only in the database: " + i)
            .Concat(model.Except(database).Select(i => "only in the model: " + i))
            .Order(StringComparer.Ordinal),
    ];

    private static IRelationalModel Relational(GongkaiDbContext db) => db.GetService<IDesignTimeModel>().Model.GetRelationalModel();

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

    private static List<Index> ModelIndexes(GongkaiDbContext db)
    {
        var indexes = new List<Index>();
        foreach (var table in Relational(db).Tables)
        {
            if (table.PrimaryKey is { } primary)
                indexes.Add(new Index(table.Name, Primary, Columns(primary.Columns.Select(c => c.Name), null), ""));
            foreach (var key in table.UniqueConstraints.Where(k => !k.GetIsPrimaryKey()))
                indexes.Add(new Index(table.Name, Unique, Columns(key.Columns.Select(c => c.Name), null), ""));
            foreach (var index in table.Indexes)
                indexes.Add(new Index(table.Name, index.IsUnique ? Unique : NonUnique, Columns(index.Columns.Select(c => c.Name), index.IsDescending),
                    Condition(index.Filter)));
        }
        return indexes;
    }

    private static List<ForeignKey> ModelForeignKeys(GongkaiDbContext db) =>
    [
        .. Relational(db).Tables.SelectMany(t => t.ForeignKeyConstraints).Select(fk => new ForeignKey(fk.Table.Name,
            string.Join(',', fk.Columns.Select(c => c.Name)), fk.PrincipalTable.Name, string.Join(',', fk.PrincipalColumns.Select(c => c.Name)),
            fk.OnDeleteAction switch
            {
                ReferentialAction.NoAction => "no action",
                ReferentialAction.Restrict => "restrict",
                ReferentialAction.Cascade => "cascade",
                ReferentialAction.SetNull => "set null",
                ReferentialAction.SetDefault => "set default",
            })),
    ];

    /// <summary>EF's <c>IsDescending</c>: null when every column ascends, empty when every column descends.</summary>
    private static string Columns(IEnumerable<string> names, IReadOnlyList<bool>? descending) =>
        string.Join(',', names.Select((name, i) => descending is not null && (descending.Count == 0 || descending[i]) ? name + " desc" : name));

    private static async Task<T> ReadSchemaAsync<T>(GongkaiDbContext db, Func<DbConnection, Task<T>> read)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            return await read(connection);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static Task<List<string>> SqliteTablesAsync(DbConnection connection) => ReadAsync(connection,
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'",
        r => r.GetString(0));

    private static async Task<List<Column>> SqliteColumnsAsync(DbConnection connection)
    {
        // pragma_table_list tells FTS5's virtual table and its shadow tables apart from ordinary ones.
        var searchTables = await ReadAsync(connection,
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND (type = 'virtual' OR type = 'shadow')", r => r.GetString(0));
        searchTables.ShouldAllBe(name => name.StartsWith(SearchIndex, StringComparison.Ordinal));
        var columns = new List<Column>();
        foreach (var table in await SqliteTablesAsync(connection))
            columns.AddRange(await ReadAsync(connection, $"SELECT name, \"notnull\", type FROM pragma_table_info('{table}')",
                r => new Column(table, r.GetString(0), r.GetInt64(1) == 0, Family(r.GetString(2)), null)));
        return columns;
    }

    private static async Task<(List<Index> Indexes, List<string> Expressions)> SqliteIndexesAsync(DbConnection connection)
    {
        var indexes = new List<Index>();
        var expressions = new List<string>();
        foreach (var table in await SqliteTablesAsync(connection))
        {
            var primary = await ReadAsync(connection, $"SELECT name FROM pragma_table_info('{table}') WHERE pk > 0 ORDER BY pk", r => r.GetString(0));
            if (primary.Count > 0)
                indexes.Add(new Index(table, Primary, string.Join(',', primary), ""));
            var list = await ReadAsync(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin <> 'pk'",
                r => (Name: r.GetString(0), Unique: r.GetInt64(1) == 1));
            foreach (var (name, unique) in list)
            {
                var columns = await ReadAsync(connection, $"SELECT name, \"desc\" FROM pragma_index_xinfo('{name}') WHERE key = 1 ORDER BY seqno",
                    r => r.IsDBNull(0) ? null : r.GetString(0) + (r.GetInt64(1) == 1 ? " desc" : ""));
                if (columns.Contains(null))
                {
                    expressions.Add(name);
                    continue;
                }
                var sql = (await ReadAsync(connection, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{name}'",
                    r => r.IsDBNull(0) ? "" : r.GetString(0))).SingleOrDefault() ?? "";
                var where = WhereClause().Match(sql);
                indexes.Add(new Index(table, unique ? Unique : NonUnique, string.Join(',', columns),
                    Condition(where.Success ? where.Groups[1].Value : null)));
            }
        }
        return (indexes, expressions);
    }

    private static async Task<(List<Index> Indexes, List<string> Expressions)> PostgresIndexesAsync(DbConnection connection)
    {
        var rows = await ReadAsync(connection,
            """
            SELECT t.relname, i.relname, x.indisprimary, x.indisunique, x.indexprs IS NOT NULL,
                   (SELECT string_agg(pg_get_indexdef(x.indexrelid, k + 1, true) || CASE WHEN (x.indoption[k] & 1) = 1 THEN ' desc' ELSE '' END,
                                      ',' ORDER BY k)
                    FROM generate_subscripts(x.indkey, 1) k WHERE k < x.indnkeyatts),
                   pg_get_expr(x.indpred, x.indrelid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace s ON s.oid = t.relnamespace
            WHERE s.nspname = 'public' AND t.relkind = 'r' AND t.relname NOT IN ('schema_migrations', 'search_index')
            """,
            r => (Table: r.GetString(0), Name: r.GetString(1), Primary: r.GetBoolean(2), Unique: r.GetBoolean(3), Expression: r.GetBoolean(4),
                Columns: r.GetString(5), Filter: r.IsDBNull(6) ? null : r.GetString(6)));
        return ([.. rows.Where(r => !r.Expression).Select(r => new Index(r.Table, r.Primary ? Primary : r.Unique ? Unique : NonUnique,
                    r.Columns, Condition(r.Filter)))],
                [.. rows.Where(r => r.Expression).Select(r => r.Name)]);
    }

    private static async Task<List<ForeignKey>> SqliteForeignKeysAsync(DbConnection connection)
    {
        var keys = new List<ForeignKey>();
        foreach (var table in await SqliteTablesAsync(connection))
        {
            var rows = await ReadAsync(connection, $"SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}') ORDER BY id, seq",
                r => (Id: r.GetInt64(0), Principal: r.GetString(1), From: r.GetString(2), To: r.IsDBNull(3) ? null : r.GetString(3), OnDelete: r.GetString(4)));
            foreach (var key in rows.GroupBy(r => r.Id))
            {
                var principal = key.First().Principal;
                // REFERENCES t without columns points at t's primary key.
                var to = key.Any(r => r.To is null)
                    ? await ReadAsync(connection, $"SELECT name FROM pragma_table_info('{principal}') WHERE pk > 0 ORDER BY pk", r => r.GetString(0))
                    : [.. key.Select(r => r.To!)];
                keys.Add(new ForeignKey(table, string.Join(',', key.Select(r => r.From)), principal, string.Join(',', to),
                    key.First().OnDelete.ToLowerInvariant()));
            }
        }
        return keys;
    }

    [GeneratedRegex(@"\bWHERE\b(.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex WhereClause();

    [GeneratedRegex(@"::(text|character varying|bpchar|integer|bigint|boolean)(\[\])?")]
    private static partial Regex Casts();

    [GeneratedRegex(@"=anyarray\[([^\]]*)\]")]
    private static partial Regex AnyArray();

    /// <summary>
    /// A partial index's condition in one spelling whatever wrote it: PostgreSQL's casts, brackets
    /// and <c>= ANY (ARRAY[…])</c> fold to the <c>IN (…)</c> the migrations and the model write.
    /// </summary>
    private static string Condition(string? sql)
    {
        if (string.IsNullOrWhiteSpace(sql)) return "";
        var text = Casts().Replace(sql, "").ToLowerInvariant();
        text = new string([.. text.Where(c => !char.IsWhiteSpace(c) && c is not '(' and not ')' and not '"' and not ';')]);
        return AnyArray().Replace(text, "in$1");
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
