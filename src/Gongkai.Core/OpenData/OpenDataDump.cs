using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Storage;
using Gongkai.Domain.Reports;
using Gongkai.Reports.Formats;

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
/// annual reports as the engine's JSON and as one CSV of every cell, each counted and hashed in
/// manifest.json. Written by the background worker (<see cref="OpenDataWorker"/>), never on a
/// request, into a folder of its own under the data folder's open-data/, which takes the day's
/// name only once complete; the previous dump is removed only after that, so readers always find
/// one whole dump.
/// </summary>
public sealed class OpenDataDump(GongkaiDbContext db, PublishedReports reports, OpenDataFolder folder, TimeProvider clock)
{
    public const string DocumentsJson = "documents.jsonl";
    public const string DocumentsCsv = "documents.csv";
    public const string ReportsJson = "reports.json";
    public const string ReportCellsCsv = "report-cells.csv";

    public static readonly IReadOnlyList<string> CellColumns = ["机关", "统一社会信用代码", "年度", "表", "行", "列", "数值"];

    /// <summary>Today's dump, unless it exists already (several servers, or a restart the same day).</summary>
    public async Task<DumpManifest?> BuildIfDueAsync(CancellationToken cancellationToken = default) =>
        folder.Current() is { } current && current.Day == Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            ? null
            : await BuildAsync(cancellationToken);

    public async Task<DumpManifest> BuildAsync(CancellationToken cancellationToken = default)
    {
        var day = Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var partial = folder.Partial(day);
        if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
        Storage.PrivateFiles.CreateDirectory(partial);
        var files = new List<DumpFile>();
        var (json, csv) = await DocumentsAsync(partial, cancellationToken);
        files.Add(Describe(partial, DocumentsJson, "全部已发布的政府信息（JSON Lines，每行一条）", "jsonl", json));
        files.Add(Describe(partial, DocumentsCsv, "全部已发布的政府信息（CSV）", "csv", csv));
        var (reportCount, cellCount) = await ReportsAsync(partial, cancellationToken);
        files.Add(Describe(partial, ReportsJson, "全部已发布的政府信息公开工作年度报告（JSON，格式见 docs/annual-report.md）", "json", reportCount));
        files.Add(Describe(partial, ReportCellsCsv, "年度报告统计表的每个单元格（CSV：机关、年度、表、行、列、数值）", "csv", cellCount));
        var manifest = new DumpManifest(DumpManifest.CurrentSchemaVersion, day, new DateTimeOffset(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime), ChinaTime.Offset), files);
        await File.WriteAllTextAsync(Path.Combine(partial, OpenDataFolder.ManifestFile), JsonSerializer.Serialize(manifest, OpenDataFolder.Json), cancellationToken);
        folder.Complete(day);
        return manifest;
    }

    private DateOnly Today() => DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));

    private async Task<(int Json, int Csv)> DocumentsAsync(string directory, CancellationToken cancellationToken)
    {
        await using var json = new StreamWriter(Path.Combine(directory, DocumentsJson), false, new UTF8Encoding(false));
        await using var csv = Csv.Writer(File.Create(Path.Combine(directory, DocumentsCsv)));
        await csv.WriteRecordAsync([.. DocumentColumns.All.Select(c => c.Header)], cancellationToken);
        var count = 0;
        await foreach (var (_, record) in DocumentRecords.PublishedAsync(db, null, Today(), (d, a) => new AttachmentRecord(a.File!.FileName,
                           Url: string.Create(CultureInfo.InvariantCulture, $"/documents/{d.Id}/files/{a.Id}"), Sha256: a.File.Sha256, Size: a.File.Length),
                           cancellationToken))
        {
            var published = record with { Url = string.Create(CultureInfo.InvariantCulture, $"/documents/{record.Id}") };
            await json.WriteLineAsync(published.ToJsonLine());
            await csv.WriteRecordAsync(Csv.Cells(published.Cells()), cancellationToken);
            count++;
        }
        return (count, count);
    }

    private async Task<(int Reports, int Cells)> ReportsAsync(string directory, CancellationToken cancellationToken)
    {
        var codes = db.Agencies.ToDictionary(a => a.Id, a => a.OrganizationCode);
        await using var stream = File.Create(Path.Combine(directory, ReportsJson));
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = DocumentRecord.Json.Encoder });
        await using var cells = Csv.Writer(File.Create(Path.Combine(directory, ReportCellsCsv)));
        await cells.WriteRecordAsync([.. CellColumns], cancellationToken);
        var (reportCount, cellCount) = (0, 0);
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
        return (reportCount, cellCount);
    }

    private static DumpFile Describe(string directory, string name, string title, string format, int count)
    {
        var path = Path.Combine(directory, name);
        using var stream = File.OpenRead(path);
        return new DumpFile(name, title, format, count, stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}
