using System.Globalization;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Calendar;
using Gongkai.Core.Storage;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Requests;

/// <summary>What staff enter for a review or lawsuit; property names are the form's field names.</summary>
public sealed record ReviewInput
{
    /// <summary>The request whose answer is challenged, when it is on the platform.</summary>
    public int? RequestId { get; init; }
    /// <summary>For a 复议后起诉: the review case it follows.</summary>
    public int? ReviewOfId { get; init; }
    public ReviewKind Kind { get; init; }
    public string? Subject { get; init; }
    public string? ApplicantName { get; init; }
    public DateOnly? FiledOn { get; init; }
    public DateOnly? CopyReceivedOn { get; init; }
    public DateOnly? AnsweredOn { get; init; }
    public string Authority { get; init; } = "";
    public string? CaseNumber { get; init; }
    public ReviewResult Result { get; init; }
    public DateOnly? ConcludedOn { get; init; }
    public string? Notes { get; init; }
    public int Version { get; init; }

    public static ReviewInput Of(ReviewCaseRecord r) => new()
    {
        RequestId = r.RequestId, ReviewOfId = r.ReviewOfId, Kind = r.Kind, Subject = r.Subject, ApplicantName = r.ApplicantName,
        FiledOn = r.FiledOn, CopyReceivedOn = r.CopyReceivedOn, AnsweredOn = r.AnsweredOn, Authority = r.Authority,
        CaseNumber = r.CaseNumber, Result = r.Result, ConcludedOn = r.ConcludedOn, Notes = r.Notes, Version = r.Version,
    };
}

/// <summary>
/// A review case as staff see it: the record, its agency, the request it is about (its 申请编号), the
/// review it follows and the lawsuits that follow it, and when the office's answer is due.
/// </summary>
public sealed record ReviewCaseView(
    ReviewCaseRecord Case,
    Agency Agency,
    InformationRequest? Request,
    ReviewCaseRecord? ReviewOf,
    IReadOnlyList<ReviewCaseRecord> FollowedBy,
    ReviewAnswerDue? AnswerDue)
{
    /// <summary>Waiting for the office's answer: the copy is received, nothing answered, the case still open.</summary>
    public bool AwaitsAnswer => Case.CopyReceivedOn is not null && Case.AnsweredOn is null && Case.Result == ReviewResult.Pending;
}

/// <summary>
/// 行政复议 and 行政诉讼 cases (table 四), with or without a request: a request's answer challenged,
/// a paper request from before the platform, a complaint about proactive disclosure. Under the 2023
/// 行政复议法 a refusal to disclose goes to review before a court; the form says so, the record keeps
/// what happened. The answer's due date follows <see cref="ReviewDeadlines"/> on the agency's calendar.
/// </summary>
public sealed class ReviewService(GongkaiDbContext db, CalendarStore calendars, AuditLog audit, OfficeClock clock)
{
    /// <summary>The cases the actor may see, open first (by the answer's due date), then by filing date, newest first.</summary>
    public async Task<IReadOnlyList<ReviewCaseView>> ListAsync(AgencyScope scope, CancellationToken cancellationToken = default)
    {
        var cases = await scope.Apply(db.ReviewCases.AsNoTracking(), r => r.AgencyId).ToListAsync(cancellationToken);
        var views = await ViewsAsync(cases, cancellationToken);
        return [.. views.OrderBy(v => v.Case.Result == ReviewResult.Pending ? 0 : 1)
            .ThenBy(v => v.AwaitsAnswer ? v.AnswerDue!.Due : DateOnly.MaxValue)
            .ThenByDescending(v => v.Case.FiledOn).ThenByDescending(v => v.Case.Id)];
    }

    /// <summary>The agency's cases whose answer is due and not yet submitted, soonest first: the staff reminders.</summary>
    public async Task<IReadOnlyList<ReviewCaseView>> AwaitingAnswerAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        var cases = await db.ReviewCases.AsNoTracking()
            .Where(r => r.AgencyId == agencyId && r.CopyReceivedOn != null && r.AnsweredOn == null && r.Result == ReviewResult.Pending)
            .ToListAsync(cancellationToken);
        return [.. (await ViewsAsync(cases, cancellationToken)).OrderBy(v => v.AnswerDue!.Due)];
    }

    public async Task<ReviewCaseView?> FindAsync(int id, AgencyScope scope, CancellationToken cancellationToken = default)
    {
        var record = await scope.Apply(db.ReviewCases.AsNoTracking(), r => r.AgencyId).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return record is null ? null : (await ViewsAsync([record], cancellationToken))[0];
    }

    /// <summary>The review cases a 复议后起诉 of the agency may follow.</summary>
    public async Task<IReadOnlyList<ReviewCaseRecord>> ReviewsOfAsync(int agencyId, CancellationToken cancellationToken = default) =>
        await db.ReviewCases.AsNoTracking().Where(r => r.AgencyId == agencyId && r.Kind == ReviewKind.Review)
            .OrderByDescending(r => r.FiledOn).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// Records a new case (<paramref name="reviewId"/> null) or changes one. A case over a request
    /// belongs to the request's agency; one without a request to the actor's own agency.
    /// </summary>
    public async Task<Result<ReviewCaseRecord>> SaveAsync(int? reviewId, ReviewInput input, RequestActor actor,
        CancellationToken cancellationToken = default)
    {
        ReviewCaseRecord? review = null;
        if (reviewId is { } id)
        {
            review = await actor.Scope.Apply(db.ReviewCases, r => r.AgencyId).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
                ?? throw new KeyNotFoundException($"复议诉讼案件 {id} 不存在。");
            if (review.Version != input.Version)
                return Result<ReviewCaseRecord>.Failure(RequestCommands.ConflictField, RequestCommands.ConflictMessage);
        }
        var followed = input.ReviewOfId is { } of
            ? await actor.Scope.Apply(db.ReviewCases.AsNoTracking(), r => r.AgencyId).SingleOrDefaultAsync(r => r.Id == of, cancellationToken)
            : null;
        var requestId = input.RequestId ?? followed?.RequestId;
        var request = requestId is { } rid
            ? await actor.Scope.Apply(db.Requests.AsNoTracking(), r => r.AgencyId).SingleOrDefaultAsync(r => r.Id == rid, cancellationToken)
            : null;
        var agencyId = request?.AgencyId ?? followed?.AgencyId ?? review?.AgencyId ?? actor.AgencyId;
        if (agencyId is not { } agency || !actor.CanHandle(agency))
            return Result<ReviewCaseRecord>.Failure("", "只有本机关的承办人或公开办负责人可以登记复议、诉讼案件。");

        var errors = await CheckAsync(review, input, requestId, request, followed, agency, cancellationToken);
        if (errors.Count > 0)
            return Result<ReviewCaseRecord>.Failure(errors);

        if (review is null)
        {
            review = new ReviewCaseRecord { AgencyId = agency, Subject = "", Authority = "" };
            db.ReviewCases.Add(review);
        }
        review.RequestId = request?.Id;
        review.ReviewOfId = followed?.Id;
        review.Kind = input.Kind;
        review.Subject = Trimmed(input.Subject) ?? followed?.Subject ?? ReviewCases.RequestSubject;
        review.ApplicantName = Trimmed(input.ApplicantName) ?? followed?.ApplicantName ?? request?.ApplicantName;
        review.FiledOn = input.FiledOn!.Value;
        review.CopyReceivedOn = input.CopyReceivedOn;
        review.AnsweredOn = input.AnsweredOn;
        review.Authority = input.Authority.Trim();
        review.CaseNumber = Trimmed(input.CaseNumber);
        review.Result = input.Result;
        review.ConcludedOn = input.ConcludedOn;
        review.Notes = Trimmed(input.Notes);
        review.Version++;
        review.UpdatedAt = clock.UtcNow;
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<ReviewCaseRecord>.Failure(RequestCommands.ConflictField, RequestCommands.ConflictMessage);
        }
        var about = request is null ? $"“{review.Subject}”" : $"申请 {request.Number}";
        audit.Record(actor.Audit, AuditAction.ReviewRecorded, "ReviewCase", review.Id.ToString(CultureInfo.InvariantCulture),
            $"{about}：{(reviewId is null ? "登记" : "更新")}{ReviewCases.Label(input.Kind)}{(review.CaseNumber is { } n ? $"（{n}）" : "")}，{ReviewCases.Label(input.Result)}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<ReviewCaseRecord>.Success(review);
    }

    private async Task<List<FieldError>> CheckAsync(ReviewCaseRecord? review, ReviewInput input, int? requestId, InformationRequest? request,
        ReviewCaseRecord? followed, int agency, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (requestId is not null && request is null)
            errors.Add(new(nameof(input.RequestId), "找不到所选的申请。"));
        if (input.ReviewOfId is not null && followed is null)
            errors.Add(new(nameof(input.ReviewOfId), "找不到所关联的行政复议案件。"));
        if (review is not null && review.AgencyId != agency)
            errors.Add(new(nameof(input.RequestId), "案件不能改为其他机关的案件。"));
        if (followed is not null && followed.AgencyId != agency)
            errors.Add(new(nameof(input.ReviewOfId), "所关联的行政复议案件应为本机关的案件。"));
        if (!Enum.IsDefined(input.Kind))
            errors.Add(new(nameof(input.Kind), "请选择类型。"));
        if (!Enum.IsDefined(input.Result))
            errors.Add(new(nameof(input.Result), "请选择结果。"));
        if (input.FiledOn is not { } filed)
            errors.Add(new(nameof(input.FiledOn), "请填写申请复议或起诉的日期。"));
        else
        {
            foreach (var (field, date) in new[] { (nameof(input.FiledOn), input.FiledOn), (nameof(input.CopyReceivedOn), input.CopyReceivedOn),
                         (nameof(input.AnsweredOn), input.AnsweredOn), (nameof(input.ConcludedOn), input.ConcludedOn) })
            {
                if (date > clock.Today)
                    errors.Add(new(field, "日期不能晚于今天。"));
            }
            if (ReviewCases.Problem(new ReviewCase(input.Kind, filed, input.Result, input.ConcludedOn)) is { } problem)
                errors.Add(new(nameof(input.ConcludedOn), problem + "。"));
            if (ReviewCases.AnswerProblem(input.Kind, filed, input.CopyReceivedOn, input.AnsweredOn) is { } answer)
                errors.Add(new(input.CopyReceivedOn is null ? nameof(input.CopyReceivedOn) : nameof(input.AnsweredOn), answer + "。"));
            if (followed is not null && ReviewCases.FollowProblem(input.Kind, filed, followed.Kind, followed.FiledOn) is { } follow)
                errors.Add(new(nameof(input.ReviewOfId), follow + "。"));
        }
        if (request is null && followed is null && string.IsNullOrWhiteSpace(input.Subject))
            errors.Add(new(nameof(input.Subject), "未关联申请的案件，请填写事由（如“未依法主动公开……”）。"));
        if (input.Subject?.Trim().Length > 500)
            errors.Add(new(nameof(input.Subject), "事由不能超过500个字。"));
        if (input.ApplicantName?.Trim().Length > 200)
            errors.Add(new(nameof(input.ApplicantName), $"{ReviewCases.ApplicantLabel(input.Kind)}不能超过200个字。"));
        if (input.Authority.Trim().Length is 0 or > 200)
            errors.Add(new(nameof(input.Authority), "请填写复议机关或人民法院（不超过200个字）。"));
        if (input.CaseNumber?.Trim().Length > 100)
            errors.Add(new(nameof(input.CaseNumber), "案号不能超过100个字。"));
        if (input.Notes?.Trim().Length > 2000)
            errors.Add(new(nameof(input.Notes), "备注不能超过2000个字。"));
        if (review is not null && input.Kind != ReviewKind.Review && review.Kind == ReviewKind.Review
            && await db.ReviewCases.AnyAsync(r => r.ReviewOfId == review.Id, cancellationToken))
            errors.Add(new(nameof(input.Kind), "已有复议后起诉的案件关联此行政复议案件，不能改为行政诉讼。"));
        return errors;
    }

    private async Task<IReadOnlyList<ReviewCaseView>> ViewsAsync(IReadOnlyList<ReviewCaseRecord> cases, CancellationToken cancellationToken)
    {
        if (cases.Count == 0)
            return [];
        var agencyIds = cases.Select(c => c.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var requestIds = cases.Where(c => c.RequestId is not null).Select(c => c.RequestId!.Value).Distinct().ToList();
        var requests = await db.Requests.AsNoTracking().Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var ids = cases.Select(c => c.Id).ToList();
        var linkedIds = cases.Where(c => c.ReviewOfId is not null).Select(c => c.ReviewOfId!.Value).ToList();
        var linked = await db.ReviewCases.AsNoTracking().Where(r => linkedIds.Contains(r.Id) || (r.ReviewOfId != null && ids.Contains(r.ReviewOfId.Value)))
            .ToListAsync(cancellationToken);
        var views = new List<ReviewCaseView>();
        foreach (var c in cases)
        {
            ReviewAnswerDue? due = c.CopyReceivedOn is { } copy
                ? ReviewDeadlines.AnswerDue(c.Kind, copy, await calendars.ForAgencyAsync(c.AgencyId, cancellationToken))
                : null;
            views.Add(new ReviewCaseView(c, agencies[c.AgencyId], c.RequestId is { } r ? requests.GetValueOrDefault(r) : null,
                linked.Find(l => l.Id == c.ReviewOfId), [.. linked.Where(l => l.ReviewOfId == c.Id).OrderBy(l => l.FiledOn)], due));
        }
        return views;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
