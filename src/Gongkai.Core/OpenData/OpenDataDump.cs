using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Storage;
using Gongkai.Domain.Reports;
using Gongkai.Reports.Formats;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.OpenData;

/// <summary>One file of a dump, as its manifest lists it.</summary>
public sealed record DumpFile(string Name, string Title, string Format, int Count, long Bytes, string Sha256);

/// <summary>manifest.json of a dump: what is in it and how to check each file.</summary>
public sealed record DumpManifest(int SchemaVersion, string Day, DateTimeOffset GeneratedAt, IReadOnlyList<DumpFile> Files)
{
    /// <summary>Bumped when a file's shape changes in a way a reader must know about.</summary>
    public const int CurrentSchemaVersion = 1;
}

/// <summary>
/// The daily bulk dump (政务数据开放) of everything published: documents as JSON Lines and CSV,
/// annual reports as the engine's JSON and as one CSV of every cell, each counted and hashed (as it
/// is written) in manifest.json. Made by <see cref="OpenDataJob"/> on one server of the cluster, never
/// on a request, into the <see cref="IOpenDataStore"/>: written aside, it becomes the current dump whole
/// and only then are older ones removed, so readers always find one whole dump.
/// </summary>
public sealed class OpenDataDump(GongkaiDbContext db, PublishedReports reports, IOpenDataStore store, TimeProvider clock)
{
    public const string DocumentsJson = "documents.jsonl";
    public const string DocumentsCsv = "documents.csv";
    public const string ReportsJson = "reports.json";
    public const string ReportCellsCsv = "report-cells.csv";

    public static readonly IReadOnlyList<string> CellColumns = ["机关", "统一社会信用代码", "年度", "表", "行", "列", "数值"];

    /// <summary>
    /// Whether a dump is due: when there is none at all, or from <paramref name="hour"/> o'clock (北京时间)
    /// on a day whose dump is not made yet.
    /// </summary>
    public static bool IsDue(DumpManifest? current, DateTime chinaNow, int hour) =>
        current is null || (string.CompareOrdinal(current.Day, Day(DateOnly.FromDateTime(chinaNow))) < 0 && chinaNow.Hour >= hour);

    /// <summary>Today's dump if <see cref="IsDue"/> says so; null when it was not.</summary>
    public async Task<DumpManifest?> BuildIfDueAsync(int hour, CancellationToken cancellationToken = default) =>
        IsDue(await store.CurrentAsync(cancellationToken), ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime), hour)
            ? await BuildAsync(cancellationToken)
            : null;

    public async Task<DumpManifest> BuildAsync(CancellationToken cancellationToken = default)
    {
        var day = Day(Today());
        var writer = await store.BeginAsync(day, cancellationToken);
        var files = new List<DumpFile>();
        files.AddRange(await DocumentsAsync(writer, cancellationToken));
        files.AddRange(await ReportsAsync(writer, cancellationToken));
        var manifest = new DumpManifest(DumpManifest.CurrentSchemaVersion, day, new DateTimeOffset(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime), ChinaTime.Offset), files);
        await writer.CompleteAsync(manifest, cancellationToken);
        return manifest;
    }

    private DateOnly Today() => DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<DumpFile[]> DocumentsAsync(IDumpWriter writer, CancellationToken cancellationToken)
    {
        var (jsonFile, csvFile) = (new HashedFile(writer.Create(DocumentsJson)), new HashedFile(writer.Create(DocumentsCsv)));
        var count = 0;
        await using (var json = new StreamWriter(jsonFile, new UTF8Encoding(false)))
        await using (var csv = Csv.Writer(csvFile))
        {
            await csv.WriteRecordAsync([.. DocumentColumns.All.Select(c => c.Header)], cancellationToken);
            await foreach (var (_, record) in DocumentRecords.PublishedAsync(db, null, Today(), (d, a) => new AttachmentRecord(a.File!.FileName,
                               Url: string.Create(CultureInfo.InvariantCulture, $"/documents/{d.Id}/files/{a.Id}"), Sha256: a.File.Sha256, Size: a.File.Length),
                               cancellationToken))
            {
                var published = record with { Url = string.Create(CultureInfo.InvariantCulture, $"/documents/{record.Id}") };
                await json.WriteLineAsync(published.ToJsonLine());
                await csv.WriteRecordAsync(Csv.Cells(published.Cells()), cancellationToken);
                count++;
            }
        }
        return
        [
            jsonFile.Describe(DocumentsJson, "全部已发布的政府信息（JSON Lines，每行一条）", "jsonl", count),
            csvFile.Describe(DocumentsCsv, "全部已发布的政府信息（CSV）", "csv", count),
        ];
    }

    private async Task<DumpFile[]> ReportsAsync(IDumpWriter writer, CancellationToken cancellationToken)
    {
        var codes = await db.Agencies.ToDictionaryAsync(a => a.Id, a => a.OrganizationCode, cancellationToken);
        var (jsonFile, cellsFile) = (new HashedFile(writer.Create(ReportsJson)), new HashedFile(writer.Create(ReportCellsCsv)));
        var (reportCount, cellCount) = (0, 0);
        await using (jsonFile)
        await using (var json = new Utf8JsonWriter(jsonFile, new JsonWriterOptions { Indented = false, Encoder = DocumentRecord.Json.Encoder }))
        await using (var cells = Csv.Writer(cellsFile))
        {
            await cells.WriteRecordAsync([.. CellColumns], cancellationToken);
            json.WriteStartArray();
            foreach (var report in (await reports.ListAsync(cancellationToken: cancellationToken)).OrderBy(r => r.Record.Id))
            {
                var findings = await PublicReportFindings.ForAsync(reports, report, cancellationToken);
                json.WriteStartObject();
                json.WriteNumber("id", report.Record.Id);
                json.WriteString("agency", report.Agency.Name);
                json.WriteString("agencyCode", codes[report.Record.AgencyId]);
                json.WriteNumber("year", report.Record.Year);
                json.WriteString("status", report.Record.Status.ToString());
                if (report.Record.PublishedOn is { } on) json.WriteString("publishedOn", on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("url", string.Create(CultureInfo.InvariantCulture, $"/reports/{report.Record.Id}"));
                json.WritePropertyName("report");
                json.WriteRawValue(JsonReport.Write(report.Report, findings));
                json.WriteEndObject();
                reportCount++;
                foreach (var (path, row, column, cell) in report.Report.Cells())
                {
                    await cells.WriteRecordAsync([report.Agency.Name, codes[report.Record.AgencyId], report.Record.Year.ToString(CultureInfo.InvariantCulture),
                        path[..path.IndexOf('.', StringComparison.Ordinal)], row.Key, row.Columns[column].Key,
                        cell.Value?.ToString(CultureInfo.InvariantCulture) ?? ""], cancellationToken);
                    cellCount++;
                }
                await json.FlushAsync(cancellationToken);
            }
            json.WriteEndArray();
        }
        return
        [
            jsonFile.Describe(ReportsJson, "全部已发布的政府信息公开工作年度报告（JSON，格式见 docs/annual-report.md）", "json", reportCount),
            cellsFile.Describe(ReportCellsCsv, "年度报告统计表的每个单元格（CSV：机关、年度、表、行、列、数值）", "csv", cellCount),
        ];
    }

    /// <summary>A file of the dump on its way to the store, counted and hashed as it passes, so the manifest needs no second read.</summary>
    private sealed class HashedFile(Stream inner) : Stream
    {
        private readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long bytes;
        private string? hash;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => hash is null;
        public override long Length => bytes;
        public override long Position { get => bytes; set => throw new NotSupportedException(); }

        /// <summary>The manifest's line for the file, once it is written whole (disposed).</summary>
        public DumpFile Describe(string name, string title, string format, int count) =>
            new(name, title, format, count, bytes, hash ?? throw new InvalidOperationException($"{name} is still being written."));

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> data)
        {
            Pass(data);
            inner.Write(data);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        {
            Pass(data.Span);
            return inner.WriteAsync(data, cancellationToken);
        }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override async ValueTask DisposeAsync()
        {
            if (hash is null)
            {
                await inner.DisposeAsync();
                Finish();
            }
            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && hash is null)
            {
                inner.Dispose();
                Finish();
            }
            base.Dispose(disposing);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        private void Pass(ReadOnlySpan<byte> data)
        {
            sha256.AppendData(data);
            bytes += data.Length;
        }

        private void Finish()
        {
            hash = Convert.ToHexStringLower(sha256.GetHashAndReset());
            sha256.Dispose();
        }
    }
}
