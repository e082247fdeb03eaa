using System.Globalization;
using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Storage;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Requests;

/// <summary>
/// Everything staff and applicants do to an existing request. Each command checks the version the
/// person saw, so of two people editing one case neither edit is lost: the second is refused with
/// <see cref="ConflictMessage"/> and redone on the fresh page.
/// </summary>
public sealed class RequestCommands(GongkaiDbContext db, RequestLedger ledger, RequestIntake intake, LetterService letters, AuditLog audit, OfficeClock clock)
{
    public const string ConflictField = "Version";
    public const string ConflictMessage = "此申请已被他人更新，请刷新后再操作。";

    /// <summary>Takes a step of <see cref="RequestStep"/>, with files for the reply (公开的信息) or the office's records.</summary>
    public async Task<Result<RequestEventRecord>> PerformAsync(int requestId, StepInput input, RequestActor actor, IReadOnlyList<Upload> uploads,
        CancellationToken cancellationToken = default)
    {
        var request = await FindAsync(requestId, actor, cancellationToken);
        if (Refusal(request, actor, input.Version) is { } refused)
            return Result<RequestEventRecord>.Failure([refused]);
        if (input.Step == RequestStep.Extend && !actor.IsOfficeHeadOf(request.AgencyId))
            return Result<RequestEventRecord>.Failure("", "延期答复须经公开办负责人同意：请由公开办负责人办理，承办人可以“提请延期”。");
        if (input.Step == RequestStep.Transfer && await TransferTargetAsync(request, input, cancellationToken) is { } noTarget)
            return Result<RequestEventRecord>.Failure([noTarget]);
        var built = StepEvents.From(input, request, actor.Audit.Name, await PerRequestOrdinalAsync(request, cancellationToken),
            await ledger.RulesAsync(request.AgencyId, cancellationToken));
        if (built.Value is not { } step)
            return Result<RequestEventRecord>.Failure(built.Errors);
        if (await letters.SignOffRefusalAsync(request.AgencyId, step, cancellationToken) is { } unsigned)
            return Result<RequestEventRecord>.Failure([unsigned]);

        return await ConcurrentlyAsync(async () =>
        {
            await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
            string? linkedCode = null;
            if (input.Step == RequestStep.Transfer && request.CompetentAgencyId is { } target)
            {
                var copy = intake.TransferCopy(request, target, step.Date);
                db.Requests.Add(copy);
                await db.SaveChangesAsync(cancellationToken);
                linkedCode = copy.TrackingCode;
                audit.Record(actor.Audit, AuditAction.RequestRegistered, "Request", Id(copy),
                    $"申请 {request.Number} 转送“{request.CompetentAgencyName}”，形成申请 {copy.Number}");
            }
            var appended = await ledger.AppendAsync(request, step, actor.Audit, linkedCode, cancellationToken);
            if (!appended.Succeeded)
                return appended;
            if (step is Extended)
                (request.ExtensionRequestedDays, request.ExtensionReason, request.ExtensionRequestedBy) = (null, null, null);
            var kind = step is Decided ? AttachmentKind.Disclosed : AttachmentKind.OfficeRecord;
            if (await intake.AttachAsync(request, [.. uploads.Select(u => u with { Kind = kind })], actor.Audit, cancellationToken) is { } badFile)
                return Result<RequestEventRecord>.Failure([badFile]);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return appended;
        });
    }

    /// <summary>Office heads assign any handler of the agency; a handler may take an unassigned request.</summary>
    public async Task<Result<InformationRequest>> AssignAsync(int requestId, Guid? assigneeId, int version, RequestActor actor,
        CancellationToken cancellationToken = default)
    {
        var request = await FindAsync(requestId, actor, cancellationToken);
        if (Refusal(request, actor, version) is { } refused)
            return Result<InformationRequest>.Failure([refused]);
        if (request.AssigneeId == assigneeId)
            return Result<InformationRequest>.Success(request);
        var head = actor.IsOfficeHeadOf(request.AgencyId);
        if (!head && (assigneeId != actor.Audit.Id || request.AssigneeId is not null))
            return Result<InformationRequest>.Failure("AssigneeId", "承办人只能承办尚未分配的申请；分配或改派请由公开办负责人办理。");
        string assigneeName = "（无）";
        if (assigneeId is { } id)
        {
            var candidates = await HandlersAsync(request.AgencyId, cancellationToken);
            if (candidates.FirstOrDefault(c => c.Id == id) is not { } person)
                return Result<InformationRequest>.Failure("AssigneeId", "只能分配给本机关的承办人或公开办负责人。");
            assigneeName = person.DisplayName;
        }
        return await ConcurrentlyAsync(async () =>
        {
            request.AssigneeId = assigneeId;
            Touch(request);
            audit.Record(actor.Audit, AuditAction.RequestAssigned, "Request", Id(request), $"申请 {request.Number} 由 {assigneeName} 承办");
            await db.SaveChangesAsync(cancellationToken);
            return Result<InformationRequest>.Success(request);
        });
    }

    /// <summary>A handler asks the office head to extend (条例第三十三条第二款); the head then takes the 延期 step or declines.</summary>
    public async Task<Result<InformationRequest>> AskExtensionAsync(int requestId, int version, int? workingDays, string? reason, RequestActor actor,
        CancellationToken cancellationToken = default)
    {
        var request = await FindAsync(requestId, actor, cancellationToken);
        if (Refusal(request, actor, version) is { } refused)
            return Result<InformationRequest>.Failure([refused]);
        if (request.Status != RequestStatus.Processing)
            return Result<InformationRequest>.Failure("", $"当前状态为“{RequestStatuses.Label(request.Status)}”，不能提请延期。");
        if (workingDays is not (>= 1 and <= RequestClock.MaxExtensionWorkingDays))
            return Result<InformationRequest>.Failure("WorkingDays", "延长的期限为1至20个工作日。");
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 1000)
            return Result<InformationRequest>.Failure("Reason", "请写明延期的理由（不超过1000个字）。");
        return await ConcurrentlyAsync(async () =>
        {
            request.ExtensionRequestedDays = workingDays;
            request.ExtensionReason = reason.Trim();
            request.ExtensionRequestedBy = Truncate(actor.Audit.Name, 100);
            Touch(request);
            audit.Record(actor.Audit, AuditAction.RequestExtensionAsked, "Request", Id(request),
                $"申请 {request.Number} 提请延期{workingDays}个工作日，待公开办负责人审批");
            await db.SaveChangesAsync(cancellationToken);
            return Result<InformationRequest>.Success(request);
        });
    }

    public async Task<Result<InformationRequest>> DeclineExtensionAsync(int requestId, int version, RequestActor actor,
        CancellationToken cancellationToken = default)
    {
        var request = await FindAsync(requestId, actor, cancellationToken);
        if (Refusal(request, actor, version) is { } refused)
            return Result<InformationRequest>.Failure([refused]);
        if (!actor.IsOfficeHeadOf(request.AgencyId))
            return Result<InformationRequest>.Failure("", "只有公开办负责人可以审批延期。");
        return await ConcurrentlyAsync(async () =>
        {
            (request.ExtensionRequestedDays, request.ExtensionReason, request.ExtensionRequestedBy) = (null, null, null);
            Touch(request);
            audit.Record(actor.Audit, AuditAction.RequestExtensionAsked, "Request", Id(request), $"申请 {request.Number} 的延期请求未获同意");
            await db.SaveChangesAsync(cancellationToken);
            return Result<InformationRequest>.Success(request);
        });
    }

    /// <summary>A message from the office to the applicant. Messages only add, so they need no version.</summary>
    public async Task<Result<RequestMessage>> PostMessageAsync(int requestId, string body, RequestActor actor, CancellationToken cancellationToken = default)
    {
        var request = await FindAsync(requestId, actor, cancellationToken);
        if (!actor.CanHandle(request.AgencyId))
            return Result<RequestMessage>.Failure("", "只有本机关的承办人或公开办负责人可以给申请人留言。");
        return await AddMessageAsync(request, body, fromApplicant: false, actor.Audit, cancellationToken);
    }

    /// <summary>Files added to the case after the fact: information for the applicant, or the office's records.</summary>
    public async Task<Result<InformationRequest>> AttachAsync(int requestId, IReadOnlyList<Upload> uploads, RequestActor actor,
        CancellationToken cancellationToken = default)
    {
        var request = await FindAsync(requestId, actor, cancellationToken);
        if (!actor.CanHandle(request.AgencyId))
            return Result<InformationRequest>.Failure("", "只有本机关的承办人或公开办负责人可以上传材料。");
        if (uploads.Count == 0)
            return Result<InformationRequest>.Failure("File", "请选择要上传的文件。");
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        if (await intake.AttachAsync(request, uploads, actor.Audit, cancellationToken) is { } refused)
            return Result<InformationRequest>.Failure([refused]);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<InformationRequest>.Success(request);
    }

    /// <summary>
    /// The applicant's 补正 through the tracking page or their account: the text and files, received
    /// today, so the 20 working days run anew from today (条例第三十条、第三十一条第三项).
    /// </summary>
    public async Task<Result<RequestEventRecord>> ApplicantCorrectAsync(int requestId, string? text, IReadOnlyList<Upload> uploads, AuditActor actor,
        CancellationToken cancellationToken = default)
    {
        var request = await db.Requests.SingleAsync(r => r.Id == requestId, cancellationToken);
        text = text?.Trim() ?? "";
        if (text.Length == 0 && uploads.Count == 0)
            return Result<RequestEventRecord>.Failure("Text", "请填写补正内容或上传补正材料。");
        if (text.Length > 5000)
            return Result<RequestEventRecord>.Failure("Text", "补正内容不能超过5000个字。");
        if (uploads.Count > RequestValidation.MaxUploads)
            return Result<RequestEventRecord>.Failure("File", $"补正材料最多{RequestValidation.MaxUploads}个文件。");
        return await ConcurrentlyAsync(async () =>
        {
            await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
            var appended = await ledger.AppendAsync(request, new CorrectionReceived(clock.Today), actor, null, cancellationToken);
            if (!appended.Succeeded)
                return appended;
            if (text.Length > 0)
                AddMessage(request, "补正：" + text, fromApplicant: true, actor);
            if (await intake.AttachAsync(request, [.. uploads.Select(u => u with { Kind = AttachmentKind.Correction })], actor, cancellationToken) is { } refused)
                return Result<RequestEventRecord>.Failure([refused]);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return appended;
        });
    }

    /// <summary>
    /// The applicant explains online why so many requests (条例第三十五条), received today; the office
    /// then judges the reasons. Their text goes into the history and the messages.
    /// </summary>
    public async Task<Result<RequestEventRecord>> ApplicantExplainAsync(int requestId, string? text, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var request = await db.Requests.SingleAsync(r => r.Id == requestId, cancellationToken);
        text = text?.Trim() ?? "";
        if (text.Length is 0 or > 5000)
            return Result<RequestEventRecord>.Failure("Reasons", "请填写申请理由（不超过5000个字）。");
        return await ConcurrentlyAsync(async () =>
        {
            await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
            var appended = await ledger.AppendAsync(request, new ReasonsReceived(clock.Today, text), actor, null, cancellationToken);
            if (!appended.Succeeded)
                return appended;
            AddMessage(request, "说明理由：" + text, fromApplicant: true, actor);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return appended;
        });
    }

    /// <summary>The applicant withdraws the request online; it closes as 其他处理 (before receipt: not counted at all).</summary>
    public async Task<Result<RequestEventRecord>> ApplicantWithdrawAsync(int requestId, string? reason, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var request = await db.Requests.SingleAsync(r => r.Id == requestId, cancellationToken);
        var why = string.IsNullOrWhiteSpace(reason) ? "申请人在线撤回申请" : "申请人在线撤回申请：" + Truncate(reason.Trim(), 500);
        return await ConcurrentlyAsync(async () =>
        {
            await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
            var appended = await ledger.AppendAsync(request, new Withdrawn(clock.Today, why), actor, null, cancellationToken);
            if (appended.Succeeded)
                await transaction.CommitAsync(cancellationToken);
            return appended;
        });
    }

    /// <summary>
    /// 电子送达: an applicant who chose to get the information online (在线获取) opens a letter addressed
    /// to them on the platform; that day is its receipt, recorded once. Anything else leaves the case as it is.
    /// </summary>
    public async Task ApplicantOpenedLetterAsync(int requestId, int letterId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var request = await db.Requests.SingleAsync(r => r.Id == requestId, cancellationToken);
        if (request.DeliveryForm != DeliveryForm.Electronic)
            return;
        var step = await (from l in db.RequestLetters
                          join e in db.RequestEvents on l.EventId equals e.Id
                          where l.Id == letterId && l.RequestId == requestId && l.ForApplicant
                          select (int?)e.Sequence).SingleOrDefaultAsync(cancellationToken);
        if (step is not { } of)
            return;
        var requestClock = await ledger.ClockAsync(request, await ledger.HistoryAsync(requestId, cancellationToken), cancellationToken);
        if (!requestClock.AwaitingDelivery.Any(a => a.Step == of && a.Party is null))
            return;
        await ConcurrentlyAsync(async () =>
        {
            await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
            var appended = await ledger.AppendAsync(request, new Delivered(clock.Today, "申请人在平台查阅（电子送达）", of, DeliveryChannel.Electronic), actor, null, cancellationToken);
            if (appended.Succeeded)
                await transaction.CommitAsync(cancellationToken);
            return appended;
        });
    }

    public async Task<Result<RequestMessage>> ApplicantMessageAsync(int requestId, string body, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var request = await db.Requests.SingleAsync(r => r.Id == requestId, cancellationToken);
        return await AddMessageAsync(request, body, fromApplicant: true, actor, cancellationToken);
    }

    /// <summary>The people who may handle the agency's requests.</summary>
    public async Task<IReadOnlyList<User>> HandlersAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        var roleIds = await db.Roles.Where(r => r.Name == Roles.Handler || r.Name == Roles.OfficeHead).Select(r => r.Id).ToListAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.AgencyId == agencyId && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
    }

    private async Task<Result<RequestMessage>> AddMessageAsync(InformationRequest request, string body, bool fromApplicant, AuditActor actor,
        CancellationToken cancellationToken)
    {
        body = body.Trim();
        if (body.Length is 0 or > 2000)
            return Result<RequestMessage>.Failure("Body", "请填写留言内容（不超过2000个字）。");
        var message = AddMessage(request, body, fromApplicant, actor);
        audit.Record(actor, AuditAction.RequestMessagePosted, "Request", Id(request),
            $"申请 {request.Number}：{(fromApplicant ? "申请人留言" : "受理机构给申请人留言")}");
        await db.SaveChangesAsync(cancellationToken);
        return Result<RequestMessage>.Success(message);
    }

    private RequestMessage AddMessage(InformationRequest request, string body, bool fromApplicant, AuditActor actor)
    {
        var message = new RequestMessage
        {
            RequestId = request.Id, FromApplicant = fromApplicant, AuthorName = Truncate(actor.Name, 200), Body = body, CreatedAt = clock.UtcNow,
        };
        db.RequestMessages.Add(message);
        return message;
    }

    /// <summary>The competent agency of a transfer: one in the system (a linked request opens there) or one named.</summary>
    private async Task<FieldError?> TransferTargetAsync(InformationRequest request, StepInput input, CancellationToken cancellationToken)
    {
        if (input.CompetentAgencyId is { } id)
        {
            if (id == request.AgencyId)
                return new(nameof(input.CompetentAgencyId), "有权机关不能是本机关。");
            var name = await db.Agencies.Where(a => a.Id == id).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);
            if (name is null)
                return new(nameof(input.CompetentAgencyId), "所选机关不存在。");
            (request.CompetentAgencyId, request.CompetentAgencyName) = (id, name);
            return null;
        }
        var named = input.CompetentAgencyName?.Trim() ?? "";
        if (named.Length is 0 or > 200)
            return new(nameof(input.CompetentAgencyName), "请选择或填写负责公开该信息的机关。");
        (request.CompetentAgencyId, request.CompetentAgencyName) = (null, named);
        return null;
    }

    /// <summary>按件计收: the request's place among the applicant's requests to this agency in its month of receipt.</summary>
    public async Task<int> PerRequestOrdinalAsync(InformationRequest request, CancellationToken cancellationToken)
    {
        if (request.ReceivedOn is not { } received)
            return 1;
        var first = new DateOnly(received.Year, received.Month, 1);
        var earlier = await db.Requests.AsNoTracking()
            .Where(r => r.AgencyId == request.AgencyId && r.Id != request.Id
                && (r.ContactKey == request.ContactKey || (request.IdentityKey != null && r.IdentityKey == request.IdentityKey))
                && r.ReceivedOn >= first && r.ReceivedOn <= received)
            .Select(r => new { r.Id, ReceivedOn = r.ReceivedOn!.Value })
            .ToListAsync(cancellationToken);
        return Fees.OrdinalInMonth(received, earlier.Where(r => r.ReceivedOn < received || r.Id < request.Id).Select(r => r.ReceivedOn));
    }

    private async Task<InformationRequest> FindAsync(int requestId, RequestActor actor, CancellationToken cancellationToken) =>
        await actor.Scope.Apply(db.Requests, r => r.AgencyId).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new KeyNotFoundException($"申请 {requestId} 不存在。");

    private static FieldError? Refusal(InformationRequest request, RequestActor actor, int version) =>
        request.IsImported ? new FieldError("", RequestLedger.ImportedRefusal)
        : !actor.CanHandle(request.AgencyId) ? new FieldError("", "只有本机关的承办人或公开办负责人可以办理此申请。")
        : version != request.Version ? new FieldError(ConflictField, ConflictMessage)
        : null;

    private void Touch(InformationRequest request)
    {
        request.Version++;
        request.UpdatedAt = clock.UtcNow;
    }

    /// <summary>Runs a change; if someone else changed the request meanwhile, nothing of this one is kept and the person is told.</summary>
    private async Task<Result<T>> ConcurrentlyAsync<T>(Func<Task<Result<T>>> change)
    {
        try
        {
            // A refused change leaves nothing tracked behind: the caller reads what was saved.
            var result = await change();
            if (!result.Succeeded) db.ChangeTracker.Clear();
            return result;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || StorageErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Result<T>.Failure(ConflictField, ConflictMessage);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private static string Id(InformationRequest r) => r.Id.ToString(CultureInfo.InvariantCulture);
}
