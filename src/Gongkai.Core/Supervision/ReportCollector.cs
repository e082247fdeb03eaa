using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Gongkai.Core.Security;
using Gongkai.Core.Storage;
using Gongkai.Core.Supervision.Auditing;
using Gongkai.Core.Supervision.Intake;
using Gongkai.Core.Supervision.Storage;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Supervision;
using Gongkai.Domain.Text;
using Gongkai.Reports;
using Gongkai.Reports.Formats;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Supervision;

/// <summary>A report taken into a workspace, as the upload page lists it.</summary>
public sealed record CollectedReport(int Id, string FileName, string? Agency, int? Year, int? UnitAgencyId);

/// <summary>What an upload or a folder brought: the reports taken in, and every file that was not, with why.</summary>
public sealed record CollectResult(IReadOnlyList<CollectedReport> Added, IReadOnlyList<RejectedInput> Rejected);

/// <summary>
/// 收录: takes published reports into a workspace from uploaded files (ZIPs expanded) or from a
/// server folder an administrator allowed. Each readable report keeps its original file, its
/// canonical JSON and its findings, and is matched to a unit by name; each file that is not a
/// report — or is one already in the workspace — is kept with its reason. All in one transaction
/// with the audit line.
/// </summary>
public sealed class ReportCollector(GongkaiDbContext db, FileStore files, WorkspaceService workspaces, AuditLog audit, TimeProvider clock)
{
    public async Task<CollectResult> AddFilesAsync(SupervisionWorkspace workspace, IReadOnlyList<IntakeFile> uploaded, AuditActor actor,
        CancellationToken cancellationToken = default)
    {
        var intake = ReportIntake.ReadAll(uploaded, Environment.ProcessorCount);
        return await CollectAsync(workspace, intake, ReportOrigin.Upload, "上传", actor, cancellationToken);
    }

    /// <summary>Reads a folder; the caller has checked that an administrator allowed it (never a path from a browser).</summary>
    public async Task<CollectResult> AddFolderAsync(SupervisionWorkspace workspace, string folder, AuditActor actor,
        CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
            return new CollectResult([], [new RejectedInput(folder, "目录不存在或无法访问，请联系系统管理员")]);
        var (loaded, refused) = FolderIntake.Load(FolderIntake.List(folder, recursive: true));
        var (expanded, notExpanded) = ReportIntake.Expand(loaded);
        var intake = ReportIntake.Read(expanded, [.. refused, .. notExpanded], Environment.ProcessorCount);
        return await CollectAsync(workspace, intake, ReportOrigin.Folder, $"从目录 {folder} 读取", actor, cancellationToken);
    }

    /// <summary>
    /// The reports the workspace's units published on this platform, as the canonical JSON of what
    /// was published; a report already collected is recognised by its content and skipped.
    /// </summary>
    public async Task<CollectResult> AddPublishedAsync(SupervisionWorkspace workspace, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var units = (await workspaces.UnitsAsync(workspace, cancellationToken)).Select(u => u.AgencyId!.Value).ToList();
        var published = await (from r in db.AnnualReports.AsNoTracking()
                               where r.Status == ReportStatus.Published && units.Contains(r.AgencyId)
                               join a in db.Agencies on r.AgencyId equals a.Id
                               orderby a.Name, r.Year
                               select new { a.Name, r.Year, r.ReportJson }).ToListAsync(cancellationToken);
        var intake = ReportIntake.ReadAll(
            [.. published.Select(p => new IntakeFile(string.Create(CultureInfo.InvariantCulture, $"{p.Name}{p.Year}年度报告.json"), Encoding.UTF8.GetBytes(p.ReportJson)))],
            Environment.ProcessorCount);
        return await CollectAsync(workspace, intake, ReportOrigin.Platform, "读取本平台已发布的年度报告", actor, cancellationToken);
    }

    private async Task<CollectResult> CollectAsync(SupervisionWorkspace workspace, IntakeResult intake, ReportOrigin origin, string how,
        AuditActor actor, CancellationToken cancellationToken)
    {
        var units = (await workspaces.UnitsAsync(workspace, cancellationToken)).Select(u => new UnitName(u.AgencyId!.Value, u.Name)).ToList();
        var known = await (from r in db.SupervisedReports
                           where r.WorkspaceId == workspace.Id
                           join f in db.StoredFiles on r.FileId equals f.Id
                           select new { f.Sha256, r.FileName }).ToListAsync(cancellationToken);
        var seen = known.GroupBy(k => k.Sha256).ToDictionary(g => g.Key, g => g.First().FileName, StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = new List<(SupervisedReport Report, List<SupervisedFinding> Findings)>();
        var rejected = new List<RejectedInput>(intake.Rejections);

        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        foreach (var item in intake.Reports)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(item.Content));
            if (seen.TryGetValue(hash, out var earlier))
            {
                rejected.Add(new RejectedInput(item.Name, $"与已收录的“{earlier}”内容完全相同，未重复收录"));
                continue;
            }
            seen[hash] = item.Name;
            var stored = await files.AddRecognisedAsync(item.Content, Path.GetFileName(item.Name), Kind(item.Read.Format), actor, cancellationToken);
            var report = item.Read.Report;
            var unit = AgencyNames.Match([report.Agency, report.Source.Publisher], units);
            var row = new SupervisedReport
            {
                WorkspaceId = workspace.Id,
                FileId = stored.Id,
                FileName = Truncate(item.Name, 500),
                Format = ReportFile.FormatId(item.Read.Format),
                Origin = origin,
                AgencyName = report.Agency is { } agency ? Truncate(ChineseText.ToSimplified(agency), 200) : null,
                Year = report.Year,
                Template = report.Template.Id(),
                IssuedOn = report.Source.IssuedOn,
                UnitAgencyId = unit,
                MatchedBy = unit is null ? UnitMatch.None : UnitMatch.ByName,
                ReportJson = JsonReport.Write(report, item.Read.Findings),
                UploadedAt = now,
                UploadedBy = actor.Id,
            };
            db.SupervisedReports.Add(row);
            added.Add((row, [.. item.Read.Findings.Select((f, i) => Row(f, i))]));
        }
        foreach (var r in rejected)
            db.RejectedFiles.Add(new RejectedFile { WorkspaceId = workspace.Id, FileName = Truncate(r.FileName, 500), Reason = Truncate(r.Reason, 500), RejectedAt = now, UploadedBy = actor.Id });
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (report, findings) in added)
        {
            foreach (var finding in findings)
                finding.ReportId = report.Id;
            db.SupervisedFindings.AddRange(findings);
        }
        audit.Record(actor, AuditAction.SupervisionReportsAdded, nameof(SupervisionWorkspace), WorkspaceService.Id(workspace.Id),
            string.Create(CultureInfo.InvariantCulture, $"{how}文件，年报检查“{workspace.Name}”收录报告 {added.Count} 份，未能收录 {rejected.Count} 个"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CollectResult(
            [.. added.Select(a => new CollectedReport(a.Report.Id, a.Report.FileName, a.Report.AgencyName, a.Report.Year, a.Report.UnitAgencyId))],
            rejected);
    }

    private static SupervisedFinding Row(Finding finding, int ordinal) => new()
    {
        Ordinal = ordinal,
        Rule = finding.Rule,
        Severity = finding.Severity,
        Origin = finding.Origin,
        Message = finding.Message,
        Cells = string.Join(SupervisedFinding.CellSeparator, finding.Cells),
    };

    internal static FileKind Kind(ReportFormat format) => format switch
    {
        ReportFormat.Text or ReportFormat.Markdown => FileKind.Text,
        ReportFormat.Html => FileKind.Html,
        ReportFormat.Docx => FileKind.Docx,
        ReportFormat.Pdf => FileKind.Pdf,
        ReportFormat.Json => FileKind.Json,
        ReportFormat.Csv => FileKind.Csv,
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
