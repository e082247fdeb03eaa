using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gongkai.Benchmarks.Catalogue;

/// <summary>One search as a reader types it, the kind of search it is, and what its page must show for the answer to count.</summary>
internal sealed record SearchCase(string Group, string Query, string Path, string Expect);

/// <summary>
/// What the catalogue benchmark requests, taken from the generated catalogue itself (seeded, so
/// every run asks the same): catalogue pages over every facet and deep into the list, and a few
/// hundred different searches.
/// </summary>
internal sealed record Workload(long Documents, IReadOnlyList<string> CataloguePaths, IReadOnlyList<SearchCase> Searches)
{
    public const string HasHits = "class=\"hit-meta\"";

    public static async Task<Workload> LoadAsync(string dataDirectory)
    {
        await using var connection = Open(dataDirectory);
        await connection.OpenAsync();
        var documents = (await ReadAsync(connection, "SELECT sum(document_count) FROM catalogue_counts", r => r.IsDBNull(0) ? 0 : r.GetInt64(0)))[0];
        if (documents == 0) throw new InvalidOperationException("数据目录中没有政府信息：请先运行 catalogue-data。");
        var random = new Random(2026);
        var catalogue = await CataloguePathsAsync(connection, random);
        var searches = await SearchesAsync(connection, random);
        return new Workload(documents, catalogue, searches);
    }

    /// <summary>The generated catalogue's database: PostgreSQL when catalogue-data wrote one for the folder, else its SQLite file.</summary>
    public static DbConnection Open(string dataDirectory)
    {
        if (Postgres(dataDirectory) is { } connectionString) return new NpgsqlConnection(connectionString);
        var file = Path.Combine(dataDirectory, "gongkai.db");
        if (!File.Exists(file)) throw new InvalidOperationException($"{file} 不存在：请先运行 catalogue-data。");
        return new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly }.ToString());
    }

    /// <summary>The connection string of the PostgreSQL database catalogue-data wrote for the folder, if it wrote one.</summary>
    public static string? Postgres(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, CatalogueData.PostgresFile);
        return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
    }

    /// <summary>
    /// The first page; every agency, 主题分类 and year; combinations of them and of agencies'
    /// categories; and pages deep in the list (keyset cursors at random documents), filtered or not.
    /// </summary>
    private static async Task<List<string>> CataloguePathsAsync(DbConnection connection, Random random)
    {
        var agencies = await ReadAsync(connection, "SELECT DISTINCT agency_id FROM catalogue_counts ORDER BY 1", r => r.GetInt32(0));
        var categories = await ReadAsync(connection, "SELECT DISTINCT agency_id, category_id FROM catalogue_counts WHERE category_id <> 0 ORDER BY 1, 2",
            r => (Agency: r.GetInt32(0), Category: r.GetInt32(1)));
        var topics = await ReadAsync(connection, "SELECT DISTINCT topic FROM catalogue_counts ORDER BY 1", r => r.GetString(0));
        var years = await ReadAsync(connection, "SELECT DISTINCT year FROM catalogue_counts ORDER BY 1", r => r.GetInt32(0));
        var cursors = await CursorsAsync(connection, random, 300);

        var paths = new List<string> { "/catalog" };
        paths.AddRange(agencies.Select(a => Invariant($"/catalog?agency={a}")));
        paths.AddRange(topics.Select(t => $"/catalog?topic={t}"));
        paths.AddRange(years.Select(y => Invariant($"/catalog?year={y}")));
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        for (var i = 0; i < 25; i++)
        {
            var (agency, category) = Pick(categories);
            paths.Add(Invariant($"/catalog?agency={agency}&category={category}"));
            paths.Add(Invariant($"/catalog?agency={Pick(agencies)}&year={Pick(years)}"));
            paths.Add(Invariant($"/catalog?topic={Pick(topics)}&year={Pick(years)}"));
            paths.Add(Invariant($"/catalog?agency={Pick(agencies)}&topic={Pick(topics)}"));
        }
        for (var i = 0; i < cursors.Count; i++)
        {
            var filter = (i % 6) switch
            {
                0 or 1 => "",
                2 => Invariant($"agency={Pick(agencies)}&"),
                3 => $"topic={Pick(topics)}&",
                4 => Invariant($"year={Pick(years)}&"),
                _ => Invariant($"agency={Pick(agencies)}&year={Pick(years)}&"),
            };
            paths.Add($"/catalog?{filter}{(i % 10 == 9 ? "newer" : "older")}={cursors[i]}");
        }
        return [.. paths.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Cursors ("ticks-id", as the list writes them) at random published documents.</summary>
    private static async Task<List<string>> CursorsAsync(DbConnection connection, Random random, int count)
    {
        var maxId = (await ReadAsync(connection, "SELECT max(id) FROM documents", r => r.GetInt32(0)))[0];
        var cursors = new List<string>();
        await using var command = connection.CreateCommand();
        var id = command.CreateParameter();
        id.ParameterName = "@id";
        command.Parameters.Add(id);
        command.CommandText = "SELECT id, published_at FROM documents WHERE id >= @id AND status = 'Published' ORDER BY id LIMIT 1";
        while (cursors.Count < count)
        {
            id.Value = random.Next(1, maxId + 1);
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync()) continue;
            var at = reader.GetValue(1) is DateTime stored
                ? stored.ToUniversalTime()
                : DateTime.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            cursors.Add(Invariant($"{at.Ticks}-{reader.GetInt32(0)}"));
        }
        return cursors;
    }

    private static async Task<List<SearchCase>> SearchesAsync(DbConnection connection, Random random)
    {
        var agencies = await ReadAsync(connection, "SELECT DISTINCT agency_id FROM catalogue_counts ORDER BY 1", r => r.GetInt32(0));
        var years = await ReadAsync(connection, "SELECT DISTINCT year FROM catalogue_counts ORDER BY 1", r => r.GetInt32(0));
        var indexNumbers = await ReadAsync(connection,
            Invariant($"SELECT index_number FROM documents WHERE status = 'Published' AND id % 9973 = {random.Next(9973)} LIMIT 15"), r => r.GetString(0));
        var documentNumbers = await ReadAsync(connection,
            Invariant($"SELECT document_number FROM documents WHERE status = 'Published' AND document_number IS NOT NULL AND id % 7919 = {random.Next(7919)} LIMIT 15"),
            r => r.GetString(0));
        var themes = Corpus.Themes.Select(t => t.Theme).ToList();
        static string Search(string q) => "/search?q=" + Uri.EscapeDataString(q);

        var cases = new List<SearchCase>();
        void Add(string group, string query, string extra = "", string expect = HasHits) => cases.Add(new(group, query, Search(query) + extra, expect));

        // Two-character words: one token each, some in most documents (通知, 工作), some in a few percent.
        foreach (var word in new[] { "住房", "教育", "通知", "工作", "医疗", "交通", "环境", "安全", "补贴", "招聘", "预算", "养老", "就业", "文物", "防汛", "消防", "救助", "审计", "采购", "公示", "农村", "资金", "监督", "服务" })
            Add("two characters", word);
        // Words and phrases of three to eight characters: every theme, matched as consecutive bigrams.
        foreach (var theme in themes) Add("word of 3–8 characters", theme);
        foreach (var phrase in new[] { "一网通办", "长效机制", "合法权益", "压缩办理时限", "政务服务网站", "统筹发展和安全" })
            Add("word of 3–8 characters", phrase);
        // Several words: all must match.
        foreach (var theme in themes.Where((_, i) => i % 4 == 0))
            Add("several words", theme + " " + new[] { "通知", "实施方案", "公示", "管理办法" }[random.Next(4)]);
        // Filters: an agency, a year, normative documents still in force, or all three.
        for (var i = 0; i < 40; i++)
        {
            var theme = themes[random.Next(themes.Count)];
            var agency = agencies[random.Next(agencies.Count)];
            var year = years[random.Next(years.Count)];
            var (extra, label) = (i % 4) switch
            {
                0 => (Invariant($"&agency={agency}"), "agency"),
                1 => (Invariant($"&year={year}"), "year"),
                2 => ("&kind=NormativeDocument&validity=Valid", "kind and validity"),
                _ => (Invariant($"&agency={agency}&year={year}&validity=Valid"), "agency, year and validity"),
            };
            cases.Add(new("with filters", $"{theme}（{label}）", Search(theme) + extra, "找到"));
        }
        // Later pages.
        foreach (var theme in themes.Where((_, i) => i % 5 == 1))
            Add("page 2–5", theme, Invariant($"&page={2 + random.Next(4)}"));
        // Traditional characters find Simplified documents.
        foreach (var word in new[] { "住房公積金", "義務教育招生入學", "社會救助", "醫療機構監督", "城市書房", "養老服務", "財政補貼", "農村公路養護" })
            Add("Traditional", word);
        foreach (var number in indexNumbers) Add("索引号", number, expect: "索引号或文号");
        // 文号 as written, and as readers type them: [] or () for 〔〕.
        foreach (var (number, i) in documentNumbers.Select((n, i) => (n, i)))
            Add("文号", i % 3 == 0 ? number : number.Replace('〔', i % 3 == 1 ? '[' : '(').Replace('〕', i % 3 == 1 ? ']' : ')'), expect: "索引号或文号");
        foreach (var word in new[] { "医保", "区块链", "元宇宙", "人工智能", "低空经济", "碳达峰", "数字人民币", "跨境电商" })
            Add("no result", word, expect: "没有找到");
        return cases;
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

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
