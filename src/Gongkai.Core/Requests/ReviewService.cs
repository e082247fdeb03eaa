using System.Globalization;
using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Requests;

/// <summary>What staff enter for a review or lawsuit; property names are the form's field names.</summary>
public sealed record ReviewInput
{
    public ReviewKind Kind { get; init; }
    public DateOnly? FiledOn { get; init; }
    public string Authority { get; init; } = "";
    public string? CaseNumber { get; init; }
    public ReviewResult Result { get; init; }
    public DateOnly? ConcludedOn { get; init; }
    public string? Notes { get; init; }
    public int Version { get; init; }
}

/// <summary>
/// 行政复议 and 行政诉讼 records of a request, for table 四. Under the 2023 行政复议法 a refusal to
/// disclose goes to review before a court; the form says so, the record keeps what happened.
/// </summary>
public sealed class ReviewService(GongkaiDbContext db, AuditLog audit, OfficeClock clock)
{
    public async Task<Result<RequestReview>> SaveAsync(int requestId, int? reviewId, ReviewInput input, RequestActor actor,
        CancellationToken cancellationToken = default)
    {
        var request = await actor.Scope.Apply(db.Requests, r => r.AgencyId).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new KeyNotFoundException($"申请 {requestId} 不存在。");
        if (!actor.CanHandle(request.AgencyId))
            return Result<RequestReview>.Failure("", "只有本机关的承办人或公开办负责人可以登记复议、诉讼情况。");
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(input.Kind))
            errors.Add(new(nameof(input.Kind), "请选择类型。"));
        if (!Enum.IsDefined(input.Result))
            errors.Add(new(nameof(input.Result), "请选择结果。"));
        if (input.FiledOn is not { } filed)
            errors.Add(new(nameof(input.FiledOn), "请填写申请复议或起诉的日期。"));
        else if (filed > clock.Today || input.ConcludedOn > clock.Today)
            errors.Add(new(nameof(input.FiledOn), "日期不能晚于今天。"));
        else if (ReviewCases.Problem(new ReviewCase(input.Kind, filed, input.Result, input.ConcludedOn)) is { } problem)
            errors.Add(new(nameof(input.ConcludedOn), problem + "。"));
        if (input.Authority.Trim().Length is 0 or > 200)
            errors.Add(new(nameof(input.Authority), "请填写复议机关或人民法院（不超过200个字）。"));
        if (input.CaseNumber?.Trim().Length > 100)
            errors.Add(new(nameof(input.CaseNumber), "案号不能超过100个字。"));
        if (input.Notes?.Trim().Length > 2000)
            errors.Add(new(nameof(input.Notes), "备注不能超过2000个字。"));
        if (errors.Count > 0)
            return Result<RequestReview>.Failure(errors);

        RequestReview review;
        if (reviewId is { } id)
        {
            review = await db.RequestReviews.SingleOrDefaultAsync(r => r.Id == id && r.RequestId == requestId, cancellationToken)
                ?? throw new KeyNotFoundException($"复议诉讼记录 {id} 不存在。");
            if (review.Version != input.Version)
                return Result<RequestReview>.Failure(RequestCommands.ConflictField, RequestCommands.ConflictMessage);
        }
        else
        {
            review = new RequestReview { RequestId = requestId, AgencyId = request.AgencyId, Authority = "" };
            db.RequestReviews.Add(review);
        }
        review.Kind = input.Kind;
        review.FiledOn = input.FiledOn!.Value;
        review.Authority = input.Authority.Trim();
        review.CaseNumber = string.IsNullOrWhiteSpace(input.CaseNumber) ? null : input.CaseNumber.Trim();
        review.Result = input.Result;
        review.ConcludedOn = input.ConcludedOn;
        review.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        review.Version++;
        review.UpdatedAt = clock.UtcNow;
        audit.Record(actor.Audit, AuditAction.ReviewRecorded, "Request", request.Id.ToString(CultureInfo.InvariantCulture),
            $"申请 {request.Number}：{(reviewId is null ? "登记" : "更新")}{ReviewCases.Label(input.Kind)}，{ReviewCases.Label(input.Result)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<RequestReview>.Failure(RequestCommands.ConflictField, RequestCommands.ConflictMessage);
        }
        return Result<RequestReview>.Success(review);
    }
}
