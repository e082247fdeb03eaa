using System.Diagnostics;
using System.Globalization;
using Gongkai.Benchmarks.Catalogue;
using Gongkai.Core;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Imports;
using Gongkai.Core.OpenData;
using Gongkai.Core.Storage;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalogue;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Benchmarks;

/// <summary>
/// import-documents: an office's catalogue of n documents (bodies of 200–3,000 characters, the
/// catalogue benchmark's corpus, 索引号 and 文号, 20 agencies over ten years) written as JSON Lines,
/// then imported into an empty SQLite platform the way <c>gongkai import documents</c> does it —
/// batches of 500, each one transaction with the catalogue counts and the search index — with a
/// progress line every 10 s. Target: minutes, not hours, for 1,000,000.
/// </summary>
public static class DocumentImportBench
{
    private const int Agencies = 20;
    private static readonly TimeSpan Target = TimeSpan.FromHours(1);

    public static async Task<int> RunAsync(int count)
    {
        var directory = Directory.CreateTempSubdirectory("gongkai-bench-import-").FullName;
        try
        {
            var storage = StorageSettings.ForSqlite(Path.Combine(directory, "data"));
            await using var services = new ServiceCollection().AddGongkaiCore(storage).AddGongkaiIdentityCore().BuildServiceProvider();
            var agencies = new List<(string Name, string Code)>();
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
                var service = scope.ServiceProvider.GetRequiredService<AgencyService>();
                int? parent = null;
                for (var i = 0; i < Agencies; i++)
                {
                    var name = i == 0 ? "基准市人民政府" : $"基准市第{i}局";
                    var created = await service.CreateAsync(new AgencyInput
                    {
                        Name = name, Level = i == 0 ? AgencyLevel.City : AgencyLevel.Department, ParentId = parent,
                        OrganizationCode = CreditCode.Complete(string.Create(CultureInfo.InvariantCulture, $"1199010000{i:D7}")),
                        OfficeName = name + "办公室", OfficeAddress = "基准市政务大道1号", OfficePhone = "0999-12345678",
                    }, AuditActor.System);
                    var agency = created.Value ?? throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Message)));
                    parent ??= agency.Id;
                    agencies.Add((agency.Name, agency.OrganizationCode));
                }
            }

            var file = Path.Combine(directory, "documents.jsonl");
            var write = Stopwatch.StartNew();
            var characters = await WriteAsync(file, agencies, count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import-documents: {count:N0} documents ({characters / (double)count:N0} characters a body on average, {new FileInfo(file).Length / 1048576.0:N0} MB) written in {write.Elapsed.TotalSeconds:0.0} s"));

            var watch = Stopwatch.StartNew();
            var last = TimeSpan.Zero;
            var progress = new Progress(p =>
            {
                if (watch.Elapsed - last < TimeSpan.FromSeconds(10)) return;
                last = watch.Elapsed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {watch.Elapsed:hh\\:mm\\:ss} {p.Rows:N0}/{count:N0} ({100.0 * p.Rows / count:0.0}%), {p.Rows / watch.Elapsed.TotalSeconds:N0} documents/s"));
            });
            ImportReport report;
            await using (var scope = services.CreateAsyncScope())
                report = await scope.ServiceProvider.GetRequiredService<Importer>().ImportAsync(ImportKind.Documents, file,
                    new ImportOptions(AuditActor.CommandLine, Progress: progress));
            watch.Stop();
            Console.WriteLine(report.Summary);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"imported {report.Added:N0} documents in {watch.Elapsed:hh\\:mm\\:ss} ({report.Added / watch.Elapsed.TotalSeconds:N0} documents/s); refused {report.Refused:N0}"));
            var pass = report.Added == count && watch.Elapsed < Target;
            Console.WriteLine(pass ? "PASS: every document imported in under an hour" : "FAIL");
            return pass ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The documents file, seeded so every run writes the same; returns the characters of all bodies.</summary>
    private static async Task<long> WriteAsync(string path, List<(string Name, string Code)> agencies, int count)
    {
        var corpus = new Corpus(16);
        var serials = new Dictionary<(int, int), int>();
        var numbers = new int[agencies.Count];
        var start = new DateTimeOffset(2016, 1, 1, 9, 0, 0, ChinaTime.Offset);
        var span = new DateTimeOffset(2025, 12, 31, 17, 0, 0, ChinaTime.Offset) - start;
        long characters = 0;
        await using var writer = new StreamWriter(path);
        for (var i = 0; i < count; i++)
        {
            var a = corpus.NextInt(agencies.Count);
            var (name, code) = agencies[a];
            var publishedAt = start + span * ((double)i / count);
            var year = publishedAt.Year;
            var text = corpus.Next(name, "基准发", year, ref numbers[a]);
            var kind = text.Kind == DocumentKind.Interpretation ? DocumentKind.Ordinary : text.Kind;
            var serial = serials[(a, year)] = serials.GetValueOrDefault((a, year)) + 1;
            characters += text.Body.Length;
            var record = new DocumentRecord
            {
                IndexNumber = string.Create(CultureInfo.InvariantCulture, $"{CreditCode.OrganizationCode(code)}/{year}-{serial:D5}"),
                Title = text.Title, AgencyCode = code, Publisher = name, DocumentNumber = text.Number, Kind = kind.ToString(), Topic = text.Topic.ToString(),
                Category = kind == DocumentKind.Ordinary ? "公共服务" : "法规文件", Keywords = text.Keywords,
                IssuedOn = text.Number is null ? null : DateOnly.FromDateTime(publishedAt.DateTime).AddDays(-5), PublishedAt = publishedAt,
                BodyText = text.Body,
            };
            await writer.WriteLineAsync(record.ToJsonLine());
        }
        return characters;
    }

    private sealed class Progress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
