using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gongkai.Core;
using Gongkai.Core.Audit;
using Gongkai.Core.Demo;
using Gongkai.Core.Search;
using Gongkai.Core.Storage;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalogue;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Gongkai.Benchmarks.Catalogue;

/// <summary>
/// catalogue-data DIR [COUNT]: a SQLite data folder with the demo region and COUNT (default
/// 1,000,000) published documents spread over the years since 2016 — with 索引号, 文号 for a third
/// of them, normative documents with repeals and terms, 政策解读, the facet counts and the full-text
/// index — written in bulk with the schema's own SQL and the same search text the app indexes.
/// Attachments and histories are not generated: neither is read by the measured pages.
/// With <c>postgresql</c> the same catalogue goes into a PostgreSQL database created for it (from
/// <c>GONGKAI_BENCH_POSTGRES</c> or <c>GONGKAI_TEST_POSTGRES</c>, written with binary COPY); the
/// folder then holds the app's other data and <c>postgresql.txt</c>, the connection string
/// <c>catalogue DIR</c> runs the web app on.
/// </summary>
internal static class CatalogueData
{
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";
    private const int Batch = 20_000;

    private sealed record AgencyRow(int Id, string Name, string Stem, string NumberPrefix, int[] Categories);

    public const string PostgresFile = "postgresql.txt";
    public const string PostgresDatabase = "gongkai_catalogue_bench";

    public static async Task RunAsync(string dataDirectory, int count, bool postgres = false)
    {
        var watch = Stopwatch.StartNew();
        var directory = Path.GetFullPath(dataDirectory);
        if (File.Exists(Path.Combine(directory, "gongkai.db")) || File.Exists(Path.Combine(directory, PostgresFile)))
            throw new InvalidOperationException($"{directory} 中已有数据库；请指定一个新的数据目录。");
        var storage = StorageSettings.ForSqlite(directory);
        if (postgres)
        {
            var admin = Environment.GetEnvironmentVariable("GONGKAI_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES")
                ?? throw new InvalidOperationException("在 PostgreSQL 上生成需要 GONGKAI_BENCH_POSTGRES（连接字符串，该角色须能建库）。");
            await using (var server = new NpgsqlConnection(admin))
            {
                await server.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {PostgresDatabase}", server);
                await create.ExecuteNonQueryAsync();
            }
            storage = new StorageSettings(DatabaseProvider.PostgreSQL,
                new NpgsqlConnectionStringBuilder(admin) { Database = PostgresDatabase, CommandTimeout = 0 }.ConnectionString, Directory.CreateDirectory(directory).FullName);
            await File.WriteAllTextAsync(Path.Combine(directory, PostgresFile), storage.ConnectionString);
        }
        await using (var services = new ServiceCollection().AddGongkaiCore(storage).AddGongkaiIdentityCore().BuildServiceProvider())
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(AuditActor.CommandLine);
        }
        Console.WriteLine($"demo region seeded ({watch.Elapsed.TotalSeconds:0} s); generating {count:N0} documents…");

        await using DbConnection connection = postgres ? new NpgsqlConnection(storage.ConnectionString) : new SqliteConnection(storage.ConnectionString);
        await connection.OpenAsync();
        if (!postgres) await ExecuteAsync(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -400000; PRAGMA temp_store = MEMORY;");
        var agencies = await AgenciesAsync(connection);
        var firstId = (int)await ScalarAsync(connection, "SELECT coalesce(max(id), 0) + 1 FROM documents");
        var serials = await CountersAsync(connection);
        var numberSerials = new Dictionary<(int Agency, int Year), int>();
        var lastNormative = new Dictionary<int, int>();
        var corpus = new Corpus(2016);
        var start = new DateTime(2016, 1, 4, 1, 0, 0, DateTimeKind.Utc);
        var span = DateTime.UtcNow.AddDays(-1) - start;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(DateTime.UtcNow));

        using IInserter insert = connection is NpgsqlConnection npgsql ? new PostgresInserter(npgsql) : new Inserter((SqliteConnection)connection);
        for (var i = 0; i < count; i++)
        {
            if (i % Batch == 0) insert.Begin();
            var id = firstId + i;
            var agency = agencies[corpus.NextInt(agencies.Count)];
            var publishedAt = start + span * ((double)i / count);
            var publishedOn = DateOnly.FromDateTime(ChinaTime.FromUtc(publishedAt));
            var year = publishedOn.Year;
            var serial = serials[(agency.Id, year)] = serials.GetValueOrDefault((agency.Id, year)) + 1;
            var numberSerial = numberSerials.GetValueOrDefault((agency.Id, year));
            var text = corpus.Next(agency.Name, agency.NumberPrefix, year, ref numberSerial);
            numberSerials[(agency.Id, year)] = numberSerial;
            var indexNumber = new IndexNumber(agency.Stem, year, serial).ToString();
            var category = agency.Categories[corpus.NextInt(agency.Categories.Length)];
            var lines = text.Body.Split('\n');
            var html = string.Concat(lines.Select(l => "<p>" + l + "</p>"));

            DateOnly? validUntil = null, repealedOn = null;
            int? interprets = null;
            if (text.Kind is DocumentKind.NormativeDocument or DocumentKind.Rule)
            {
                var fate = corpus.NextDouble();
                if (fate < 0.2 && publishedOn.AddDays(400) < today) repealedOn = publishedOn.AddDays(200 + corpus.NextInt(200));
                else if (fate < 0.3) validUntil = publishedOn.AddYears(3);
                lastNormative[agency.Id] = id;
            }
            else if (text.Kind == DocumentKind.Interpretation && lastNormative.TryGetValue(agency.Id, out var target)) interprets = target;

            insert.Document(id, agency, category, text, indexNumber, publishedAt, publishedOn, validUntil, repealedOn, interprets, html, string.Join('\n', lines));
            insert.Search(id, SearchFields.For(text.Title, text.Number, indexNumber, text.Keywords, agency.Name, text.Body, [],
                new SearchFilters(agency.Id, category, text.Topic, text.Kind, year)));
            if (i % Batch == Batch - 1 || i == count - 1)
            {
                insert.Commit();
                if ((i + 1) % 100_000 == 0 || i == count - 1)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {i + 1,9:N0} documents, {watch.Elapsed.TotalSeconds,5:0} s"));
            }
        }

        Console.WriteLine("counters, facet counts, merging the full-text index, statistics…");
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var greatest = postgres ? "greatest" : "max";
            foreach (var ((agency, year), last) in serials)
                await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture,
                    $"INSERT INTO index_number_counters (agency_id, year, last_serial) VALUES ({agency}, {year}, {last}) ON CONFLICT (agency_id, year) DO UPDATE SET last_serial = {greatest}(index_number_counters.last_serial, excluded.last_serial)"));
            var publishedYear = postgres ? "CAST(extract(year FROM published_on) AS integer)" : "CAST(substr(published_on, 1, 4) AS INTEGER)";
            await ExecuteAsync(connection, $"""
                DELETE FROM catalogue_counts;
                INSERT INTO catalogue_counts (agency_id, category_id, topic, year, document_count)
                SELECT agency_id, coalesce(category_id, 0), topic, {publishedYear}, count(*)
                FROM documents WHERE status = 'Published' GROUP BY 1, 2, 3, 4;
                """);
            if (postgres)
                await ExecuteAsync(connection, "SELECT setval(pg_get_serial_sequence('documents', 'id'), (SELECT max(id) FROM documents))");
            await transaction.CommitAsync();
        }
        string size;
        if (postgres)
        {
            foreach (var statement in new[] { "VACUUM (ANALYZE) documents", "VACUUM (ANALYZE) search_index", "ANALYZE" })
                await ExecuteAsync(connection, statement);
            size = Invariant($"database {PostgresDatabase} is {await ScalarAsync(connection, "SELECT pg_database_size(current_database())") / 1073741824.0:0.00} GB");
        }
        else
        {
            await ExecuteAsync(connection, "INSERT INTO search_index (search_index) VALUES ('optimize'); INSERT INTO search_index_titles (search_index_titles) VALUES ('optimize');");
            await ExecuteAsync(connection, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
            size = Invariant($"{storage.DataDirectory}/gongkai.db is {new FileInfo(Path.Combine(storage.DataDirectory, "gongkai.db")).Length / 1073741824.0:0.00} GB");
        }
        Console.WriteLine(Invariant($"catalogue-data: {count:N0} documents in {watch.Elapsed.TotalMinutes:0.0} min; {size}"));
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static async Task<List<AgencyRow>> AgenciesAsync(DbConnection connection)
    {
        var rows = new List<AgencyRow>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, name, organization_code FROM agencies ORDER BY id";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(1);
                rows.Add(new AgencyRow(reader.GetInt32(0), name, CreditCode.OrganizationCode(reader.GetString(2)), Prefix(name), []));
            }
        }
        var result = new List<AgencyRow>();
        foreach (var agency in rows)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"SELECT id FROM catalogue_categories WHERE agency_id = {agency.Id}");
            var categories = new List<int>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) categories.Add(reader.GetInt32(0));
            result.Add(agency with { Categories = [.. categories] });
        }
        return result;
    }

    /// <summary>The serials the demo region's own documents took: generated ones carry on from them.</summary>
    private static async Task<Dictionary<(int Agency, int Year), int>> CountersAsync(DbConnection connection)
    {
        var counters = new Dictionary<(int Agency, int Year), int>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT agency_id, year, last_serial FROM index_number_counters";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counters[(reader.GetInt32(0), reader.GetInt32(1))] = reader.GetInt32(2);
        return counters;
    }

    /// <summary>A 文号 stem from the agency's name, as agencies abbreviate themselves: 示范市教育局 → 示教发.</summary>
    private static string Prefix(string name)
    {
        var last = name.LastIndexOfAny(['市', '区', '县', '镇', '乡']);
        var second = last >= 0 && last + 1 < name.Length ? name[last + 1] : name[1];
        return new string([name[0], second, '发']);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the generated documents and their search entries, a transaction per batch.</summary>
    private interface IInserter : IDisposable
    {
        void Begin();

        void Document(int id, AgencyRow agency, int category, GeneratedText text, string indexNumber, DateTime publishedAt, DateOnly publishedOn,
            DateOnly? validUntil, DateOnly? repealedOn, int? interprets, string html, string plain);

        void Search(int id, SearchFields fields);

        void Commit();
    }

    /// <summary>Prepared inserts into documents and the full-text index, a transaction per batch.</summary>
    private sealed class Inserter : IInserter
    {
        private static readonly string[] DocumentColumns =
        [
            "id", "agency_id", "title", "kind", "topic", "category_id", "publisher", "document_number", "document_number_key", "index_number",
            "keywords", "issued_on", "published_at", "published_on", "valid_until", "repealed_on", "validity_note", "interprets_id", "body_html",
            "body_text", "status", "created_at", "updated_at", "version",
        ];

        private readonly SqliteConnection connection;
        private readonly SqliteCommand document;
        private readonly SqliteCommand search;
        private readonly SqliteCommand titles;
        private SqliteTransaction? transaction;

        public Inserter(SqliteConnection connection)
        {
            this.connection = connection;
            document = Prepare($"INSERT INTO documents ({string.Join(", ", DocumentColumns)}) VALUES ({string.Join(", ", DocumentColumns.Select(c => "$" + c))})", DocumentColumns);
            search = Prepare("INSERT INTO search_index (rowid, title, reference, body, attachments, facets) VALUES ($id, $title, $reference, $body, $attachments, $facets)",
                ["id", "title", "reference", "body", "attachments", "facets"]);
            titles = Prepare("INSERT INTO search_index_titles (rowid, title, facets) VALUES ($id, $title, $facets)", ["id", "title", "facets"]);
        }

        public void Begin()
        {
            transaction = connection.BeginTransaction();
            document.Transaction = transaction;
            search.Transaction = transaction;
            titles.Transaction = transaction;
        }

        public void Commit()
        {
            transaction!.Commit();
            transaction.Dispose();
            transaction = null;
        }

        public void Document(int id, AgencyRow agency, int category, GeneratedText text, string indexNumber, DateTime publishedAt, DateOnly publishedOn,
            DateOnly? validUntil, DateOnly? repealedOn, int? interprets, string html, string plain)
        {
            var created = publishedAt.AddDays(-2).ToString(DateTimeFormat, CultureInfo.InvariantCulture);
            object?[] values =
            [
                id, agency.Id, text.Title, text.Kind.ToString(), text.Topic.ToString(), category, agency.Name, text.Number,
                DocumentNumber.Key(text.Number), indexNumber, text.Keywords, text.Number is null ? null : Date(publishedOn.AddDays(-7)),
                publishedAt.ToString(DateTimeFormat, CultureInfo.InvariantCulture), Date(publishedOn), validUntil is { } u ? Date(u) : null,
                repealedOn is { } r ? Date(r) : null, repealedOn is null ? null : "依据清理规范性文件的决定废止", interprets, html, plain,
                "Published", created, created, 1,
            ];
            for (var i = 0; i < values.Length; i++) document.Parameters[i].Value = values[i] ?? DBNull.Value;
            document.ExecuteNonQuery();
        }

        public void Search(int id, SearchFields fields)
        {
            object[] values = [id, fields.Title, fields.Reference, fields.Body, fields.Attachments, fields.Filters.FacetTokens()];
            for (var i = 0; i < values.Length; i++) search.Parameters[i].Value = values[i];
            search.ExecuteNonQuery();
            titles.Parameters[0].Value = id;
            titles.Parameters[1].Value = fields.Title;
            titles.Parameters[2].Value = values[^1];
            titles.ExecuteNonQuery();
        }

        public void Dispose()
        {
            transaction?.Dispose();
            document.Dispose();
            search.Dispose();
            titles.Dispose();
        }

        private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private SqliteCommand Prepare(string sql, string[] names)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in names) command.Parameters.Add(new SqliteParameter("$" + name, null));
            return command;
        }
    }

    /// <summary>
    /// The same rows into PostgreSQL: each batch's documents with one binary COPY, then their
    /// tsvectors (as <see cref="PostgresSearchEngine"/> builds them) with a second, in one transaction.
    /// </summary>
    private sealed class PostgresInserter(NpgsqlConnection connection) : IInserter
    {
        private static readonly string[] Columns =
        [
            "id", "agency_id", "title", "kind", "topic", "category_id", "publisher", "document_number", "document_number_key", "index_number",
            "keywords", "issued_on", "published_at", "published_on", "valid_until", "repealed_on", "validity_note", "interprets_id", "body_html",
            "body_text", "status", "created_at", "updated_at", "version",
        ];

        private readonly List<(int Id, string Vector, string Facets)> vectors = [];
        private NpgsqlTransaction? transaction;
        private NpgsqlBinaryImporter? documents;

        public void Begin()
        {
            transaction = connection.BeginTransaction();
            documents = connection.BeginBinaryImport($"COPY documents ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)");
        }

        public void Document(int id, AgencyRow agency, int category, GeneratedText text, string indexNumber, DateTime publishedAt, DateOnly publishedOn,
            DateOnly? validUntil, DateOnly? repealedOn, int? interprets, string html, string plain)
        {
            var w = documents!;
            var created = publishedAt.AddDays(-2);
            w.StartRow();
            w.Write(id, NpgsqlDbType.Integer);
            w.Write(agency.Id, NpgsqlDbType.Integer);
            w.Write(text.Title, NpgsqlDbType.Varchar);
            w.Write(text.Kind.ToString(), NpgsqlDbType.Varchar);
            w.Write(text.Topic.ToString(), NpgsqlDbType.Varchar);
            w.Write(category, NpgsqlDbType.Integer);
            w.Write(agency.Name, NpgsqlDbType.Varchar);
            Nullable(w, text.Number, NpgsqlDbType.Varchar);
            Nullable(w, DocumentNumber.Key(text.Number), NpgsqlDbType.Varchar);
            w.Write(indexNumber, NpgsqlDbType.Varchar);
            w.Write(text.Keywords, NpgsqlDbType.Varchar);
            Nullable(w, text.Number is null ? null : (DateOnly?)publishedOn.AddDays(-7), NpgsqlDbType.Date);
            w.Write(publishedAt, NpgsqlDbType.TimestampTz);
            w.Write(publishedOn, NpgsqlDbType.Date);
            Nullable(w, validUntil, NpgsqlDbType.Date);
            Nullable(w, repealedOn, NpgsqlDbType.Date);
            Nullable(w, repealedOn is null ? null : "依据清理规范性文件的决定废止", NpgsqlDbType.Varchar);
            Nullable(w, interprets, NpgsqlDbType.Integer);
            w.Write(html, NpgsqlDbType.Text);
            w.Write(plain, NpgsqlDbType.Text);
            w.Write("Published", NpgsqlDbType.Varchar);
            w.Write(created, NpgsqlDbType.TimestampTz);
            w.Write(created, NpgsqlDbType.TimestampTz);
            w.Write(1, NpgsqlDbType.Integer);
        }

        public void Search(int id, SearchFields fields) => vectors.Add((id, PostgresSearchEngine.Vector(fields), PostgresSearchEngine.Facets(fields.Filters)));

        public void Commit()
        {
            documents!.Complete();
            documents.Dispose();
            documents = null;
            using (var search = connection.BeginTextImport("COPY search_index (document_id, tsv, facets) FROM STDIN"))
                foreach (var (id, vector, facets) in vectors)
                    search.Write(string.Create(CultureInfo.InvariantCulture, $"{id}\t{vector.Replace("\\", "\\\\", StringComparison.Ordinal)}\t{facets}\n"));
            vectors.Clear();
            transaction!.Commit();
            transaction.Dispose();
            transaction = null;
        }

        public void Dispose()
        {
            documents?.Dispose();
            transaction?.Dispose();
        }

        private static void Nullable(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type)
        {
            if (value is null) writer.WriteNull();
            else writer.Write(value, type);
        }

        private static void Nullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : struct
        {
            if (value is { } v) writer.Write(v, type);
            else writer.WriteNull();
        }
    }
}
