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

namespace Gongkai.Core.AnnualReports;

/// <summary>A report on the public portal: published here, or imported as published elsewhere.</summary>
public sealed record PublicReport(AnnualReportRecord Record, Agency Agency)
{
    public AnnualReport Report { get; } = JsonReport.Read(Record.ReportJson);
}

/// <summary>A report written as a download: bytes, content type, file name.</summary>
public sealed record ReportDownload(byte[] Content, string ContentType, string FileName);

/// <summary>
/// The portal's annual reports (/reports): every published or imported report, by agency and year,
/// and each as HTML in the official layout, DOCX, PDF, the spec's JSON and CSV. The PDF is printed
/// by Chromium on first download and kept, as a published report never changes.
/// </summary>
public sealed class PublishedReports(GongkaiDbContext db, FileStore files)
{
    public static readonly IReadOnlyList<string> Formats = ["html", "docx", "pdf", "json", "csv"];

    public async Task<IReadOnlyList<PublicReport>> ListAsync(int? year = null, int? agencyId = null, CancellationToken cancellationToken = default)
    {
        var query = from r in db.AnnualReports.AsNoTracking()
                    join a in db.Agencies.AsNoTracking() on r.AgencyId equals a.Id
                    where r.Status != ReportStatus.Draft
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
        var row = await (from r in db.AnnualReports.AsNoTracking()
                         join a in db.Agencies.AsNoTracking() on r.AgencyId equals a.Id
                         where r.Id == id && r.Status != ReportStatus.Draft
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
            "csv" => new([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(CsvReport.Write(report, []))], "text/csv; charset=utf-8", name + ".csv"),
            "pdf" => new(await PdfAsync(published.Record.Id, report, cancellationToken), FileKind.Pdf.ContentType(), name + ".pdf"),
            _ => null,
        };
    }

    private async Task<byte[]> PdfAsync(int id, AnnualReport report, CancellationToken cancellationToken)
    {
        var record = await db.AnnualReports.SingleAsync(r => r.Id == id, cancellationToken);
        if (record.PdfFileId is { } fileId && await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken) is { } stored)
        {
            await using var stream = files.OpenRead(stored);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
        var pdf = ChromiumPdf.Render(HtmlReport.Write(report, []));
        var file = await files.AddRecognisedAsync(pdf, $"annual-report-{id}.pdf", FileKind.Pdf, AuditActor.System, cancellationToken);
        record.PdfFileId = file.Id;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another download printed it at the same time; this one's PDF is as good.
            db.ChangeTracker.Clear();
        }
        return pdf;
    }
}
