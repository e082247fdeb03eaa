using System.Globalization;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Core.Supervision;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Domain.Reports.Generation;
using Gongkai.Domain.Supervision;
using Gongkai.Reports;
using Gongkai.Reports.Formats;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.AnnualReports;

/// <summary>
/// An agency's annual report as staff see it: the stored report, its agency, what the checks find
/// (with the previous year's report for the cross-year rules, and for a government the sum of its
/// units), where each figure of table 二 came from, which sections staff wrote, the report as the
/// records give it now (<see cref="Live"/>: how the records differ from the stored figures, the units
/// a government's report sums, where 上年结转 came from), and the 条例第四十九条 deadline.
/// </summary>
public sealed record ReportView(
    AnnualReportRecord Record,
    Agency Agency,
    AnnualReport Report,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<ReportFigure> Figures,
    IReadOnlyList<ReportText> Texts,
    IReadOnlyList<CellChange> Drift,
    AnnualReportRecord? Previous,
    GeneratedReport? Live)
{
    public PublisherKind PublisherKind => PublicationDeadline.KindOf(Agency.Level);
    public DateOnly Deadline => PublicationDeadline.For(Record.Year, PublisherKind);

    /// <summary>On time or late, for a published report; null for a draft.</summary>
    public PublicationStatus? Publication => Record.IsDraft ? null : PublicationDeadline.Status(Record.Year, PublisherKind, Record.PublishedOn);

    public IReadOnlyList<Finding> Errors => PublishingGate.Blocking(Findings);

    /// <summary>The day the stored figures were counted (北京时间).</summary>
    public DateOnly CountedOn => DateOnly.FromDateTime(ChinaTime.FromUtc(Record.GeneratedAt));

    /// <summary>A draft counted before the year was over: not the whole year's figures.</summary>
    public bool IsPartial => Record.IsDraft && !ReportPeriod.IsComplete(Record.Year, CountedOn);

    /// <summary>The units the stored report sums (a government's report), as they were when it was generated.</summary>
    public IReadOnlyList<ReportUnitRef> Units => ReportUnitRef.Read(Record.Units);

    public FigureSource SourceOf(string path) =>
        SystemFigures.IsSystem(path) ? FigureSource.System : Figures.FirstOrDefault(f => f.Cell == path)?.Source ?? FigureSource.Entered;
}

/// <summary>The report of an agency and year as it stands (see <see cref="AnnualReportService.CurrentAsync"/>).</summary>
public sealed record CurrentReport(AnnualReport Report, IReadOnlyList<Finding> Findings, ReportStatus? Stored, IReadOnlyList<ReportUnitRef> Units, bool IsPartial);

/// <summary>
/// The use cases of an agency's annual report: generate a draft from the records, edit its prose,
/// enter or import the figures the platform does not hold, run the checks, publish (the gate:
/// error findings need the office head's recorded reason; never before the year is over), and
/// import a report published before the platform was used. Every change is audited in the same save.
/// </summary>
public sealed class AnnualReportService(GongkaiDbContext db, ReportGenerator generator, FileStore files, AuditLog audit, OfficeClock clock)
{
    public const int FirstYear = 2019;
    public const string ConflictMessage = "此报告已被他人更新，请刷新后再操作。";

    /// <summary>The reports the actor may see, newest year first.</summary>
    public async Task<IReadOnlyList<(AnnualReportRecord Record, Agency Agency)>> ListAsync(AgencyScope scope, CancellationToken cancellationToken = default)
    {
        var rows = await (from r in scope.Apply(db.AnnualReports.AsNoTracking(), r => r.AgencyId)
                          join a in db.Agencies.AsNoTracking() on r.AgencyId equals a.Id
                          select new { r, a }).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(x => x.r.Year).ThenBy(x => x.a.SortOrder).ThenBy(x => x.a.Id).Select(x => (x.r, x.a))];
    }

    public async Task<ReportView?> FindAsync(AgencyScope scope, int id, CancellationToken cancellationToken = default)
    {
        var record = await scope.Apply(db.AnnualReports.AsNoTracking(), r => r.AgencyId).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return record is null ? null : await ViewAsync(record, cancellationToken);
    }

    public async Task<ReportView> ViewAsync(AnnualReportRecord record, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == record.AgencyId, cancellationToken);
        var report = JsonReport.Read(record.ReportJson);
        var previous = await PreviousAsync(record.AgencyId, record.Year, cancellationToken);
        var figures = await db.ReportFigures.AsNoTracking().Where(f => f.ReportId == record.Id).ToListAsync(cancellationToken);
        var texts = await db.ReportTexts.AsNoTracking().Where(t => t.ReportId == record.Id).OrderBy(t => t.Number).ToListAsync(cancellationToken);
        var live = record.Status == ReportStatus.Imported ? null : await generator.BuildAsync(agency, record.Year, figures, texts, cancellationToken);
        var findings = Check(report, previous is null ? null : JsonReport.Read(previous.ReportJson), live);
        var drift = live is null ? [] : ReportComparison.Changes(report, live.Report);
        return new ReportView(record, agency, report, findings, figures, texts, drift, previous, live);
    }

    /// <summary>
    /// Every check of the engine, the cross-year rules against the previous year's published or
    /// imported report, and for a government's report the region rule: every figure of tables 三 and
    /// 四 is its own part plus the reports of the units it covers (<see cref="RegionChecks"/>).
    /// </summary>
    public static IReadOnlyList<Finding> Check(AnnualReport report, AnnualReport? previous, GeneratedReport? parts = null) =>
    [
        .. ReportChecks.Check(report),
        .. previous is null ? [] : CrossYearChecks.Check(previous, report),
        .. parts is { Units.Count: > 0 } ? RegionChecks.Check(report, parts.Own, [.. parts.Units.Select(u => u.Report)]) : [],
    ];

    /// <summary>
    /// The report of an agency and year as it stands, without storing anything: a published or
    /// imported report as stored; otherwise generated from the records now, with a draft's entered
    /// figures and staff's prose. Its findings include the cross-year and region rules.
    /// </summary>
    public async Task<CurrentReport> CurrentAsync(Agency agency, int year, CancellationToken cancellationToken = default)
    {
        var record = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.AgencyId == agency.Id && r.Year == year, cancellationToken);
        var previous = await PreviousAsync(agency.Id, year, cancellationToken);
        var prior = previous is null ? null : JsonReport.Read(previous.ReportJson);
        if (record is { IsDraft: false })
        {
            var view = await ViewAsync(record, cancellationToken);
            return new CurrentReport(view.Report, view.Findings, record.Status, view.Units, false);
        }
        var id = record?.Id ?? 0;
        var figures = await db.ReportFigures.AsNoTracking().Where(f => f.ReportId == id).ToListAsync(cancellationToken);
        var texts = await db.ReportTexts.AsNoTracking().Where(t => t.ReportId == id).ToListAsync(cancellationToken);
        var live = await generator.BuildAsync(agency, year, figures, texts, cancellationToken);
        return new CurrentReport(live.Report, Check(live.Report, prior, live), record?.Status,
            [.. live.Units.Select(u => ReportUnitRef.Of(u.Agency))], live.IsPartial);
    }

    /// <summary>
    /// Generates the draft of an agency's report for a year, or refreshes a draft's system figures
    /// and the sections staff did not write. <paramref name="reset"/> also discards staff's prose and
    /// entered figures. A published or imported year is never regenerated.
    /// </summary>
    public async Task<Result<AnnualReportRecord>> GenerateAsync(int agencyId, int year, bool reset, RequestActor actor,
        CancellationToken cancellationToken = default)
    {
        if (!actor.CanHandle(agencyId))
            return Result<AnnualReportRecord>.Failure("", "只有本机关的承办人或公开办负责人可以生成年度报告。");
        if (year < FirstYear || year > clock.Today.Year)
            return Result<AnnualReportRecord>.Failure("Year", $"年度应在{FirstYear}年至{clock.Today.Year}年之间。");
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, cancellationToken);
        var record = await db.AnnualReports.SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Year == year, cancellationToken);
        if (record is { IsDraft: false })
            return Result<AnnualReportRecord>.Failure("Year", record.Status == ReportStatus.Published
                ? $"{year}年度报告已发布，数据已锁定，不能重新生成。"
                : $"{year}年度报告是导入的已公开报告，不能重新生成。");
        var figures = new List<ReportFigure>();
        var texts = new List<ReportText>();
        if (record is not null)
        {
            figures = await db.ReportFigures.Where(f => f.ReportId == record.Id).ToListAsync(cancellationToken);
            texts = await db.ReportTexts.Where(t => t.ReportId == record.Id).ToListAsync(cancellationToken);
            if (reset)
            {
                db.ReportFigures.RemoveRange(figures);
                db.ReportTexts.RemoveRange(texts);
                figures.Clear();
                texts.Clear();
            }
        }
        var generated = await generator.BuildAsync(agency, year, figures, texts, cancellationToken);
        var report = generated.Report;
        if (record is null)
        {
            record = new AnnualReportRecord
            {
                AgencyId = agencyId, Year = year, Template = report.Template.Id(), Status = ReportStatus.Draft, ReportJson = "", UpdatedByName = "",
            };
            db.AnnualReports.Add(record);
        }
        record.ReportJson = JsonReport.Write(report, []);
        record.Units = ReportUnitRef.Write([.. generated.Units.Select(u => ReportUnitRef.Of(u.Agency))]);
        record.GeneratedAt = clock.UtcNow;
        Touch(record, actor);
        audit.Record(actor.Audit, AuditAction.AnnualReportGenerated, nameof(AnnualReportRecord), $"{agencyId}/{year}",
            $"{agency.Name}{year}年度报告：{(reset ? "重新生成（清除人工填写的正文和数据）" : "按系统数据生成")}");
        return await SaveAsync(record, cancellationToken);
    }

    /// <summary>Saves staff's text of a section (0 preface, 1–6); empty text returns the section to the drafted one.</summary>
    public async Task<Result<AnnualReportRecord>> SaveTextAsync(int id, int version, int number, string? text, RequestActor actor,
        CancellationToken cancellationToken = default)
    {
        var (record, refusal) = await DraftAsync(id, version, actor, cancellationToken);
        if (record is null)
            return refusal!;
        var value = (text ?? "").Trim().ReplaceLineEndings("\n");
        if (number is < 0 or > 6)
            return Result<AnnualReportRecord>.Failure("Number", "没有这一部分。");
        if (value.Length > 20000)
            return Result<AnnualReportRecord>.Failure("Text", "正文不能超过20000个字。");
        var report = JsonReport.Read(record.ReportJson);
        var own = await db.ReportTexts.SingleOrDefaultAsync(t => t.ReportId == id && t.Number == number, cancellationToken);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == record.AgencyId, cancellationToken);
        if (value.Length == 0)
        {
            if (own is not null)
                db.ReportTexts.Remove(own);
            var drafted = ReportDraft.Sections(report, await generator.FactsAsync(agency, record.Year, cancellationToken)).Single(s => s.Number == number);
            value = drafted.Text;
        }
        else
        {
            if (own is null)
                db.ReportTexts.Add(own = new ReportText { ReportId = id, Number = number, Text = "", EditedByName = "" });
            own.Text = value;
            own.EditedById = actor.Audit.Id;
            own.EditedByName = actor.Audit.Name;
            own.EditedAt = clock.UtcNow;
        }
        var index = report.Sections.FindIndex(s => s.Number == number);
        report.Sections[index] = report.Sections[index] with { Text = value };
        record.ReportJson = JsonReport.Write(report, []);
        Touch(record, actor);
        audit.Record(actor.Audit, AuditAction.AnnualReportEdited, nameof(AnnualReportRecord), Key(record),
            $"{agency.Name}{record.Year}年度报告：修改{SectionName(number)}");
        return await SaveAsync(record, cancellationToken);
    }

    /// <summary>
    /// Records the figures of table 二 the platform does not hold, by cell path; a blank value
    /// removes the figure (it counts as 0). Figures from a CSV file keep the file's name.
    /// </summary>
    public async Task<Result<AnnualReportRecord>> EnterFiguresAsync(int id, int version, IReadOnlyDictionary<string, string?> values,
        RequestActor actor, string? fileName = null, CancellationToken cancellationToken = default)
    {
        var (record, refusal) = await DraftAsync(id, version, actor, cancellationToken);
        if (record is null)
            return refusal!;
        var report = JsonReport.Read(record.ReportJson);
        var entered = SystemFigures.Entered(report.Template);
        var errors = new List<FieldError>();
        foreach (var path in values.Keys.Where(p => entered.All(e => e.Path != p)))
            errors.Add(new(path, $"“{path}”不是需要填报的单元格（系统统计的数据不能人工修改）。"));
        var parsed = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var (path, row, column) in entered)
        {
            if (!values.TryGetValue(path, out var text))
                continue;
            var (value, error) = SystemFigures.Parse(column, text);
            if (error is not null)
                errors.Add(new(path, $"{row.Label}：{error}。"));
            else
                parsed[path] = value;
        }
        if (errors.Count > 0)
            return Result<AnnualReportRecord>.Failure(errors);

        var stored = await db.ReportFigures.Where(f => f.ReportId == id).ToListAsync(cancellationToken);
        var before = stored.ToDictionary(f => f.Cell, f => f.Value, StringComparer.Ordinal);
        var changed = 0;
        foreach (var (path, value) in parsed)
        {
            var figure = stored.Find(f => f.Cell == path);
            if (value is null)
            {
                if (figure is not null)
                {
                    db.ReportFigures.Remove(figure);
                    changed++;
                }
                continue;
            }
            var source = fileName is null ? FigureSource.Entered : FigureSource.Imported;
            if (figure is not null && figure.Value == value && figure.Source == source && figure.FileName == fileName)
                continue;
            if (figure is null)
                db.ReportFigures.Add(figure = new ReportFigure { ReportId = id, Cell = path, RecordedByName = "" });
            figure.Value = value.Value;
            figure.Source = source;
            figure.FileName = fileName;
            figure.RecordedById = actor.Audit.Id;
            figure.RecordedByName = actor.Audit.Name;
            figure.RecordedAt = clock.UtcNow;
            changed++;
        }
        foreach (var (path, row, column) in entered)
        {
            if (!parsed.TryGetValue(path, out var value))
                continue;
            // A government's figure is its own plus its units' (0022): only its own part changes.
            var cells = report.Proactive[row.Key]!;
            var index = row.Columns.ToList().IndexOf(column);
            cells[index] = Cell.Of((cells[index].Value ?? 0) - before.GetValueOrDefault(path) + (value ?? 0));
        }
        record.ReportJson = JsonReport.Write(report, []);
        Touch(record, actor);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == record.AgencyId, cancellationToken);
        audit.Record(actor.Audit, AuditAction.AnnualReportFiguresEntered, nameof(AnnualReportRecord), Key(record),
            $"{agency.Name}{record.Year}年度报告：{(fileName is null ? "填报" : $"从“{fileName}”导入")}表二数据{changed}项");
        return await SaveAsync(record, cancellationToken);
    }

    /// <summary>
    /// Imports figures of table 二 from CSV: either lines of <c>cell,value</c> (a header line is
    /// allowed) or the engine's own CSV (docs/annual-report.md), whose table 二 cells are taken.
    /// </summary>
    public async Task<Result<AnnualReportRecord>> ImportFiguresAsync(int id, int version, byte[] content, string fileName, RequestActor actor,
        CancellationToken cancellationToken = default)
    {
        var record = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null)
            return Result<AnnualReportRecord>.Failure("", "报告不存在。");
        var template = ReportTemplates.FromId(record.Template)!.Value;
        var (values, error) = FigureCsv.Read(content, template);
        if (error is not null)
            return Result<AnnualReportRecord>.Failure("File", error);
        return await EnterFiguresAsync(id, version, values, actor, Path.GetFileName(fileName), cancellationToken);
    }

    /// <summary>
    /// Publishes a draft: the checks run first and an error blocks it unless the office head gives a
    /// reason (recorded and audited). Figures that changed in the records since generation must be
    /// regenerated first, so the snapshot is what staff reviewed and what the records say.
    /// </summary>
    public async Task<Result<AnnualReportRecord>> PublishAsync(int id, int version, string? overrideReason, RequestActor actor,
        DateOnly? publishedOn = null, CancellationToken cancellationToken = default)
    {
        var (record, refusal) = await DraftAsync(id, version, actor, cancellationToken);
        if (record is null)
            return refusal!;
        var date = publishedOn ?? clock.Today;
        if (ReportPeriod.PublishingRefusal(record.Year, date, DateOnly.FromDateTime(ChinaTime.FromUtc(record.GeneratedAt))) is { } early)
            return Result<AnnualReportRecord>.Failure("", early);
        var view = await ViewAsync(record, cancellationToken);
        if (view.Drift.Count > 0)
            return Result<AnnualReportRecord>.Failure("", $"生成报告后，办理记录中有{view.Drift.Count}项数据发生了变化，请先重新生成报告，核对后再发布。");
        if (PublishingGate.Refusal(view.Findings, actor.IsOfficeHeadOf(record.AgencyId), overrideReason) is { } gate)
            return Result<AnnualReportRecord>.Failure(nameof(overrideReason), gate);
        var errors = view.Errors;
        view.Report.Source.IssuedOn = date;
        view.Report.Source.Publisher = view.Agency.Name;
        record.ReportJson = JsonReport.Write(view.Report, []);
        record.Status = ReportStatus.Published;
        record.PublishedOn = date;
        record.PublishedAt = clock.UtcNow;
        record.PublishedById = actor.Audit.Id;
        record.PublishedByName = actor.Audit.Name;
        record.OverrideReason = errors.Count > 0 ? overrideReason!.Trim() : null;
        Touch(record, actor);
        var status = PublicationDeadline.Status(record.Year, view.PublisherKind, date).Label();
        audit.Record(actor.Audit, errors.Count > 0 ? AuditAction.AnnualReportPublishedOverride : AuditAction.AnnualReportPublished,
            nameof(AnnualReportRecord), Key(record),
            errors.Count > 0
                ? $"{view.Agency.Name}{record.Year}年度报告：有{errors.Count}个错误（{string.Join("；", errors.Select(e => e.Message))}），由公开办负责人决定发布，理由：{record.OverrideReason}（{status}）"
                : $"{view.Agency.Name}{record.Year}年度报告：发布（{status}）");
        return await SaveAsync(record, cancellationToken);
    }

    /// <summary>
    /// Stores a report the agency published before using the platform (any format the engine reads),
    /// so the next year's generated report has its cross-year checks. Replaces an earlier import of
    /// the same year; a year with a generated report is refused.
    /// </summary>
    public async Task<Result<AnnualReportRecord>> ImportAsync(int agencyId, int year, byte[] content, string fileName, RequestActor actor,
        CancellationToken cancellationToken = default)
    {
        if (!actor.CanHandle(agencyId))
            return Result<AnnualReportRecord>.Failure("", "只有本机关的承办人或公开办负责人可以导入年度报告。");
        ReadReport read;
        try
        {
            read = ReportFile.Read(content);
        }
        catch (ReportReadException e)
        {
            return Result<AnnualReportRecord>.Failure("File", "无法读取该文件：" + e.Message);
        }
        if (read.Report.Year is { } printed && printed != year)
            return Result<AnnualReportRecord>.Failure("Year", $"文件是{printed}年度的报告，不是{year}年度的。");
        read.Report.Year = year;
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, cancellationToken);
        var units = await db.Agencies.AsNoTracking().Select(a => new UnitName(a.Id, a.Name)).ToListAsync(cancellationToken);
        if (AgencyNames.Match([read.Report.Agency, read.Report.Source.Publisher], units) is { } named && named != agencyId)
            return Result<AnnualReportRecord>.Failure("File",
                $"文件所署机关为“{read.Report.Agency ?? read.Report.Source.Publisher}”，是本平台的另一机关（{units.Single(u => u.Id == named).Name}），不能作为{agency.Name}的报告导入。");
        read.Report.Agency ??= agency.Name;
        var record = await db.AnnualReports.SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Year == year, cancellationToken);
        if (record is not null && record.Status != ReportStatus.Imported)
            return Result<AnnualReportRecord>.Failure("Year", $"{year}年度已有在本平台生成的报告，不能用导入的报告替换。");
        var file = await files.AddRecognisedAsync(content, fileName, ReportCollector.Kind(read.Format), actor.Audit, cancellationToken);
        if (record is null)
        {
            record = new AnnualReportRecord { AgencyId = agencyId, Year = year, Template = "", ReportJson = "", UpdatedByName = "" };
            db.AnnualReports.Add(record);
        }
        record.Template = read.Report.Template.Id();
        record.Status = ReportStatus.Imported;
        record.ReportJson = JsonReport.Write(read.Report, []);
        record.GeneratedAt = clock.UtcNow;
        record.PublishedOn = read.Report.Source.IssuedOn;
        record.SourceFileId = file.Id;
        record.SourceFileName = file.FileName;
        // Not on the portal until the office head publishes it (PublishImportAsync), as a generated report.
        (record.PublishedAt, record.PublishedById, record.PublishedByName) = (null, null, null);
        Touch(record, actor);
        audit.Record(actor.Audit, AuditAction.AnnualReportImported, nameof(AnnualReportRecord), $"{agencyId}/{year}",
            $"{agency.Name}{year}年度报告：导入已公开的报告“{file.FileName}”（{ReportFile.FormatId(read.Format)}），待公开办负责人发布");
        return await SaveAsync(record, cancellationToken);
    }

    /// <summary>
    /// An imported report goes on the portal only when the agency's office head publishes it, like a
    /// generated one: whoever imports a file cannot make it public alone.
    /// </summary>
    public async Task<Result<AnnualReportRecord>> PublishImportAsync(int id, int version, RequestActor actor, CancellationToken cancellationToken = default)
    {
        var record = await actor.Scope.Apply(db.AnnualReports, r => r.AgencyId).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is not { Status: ReportStatus.Imported })
            return Result<AnnualReportRecord>.Failure("", "报告不存在。");
        if (!actor.IsOfficeHeadOf(record.AgencyId))
            return Result<AnnualReportRecord>.Failure("", "只有公开办负责人可以发布导入的年度报告。");
        if (record.PublishedAt is not null)
            return Result<AnnualReportRecord>.Failure("", $"{record.Year}年度报告已发布。");
        if (record.Version != version)
            return Result<AnnualReportRecord>.Failure(RequestCommands.ConflictField, ConflictMessage);
        record.PublishedAt = clock.UtcNow;
        record.PublishedById = actor.Audit.Id;
        record.PublishedByName = actor.Audit.Name;
        Touch(record, actor);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == record.AgencyId, cancellationToken);
        audit.Record(actor.Audit, AuditAction.AnnualReportPublished, nameof(AnnualReportRecord), Key(record),
            $"{agency.Name}{record.Year}年度报告：发布导入的报告“{record.SourceFileName}”");
        return await SaveAsync(record, cancellationToken);
    }

    /// <summary>
    /// The published reports a request figures in: those of its agency from the year it was received
    /// to the year it was decided (or this year, while open), as received, carried over or forward,
    /// or decided. A change to the request after publication shows on those reports as drift.
    /// </summary>
    public async Task<IReadOnlyList<AnnualReportRecord>> PublishedCountingAsync(InformationRequest request, CancellationToken cancellationToken = default)
    {
        if (request.ReceivedOn is not { } received)
            return [];
        var (first, last) = (received.Year, (request.DecidedOn ?? clock.Today).Year);
        return await db.AnnualReports.AsNoTracking()
            .Where(r => r.AgencyId == request.AgencyId && r.Status == ReportStatus.Published && r.Year >= first && r.Year <= last)
            .OrderBy(r => r.Year).ToListAsync(cancellationToken);
    }

    /// <summary>The report of the year before, published here or imported: the other side of the cross-year rules.</summary>
    public Task<AnnualReportRecord?> PreviousAsync(int agencyId, int year, CancellationToken cancellationToken = default) =>
        db.AnnualReports.AsNoTracking()
            .SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Year == year - 1 && r.Status != ReportStatus.Draft, cancellationToken);

    private async Task<(AnnualReportRecord? Record, Result<AnnualReportRecord>? Refusal)> DraftAsync(int id, int version, RequestActor actor,
        CancellationToken cancellationToken)
    {
        var record = await actor.Scope.Apply(db.AnnualReports, r => r.AgencyId).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null)
            return (null, Result<AnnualReportRecord>.Failure("", "报告不存在。"));
        if (!actor.CanHandle(record.AgencyId))
            return (null, Result<AnnualReportRecord>.Failure("", "只有本机关的承办人或公开办负责人可以修改年度报告。"));
        if (!record.IsDraft)
            return (null, Result<AnnualReportRecord>.Failure("", record.Status == ReportStatus.Published
                ? $"{record.Year}年度报告已发布，数据已锁定，不能修改。"
                : $"{record.Year}年度报告是导入的已公开报告，不能修改。"));
        if (record.Version != version)
            return (null, Result<AnnualReportRecord>.Failure(RequestCommands.ConflictField, ConflictMessage));
        return (record, null);
    }

    private void Touch(AnnualReportRecord record, RequestActor actor)
    {
        record.Version++;
        record.UpdatedAt = clock.UtcNow;
        record.UpdatedByName = actor.Audit.Name;
    }

    private async Task<Result<AnnualReportRecord>> SaveAsync(AnnualReportRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Result<AnnualReportRecord>.Failure(RequestCommands.ConflictField, ConflictMessage);
        }
        return Result<AnnualReportRecord>.Success(record);
    }

    private static string Key(AnnualReportRecord record) => record.Id.ToString(CultureInfo.InvariantCulture);

    public static string SectionName(int number) => number == 0
        ? "前言"
        : $"第{"一二三四五六"[number - 1]}部分“{ReportDraft.Headings[number - 1].Heading}”";
}
