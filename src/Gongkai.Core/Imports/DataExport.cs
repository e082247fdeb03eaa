using System.Globalization;
using System.Text;
using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Gongkai.Core.OpenData;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Imports;

/// <summary>What an export wrote: the files and how many rows each.</summary>
public sealed record ExportReport(string Directory, IReadOnlyList<(string File, int Rows)> Files);

/// <summary>
/// An agency's records (or the whole platform's) in the import formats, so an office can leave, or
/// move between a test and a live system: agencies.csv (with the agencies above it, parents first),
/// staff.csv (accounts without passwords), documents.jsonl with attachments/ beside it, requests.csv
/// and reviews.csv. Importing the folder into an empty platform gives the same catalogue, search
/// results and generated annual reports. Live requests carry their 申请编号 as the case number.
/// </summary>
public sealed class DataExport(GongkaiDbContext db, FileStore files, AuditLog audit, TimeProvider clock)
{
    public const string AgenciesFile = "agencies.csv";
    public const string StaffFile = "staff.csv";
    public const string DocumentsFile = "documents.jsonl";
    public const string AttachmentsFolder = "attachments";
    public const string RequestsFile = "requests.csv";
    public const string ReviewsFile = "reviews.csv";

    /// <param name="agencyCode">统一社会信用代码 of the agency; null for every agency.</param>
    public async Task<ExportReport> ExportAsync(string? agencyCode, string directory, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var all = await db.Agencies.AsNoTracking().ToListAsync(cancellationToken);
        HashSet<int>? selected = null;
        if (agencyCode is not null)
        {
            var agency = all.SingleOrDefault(a => a.OrganizationCode == agencyCode.Trim().ToUpperInvariant())
                ?? throw new ImportFileException($"统一社会信用代码为{agencyCode}的机关不存在。");
            selected = [agency.Id];
        }
        Directory.CreateDirectory(directory);
        var written = new List<(string, int)>
        {
            (AgenciesFile, await WriteAsync(Path.Combine(directory, AgenciesFile), AgencyColumns.All,
                Agencies(all, selected, await db.ReportScopeUnits.AsNoTracking().ToDictionaryAsync(c => c.UnitId, c => c.Included, cancellationToken)))),
            (StaffFile, await WriteAsync(Path.Combine(directory, StaffFile), StaffColumns.All, await StaffAsync(all, selected, cancellationToken))),
            (DocumentsFile, await DocumentsAsync(directory, selected, cancellationToken)),
            (RequestsFile, await WriteAsync(Path.Combine(directory, RequestsFile), RequestColumns.All, await RequestsAsync(all, selected, cancellationToken))),
            (ReviewsFile, await WriteAsync(Path.Combine(directory, ReviewsFile), ReviewColumns.All, await ReviewsAsync(all, selected, cancellationToken))),
        };
        audit.Record(actor, AuditAction.RecordsExported, "Agency", agencyCode ?? "",
            $"导出{(agencyCode is null ? "全部机关" : $"机关 {agencyCode} ")}的数据：" + string.Join("，", written.Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Item1} {w.Item2}行"))));
        await db.SaveChangesAsync(cancellationToken);
        return new ExportReport(directory, written);
    }

    /// <summary>The selected agencies and the agencies above them, parents first, in the portal's order.</summary>
    private static IEnumerable<IEnumerable<string?>> Agencies(List<Agency> all, HashSet<int>? selected, Dictionary<int, bool> inParentReport)
    {
        var byId = all.ToDictionary(a => a.Id);
        var wanted = selected is null ? all.Select(a => a.Id).ToHashSet() : [];
        foreach (var id in selected ?? [])
            for (int? at = id; at is { } current; at = byId[current].ParentId)
                wanted.Add(current);
        var ordered = new List<Agency>();
        void Visit(int? parent)
        {
            foreach (var a in all.Where(a => a.ParentId == parent && wanted.Contains(a.Id)).OrderBy(a => a.SortOrder).ThenBy(a => a.Id))
            {
                ordered.Add(a);
                Visit(a.Id);
            }
        }
        Visit(null);
        return ordered.Select(a => new[]
        {
            a.OrganizationCode, a.Name, a.Level.ToString(), a.ParentId is { } p ? byId[p].OrganizationCode : null, Invariant(a.SortOrder),
            a.OfficeName, a.OfficeAddress, a.PostalCode, a.OfficePhone, a.OfficeFax, a.OfficeEmail, a.OfficeHours, a.Guide,
            inParentReport.TryGetValue(a.Id, out var included) ? AgencyColumns.InParentReport(included) : null,
        });
    }

    private async Task<List<IEnumerable<string?>>> StaffAsync(List<Agency> all, HashSet<int>? selected, CancellationToken cancellationToken)
    {
        var codes = all.ToDictionary(a => a.Id, a => a.OrganizationCode);
        var staff = await (from u in db.Users.AsNoTracking()
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where u.AgencyId != null && r.Name != Roles.Applicant && r.Name != Roles.Admin
                           orderby u.UserName
                           select new { u.UserName, u.DisplayName, Role = r.Name, u.AgencyId, u.Email, u.PhoneNumber }).ToListAsync(cancellationToken);
        return [.. staff.Where(s => selected is null || selected.Contains(s.AgencyId!.Value))
            .Select(s => new[] { s.UserName, s.DisplayName, s.Role, codes[s.AgencyId!.Value], s.Email, s.PhoneNumber })];
    }

    /// <summary>documents.jsonl and each attachment at attachments/d{id}-{n}/{its name}.</summary>
    private async Task<int> DocumentsAsync(string directory, HashSet<int>? selected, CancellationToken cancellationToken)
    {
        var count = 0;
        var folder = Path.Combine(directory, AttachmentsFolder);
        await using var writer = new StreamWriter(Path.Combine(directory, DocumentsFile), false, new UTF8Encoding(false));
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        await foreach (var (document, record) in DocumentRecords.PublishedAsync(db, selected, today, (d, a) =>
                           new AttachmentRecord(a.File!.FileName, string.Create(CultureInfo.InvariantCulture, $"{AttachmentsFolder}/d{d.Id}-{a.SortOrder}/{a.File.FileName}")),
                           cancellationToken))
        {
            foreach (var (attachment, stored) in record.Attachments.Zip(document.Attachments.OrderBy(a => a.SortOrder)))
            {
                var path = Path.Combine(directory, attachment.File!);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await using var source = await files.OpenReadAsync(stored.File!, cancellationToken);
                await using var target = File.Create(path);
                await source.CopyToAsync(target, cancellationToken);
            }
            await writer.WriteLineAsync((record with { Id = null, Validity = null, Agency = null }).ToJsonLine());
            count++;
        }
        if (!Directory.Exists(folder)) Directory.CreateDirectory(folder);
        return count;
    }

    private async Task<List<IEnumerable<string?>>> RequestsAsync(List<Agency> all, HashSet<int>? selected, CancellationToken cancellationToken)
    {
        var codes = all.ToDictionary(a => a.Id, a => a.OrganizationCode);
        var query = db.Requests.AsNoTracking().Where(r => r.ReceivedOn != null);
        if (selected is not null) query = query.Where(r => selected.Contains(r.AgencyId));
        var requests = await query.OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var ids = requests.Select(r => r.Id).ToList();
        var events = (await db.RequestEvents.AsNoTracking().Where(e => ids.Contains(e.RequestId)).OrderBy(e => e.Sequence).ToListAsync(cancellationToken))
            .ToLookup(e => e.RequestId, e => e.ToEvent());
        var rows = new List<IEnumerable<string?>>();
        foreach (var r in requests)
        {
            var history = events[r.Id].ToList();
            DateOnly? First<T>() where T : RequestEvent => history.OfType<T>().FirstOrDefault()?.Date;
            // A waived fee was never paid: without its notice the history is the one the figures count.
            var fee = history.OfType<FeeWaived>().Any() ? null : history.OfType<FeeNotified>().LastOrDefault();
            var delivered = r.ClosedOn;
            var deliveredBy = history.OfType<Delivered>().LastOrDefault(d => d.Party is null && d.Date == delivered)?.Channel;
            rows.Add([
                CaseNumber(r), codes[r.AgencyId], Date(r.ReceivedOn), r.Channel.ToString(), r.ApplicantType.ToString(), r.ApplicantName, r.Description,
                Date(First<CorrectionRequested>()), Date(First<CorrectionReceived>()), Date(First<ReasonsRequested>()),
                fee?.Basis.ToString(), fee is null ? null : Invariant(fee.Quantity), Date(fee?.Date), Date(fee is null ? null : First<FeePaid>()),
                r.Outcome is { } o ? Outcomes.Of(o).RowKey : null, Date(r.DecidedOn), Date(delivered),
                deliveredBy?.ToString(),
            ]);
        }
        return rows;
    }

    private async Task<List<IEnumerable<string?>>> ReviewsAsync(List<Agency> all, HashSet<int>? selected, CancellationToken cancellationToken)
    {
        var codes = all.ToDictionary(a => a.Id, a => a.OrganizationCode);
        var query = from v in db.ReviewCases.AsNoTracking()
                    join r in db.Requests.AsNoTracking() on v.RequestId equals r.Id into requests
                    from r in requests.DefaultIfEmpty()
                    join f in db.ReviewCases.AsNoTracking() on v.ReviewOfId equals f.Id into followed
                    from f in followed.DefaultIfEmpty()
                    orderby v.Id
                    select new { Review = v, Request = r, ReviewOf = f == null ? null : f.CaseNumber };
        var rows = await query.ToListAsync(cancellationToken);
        return [.. rows.Where(x => selected is null || selected.Contains(x.Review.AgencyId)).Select(x => new[]
        {
            codes[x.Review.AgencyId], x.Request is null ? null : CaseNumber(x.Request), x.Review.Kind.ToString(), x.Review.Subject, x.Review.ApplicantName,
            Date(x.Review.FiledOn), Date(x.Review.CopyReceivedOn), Date(x.Review.AnsweredOn), x.Review.Authority, x.Review.CaseNumber, x.ReviewOf,
            x.Review.Result.ToString(), Date(x.Review.ConcludedOn), x.Review.Notes,
        })];
    }

    /// <summary>The old system's number of an imported case; the 申请编号 of a case handled here.</summary>
    private static string CaseNumber(InformationRequest r) => r.ImportedCaseNumber ?? r.Number;

    private static async Task<int> WriteAsync(string path, IReadOnlyList<ImportColumn> columns, IEnumerable<IEnumerable<string?>> rows)
    {
        await using var csv = Csv.Writer(File.Create(path));
        await csv.WriteRecordAsync([.. columns.Select(c => c.Header)]);
        var count = 0;
        foreach (var row in rows)
        {
            await csv.WriteRecordAsync(Csv.Cells(row));
            count++;
        }
        return count;
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
