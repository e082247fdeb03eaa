using System.Diagnostics;
using System.Globalization;
using Gongkai.Core;
using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Requests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongkai.Benchmarks;

/// <summary>
/// report-generate [requests [runs]] [postgresql]: an SQLite database (or, with <c>postgresql</c>, a
/// PostgreSQL database created from <c>GONGKAI_BENCH_POSTGRES</c> or <c>GONGKAI_TEST_POSTGRES</c> and
/// dropped after the run) with a million requests of one agency in one year (and
/// those carried over from the year before) and their reviews, then the agency's report for the
/// year generated from it — tables 三, 四 and 二 §20(一), the drafted prose, every check — several
/// times, each in a fresh unit of work. Target: under one second.
/// </summary>
public static class ReportGenerate
{
    private const int Year = 2025;
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(int requests, int runs, bool postgres)
    {
        var directory = Directory.CreateTempSubdirectory("gongkai-bench-").FullName;
        var admin = postgres
            ? Environment.GetEnvironmentVariable("GONGKAI_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES")
              ?? throw new InvalidOperationException("在 PostgreSQL 上运行需要 GONGKAI_BENCH_POSTGRES（连接字符串，该角色须能建库）。")
            : null;
        var database = "gongkai_bench_" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            var storage = StorageSettings.ForSqlite(directory);
            if (admin is not null)
            {
                await PostgresAsync(admin, $"CREATE DATABASE {database}");
                storage = new StorageSettings(DatabaseProvider.PostgreSQL, new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString, directory);
            }
            await using var services = new ServiceCollection().AddGongkaiCore(storage).AddGongkaiIdentityCore().BuildServiceProvider();
            Agency agency;
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
                var created = await scope.ServiceProvider.GetRequiredService<AgencyService>().CreateAsync(new AgencyInput
                {
                    Name = "基准市人民政府", Level = AgencyLevel.City, OrganizationCode = CreditCode.Complete("11990100000000001"),
                    OfficeName = "基准市人民政府办公室", OfficeAddress = "基准市政务大道1号", OfficePhone = "0999-12345678",
                }, AuditActor.System);
                agency = created.Value ?? throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Message)));
            }
            var load = Stopwatch.StartNew();
            var (inserted, reviews) = admin is null ? Fill(storage.ConnectionString, agency.Id, requests) : await FillPostgresAsync(storage.ConnectionString, agency.Id, requests);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"report-generate: {inserted:N0} requests and {reviews:N0} reviews of one agency loaded into {storage.Provider} in {load.Elapsed.TotalSeconds:0.0} s"));

            var times = new List<TimeSpan>();
            AnnualReport? report = null;
            IReadOnlyList<Finding> findings = [];
            for (var run = 0; run <= runs; run++)
            {
                await using var scope = services.CreateAsyncScope();
                var watch = Stopwatch.StartNew();
                report = (await scope.ServiceProvider.GetRequiredService<ReportGenerator>().BuildAsync(agency, Year, [], [])).Report;
                findings = AnnualReportService.Check(report, null);
                watch.Stop();
                if (run > 0)
                    times.Add(watch.Elapsed); // run 0 warms up the JIT and the page cache
            }
            times.Sort();
            var median = times[times.Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generate {Year} report (tables + prose + checks), {runs} runs: min {times[0].TotalMilliseconds:0} ms, median {median.TotalMilliseconds:0} ms, max {times[^1].TotalMilliseconds:0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  newReceived {report!.Requests.Value("newReceived", 6):N0}, carriedOver {report.Requests.Value("carriedOver", 6):N0}, results {report.Requests.Value("results.total", 6):N0}, carriedForward {report.Requests.Value("carriedForward", 6):N0}; errors {findings.Count(f => f.Severity == Severity.Error)}"));
            var pass = times[^1] < Target;
            Console.WriteLine(pass ? "PASS: every run under 1 s" : "FAIL: a run took 1 s or more");
            return pass ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (admin is not null)
                await PostgresAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Bulk insert in one transaction with a prepared statement; a fixed seed, so every run builds the same data.</summary>
    private static (int Requests, int Reviews) Fill(string connectionString, int agencyId, int count)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;";
            pragma.ExecuteNonQuery();
        }
        var random = new Random(2026);
        var types = Enum.GetNames<ApplicantType>();
        var outcomes = Enum.GetNames<Outcome>();
        var first = new DateOnly(Year, 1, 1);
        var decidedIds = new List<(long Id, DateOnly Decided)>();
        using (var transaction = connection.BeginTransaction())
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO requests (agency_id, tracking_code, channel, applicant_type, applicant_name, identity_document, identity_number, phone,
                    description, delivery_form, contact_key, submitted_at, status, outcome, received_on, decided_on, closed_on, version, updated_at)
                VALUES ($agency, $code, 'Online', $type, '申请人', 'ResidentIdCard', '11010519491231002X', '13800000000',
                    '请公开有关政府信息。', 'Electronic', $contact, $submitted, $status, $outcome, $received, $decided, $decided, 1, $submitted)
                """;
            var p = new Dictionary<string, SqliteParameter>();
            foreach (var name in new[] { "$agency", "$code", "$type", "$contact", "$submitted", "$status", "$outcome", "$received", "$decided" })
                p[name] = insert.Parameters.Add(new SqliteParameter(name, null));
            insert.Prepare();
            p["$agency"].Value = agencyId;
            // One request in 200 arrived in the last fortnight of the year before: some are carried over.
            var carried = count / 200;
            for (var i = 0; i < count + carried; i++)
            {
                var received = i < carried ? first.AddDays(-1 - random.Next(14)) : first.AddDays(random.Next(365));
                DateOnly? decided = random.Next(50) == 0 ? null : received.AddDays(1 + random.Next(28));
                p["$code"].Value = i.ToString("D12", CultureInfo.InvariantCulture);
                p["$type"].Value = types[random.Next(10) < 8 ? 0 : random.Next(types.Length)];
                p["$contact"].Value = "contact" + (i % 50_000).ToString(CultureInfo.InvariantCulture);
                p["$submitted"].Value = received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 01:00:00";
                p["$status"].Value = decided is null ? "Processing" : "Closed";
                p["$outcome"].Value = decided is null ? DBNull.Value : outcomes[random.Next(outcomes.Length)];
                p["$received"].Value = received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                p["$decided"].Value = decided is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
                insert.ExecuteNonQuery();
                if (decided is { } day && i % 400 == 0)
                    decidedIds.Add((i + 1, day));
            }
            transaction.Commit();
        }
        using (var transaction = connection.BeginTransaction())
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO review_cases (request_id, agency_id, kind, subject, filed_on, authority, result, concluded_on, version, updated_at)
                VALUES ($request, $agency, $kind, '对政府信息公开申请答复不服', $filed, '基准市人民政府', $result, $concluded, 1, '2026-01-01 00:00:00')
                """;
            var request = insert.Parameters.Add(new SqliteParameter("$request", null));
            insert.Parameters.AddWithValue("$agency", agencyId);
            var kind = insert.Parameters.Add(new SqliteParameter("$kind", null));
            var filed = insert.Parameters.Add(new SqliteParameter("$filed", null));
            var result = insert.Parameters.Add(new SqliteParameter("$result", null));
            var concluded = insert.Parameters.Add(new SqliteParameter("$concluded", null));
            var kinds = Enum.GetNames<ReviewKind>();
            foreach (var (id, decided) in decidedIds)
            {
                var on = decided.AddDays(10 + random.Next(40));
                var pending = random.Next(4) == 0;
                request.Value = id;
                kind.Value = kinds[random.Next(kinds.Length)];
                filed.Value = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                result.Value = pending ? "Pending" : new[] { "Upheld", "Corrected", "Other" }[random.Next(3)];
                concluded.Value = pending ? DBNull.Value : on.AddDays(30 + random.Next(60)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        // The platform runs SQLite in WAL mode (Migrator); fold the load into the database file as a
        // checkpoint would, so the timed runs read the database, not a gigabyte of log.
        using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        return (count + count / 200, decidedIds.Count);
    }

    /// <summary>
    /// The same load on PostgreSQL, generated by the server (generate_series, a fixed seed): the same
    /// shares of carried-over, open and reviewed requests, applicant types and outcomes. Then ANALYZE,
    /// as autovacuum does after a bulk load.
    /// </summary>
    private static async Task<(int Requests, int Reviews)> FillPostgresAsync(string connectionString, int agencyId, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var carried = count / 200;
        await using (var fill = new NpgsqlCommand("""
            SELECT setseed(0.2026);
            INSERT INTO requests (agency_id, tracking_code, channel, applicant_type, applicant_name, identity_document, identity_number, phone,
                description, delivery_form, contact_key, submitted_at, status, outcome, received_on, decided_on, closed_on, version, updated_at)
            SELECT @agency, lpad(i::text, 12, '0'), 'Online', (@types)[type], '申请人', 'ResidentIdCard', '11010519491231002X', '13800000000',
                '请公开有关政府信息。', 'Electronic', 'contact' || (i % 50000), (received + time '01:00') AT TIME ZONE 'UTC',
                CASE WHEN open THEN 'Processing' ELSE 'Closed' END, CASE WHEN open THEN NULL ELSE (@outcomes)[outcome] END,
                received, CASE WHEN open THEN NULL ELSE received + took END, CASE WHEN open THEN NULL ELSE received + took END,
                1, (received + time '01:00') AT TIME ZONE 'UTC'
            FROM (SELECT i,
                    CASE WHEN i < @carried THEN @first - (1 + floor(random() * 14))::int ELSE @first + floor(random() * 365)::int END AS received,
                    random() < 0.02 AS open, 1 + floor(random() * 28)::int AS took,
                    CASE WHEN random() < 0.8 THEN 1 ELSE 1 + floor(random() * cardinality(@types))::int END AS type,
                    1 + floor(random() * cardinality(@outcomes))::int AS outcome
                  FROM generate_series(0, @total - 1) AS i) AS g
            ORDER BY i;
            INSERT INTO review_cases (request_id, agency_id, kind, subject, filed_on, authority, result, concluded_on, version, updated_at)
            SELECT id, @agency, kind, '对政府信息公开申请答复不服', filed, '基准市人民政府',
                CASE WHEN pending THEN 'Pending' ELSE (ARRAY['Upheld', 'Corrected', 'Other'])[1 + floor(random() * 3)::int] END,
                CASE WHEN pending THEN NULL ELSE filed + 30 + floor(random() * 60)::int END, 1, timestamptz '2026-01-01 00:00:00+00'
            FROM (SELECT id, (@kinds)[1 + floor(random() * cardinality(@kinds))::int] AS kind, decided_on + 10 + floor(random() * 40)::int AS filed,
                    random() < 0.25 AS pending
                  FROM requests WHERE agency_id = @agency AND decided_on IS NOT NULL AND id % 400 = 1) AS r;
            ANALYZE requests;
            ANALYZE review_cases;
            """, connection))
        {
            fill.CommandTimeout = 0;
            fill.Parameters.AddWithValue("agency", agencyId);
            fill.Parameters.AddWithValue("types", Enum.GetNames<ApplicantType>());
            fill.Parameters.AddWithValue("outcomes", Enum.GetNames<Outcome>());
            fill.Parameters.AddWithValue("kinds", Enum.GetNames<ReviewKind>());
            fill.Parameters.AddWithValue("carried", carried);
            fill.Parameters.AddWithValue("total", count + carried);
            fill.Parameters.AddWithValue("first", new DateOnly(Year, 1, 1));
            await fill.ExecuteNonQueryAsync();
        }
        await using var reviews = new NpgsqlCommand("SELECT count(*) FROM review_cases", connection);
        return (count + carried, Convert.ToInt32(await reviews.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
    }

    private static async Task PostgresAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
