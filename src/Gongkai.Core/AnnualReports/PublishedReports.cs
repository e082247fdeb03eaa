using System.Globalization;
using System.Text;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Gongkai.Core.Security;
using Gongkai.Core.Storage;
using Gongkai.Domain.Reports;
using Gongkai.Reports.Formats;
using Gongkai.Reports.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.AnnualReports;

/// <summary>A report on the public portal: published here, or imported as published elsewhere and published by the office head.</summary>
public sealed record PublicReport(AnnualReportRecord Record, Agency Agency)
{
    public AnnualReport Report { get; } = JsonReport.Read(Record.ReportJson);
}

/// <summary>A report written as a download: bytes, content type, file name.</summary>
public sealed record ReportDownload(byte[] Content, string ContentType, string FileName);

/// <summary>
/// The portal's annual reports (/reports): every published or imported report, by agency and year,
/// and each as HTML in the official layout, DOCX, PDF, the spec's JSON and CSV. The PDF is printed
/// by Chromium once (when published, or on first download) and kept, as a published report never changes.
/// </summary>
public sealed class PublishedReports(GongkaiDbContext db, FileStore files, PdfRenderQueue pdfs)
{
    public static readonly IReadOnlyList<string> Formats = ["html", "docx", "pdf", "json", "csv"];

    public async Task<IReadOnlyList<PublicReport>> ListAsync(int? year = null, int? agencyId = null, CancellationToken cancellationToken = default)
    {
        var query = from r in db.AnnualReports.AsNoTracking().Where(AnnualReportRecord.Public)
                    join a in db.Agencies.AsNoTracking() on r.AgencyId equals a.Id
                    select new { r, a };
        if (year is { } y)
            query = query.Where(x => x.r.Year == y);
        if (agencyId is { } id)
            query = query.Where(x => x.r.AgencyId == id);
        var rows = await query.ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(x => x.r.Year).ThenBy(x => x.a.SortOrder).ThenBy(x => x.a.Id).Select(x => new PublicReport(x.r, x.a))];
    }

    public async Task<PublicReport?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        var row = await (from r in db.AnnualReports.AsNoTracking().Where(AnnualReportRecord.Public)
                         join a in db.Agencies.AsNoTracking() on r.AgencyId equals a.Id
                         where r.Id == id
                         select new { r, a }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new PublicReport(row.r, row.a);
    }

    /// <summary>The report in a format of <see cref="Formats"/>; null for an unknown format.</summary>
    public async Task<ReportDownload?> DownloadAsync(PublicReport published, string format, CancellationToken cancellationToken = default)
    {
        var report = published.Report;
        var name = string.Create(CultureInfo.InvariantCulture, $"{published.Agency.Name}{published.Record.Year}年政府信息公开工作年度报告");
        return format switch
        {
            "html" => new(Encoding.UTF8.GetBytes(HtmlReport.Write(report, [])), "text/html; charset=utf-8", name + ".html"),
            "docx" => new(DocxReport.Write(report), FileKind.Docx.ContentType(), name + ".docx"),
            "json" => new(Encoding.UTF8.GetBytes(JsonReport.Write(report, [])), "application/json; charset=utf-8", name + ".json"),
            "csv" => new(Encoding.UTF8.GetBytes(CsvReport.Write(report, [])), "text/csv; charset=utf-8", name + ".csv"),
            "pdf" => new(await PdfAsync(published.Record.Id, cancellationToken), FileKind.Pdf.ContentType(), name + ".pdf"),
            _ => null,
        };
    }

    /// <summary>Prints the report's PDF and keeps it: give it to <see cref="PdfRenderQueue"/> (when the report is published, say).</summary>
    public static PdfJob Pdf(int reportId) =>
        new($"annual-report:{reportId.ToString(CultureInfo.InvariantCulture)}", (services, cancellationToken) =>
            services.GetRequiredService<PublishedReports>().StorePdfAsync(reportId, cancellationToken));

    private async Task<byte[]> PdfAsync(int id, CancellationToken cancellationToken)
    {
        var fileId = await pdfs.RenderAsync(Pdf(id), cancellationToken);
        var stored = await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == fileId, cancellationToken);
        await using var stream = await files.OpenReadAsync(stored, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private async Task<Guid> StorePdfAsync(int id, CancellationToken cancellationToken)
    {
        var record = await db.AnnualReports.SingleAsync(r => r.Id == id, cancellationToken);
        if (record.PdfFileId is { } existing)
            return existing;
        var pdf = await ChromiumPdf.RenderAsync(HtmlReport.Write(JsonReport.Read(record.ReportJson), []), cancellationToken: cancellationToken);
        var file = await files.AddRecognisedAsync(pdf, $"annual-report-{id}.pdf", FileKind.Pdf, AuditActor.System, cancellationToken);
        record.PdfFileId = file.Id;
        await db.SaveChangesAsync(cancellationToken);
        return file.Id;
    }
}
