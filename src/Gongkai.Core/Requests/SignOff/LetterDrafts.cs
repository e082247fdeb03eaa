using System.Globalization;
using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Storage;
using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Requests.SignOff;

/// <summary>
/// The office's sign-off chain (承办 → 审核 → 法制审核 → 签发) for the letters of an agency that has it
/// on. The handler drafts a step that issues a letter: the step is tried as it would be taken today
/// (every rule of <see cref="RequestCommands.PerformAsync"/>, then undone) and kept with the letter's
/// text for the handler to edit. Each stage approves or returns the draft with a comment; at 签发 the
/// step is taken through <see cref="RequestCommands.PerformAsync"/>, dated the day of 签发, and the
/// letter issued with the draft's text, its number and its verification code, in one transaction.
/// Every action is a line of the draft's history and of the audit log.
/// </summary>
public sealed class LetterDrafts(GongkaiDbContext db, RequestCommands commands, LetterService letters, RequestRulesStore rules, FileStore files, AuditLog audit,
    OfficeClock clock)
{
    public const string ConflictMessage = "此文书已被他人处理，请刷新后再操作。";

    /// <summary>The agency's sign-off chain (<see cref="SignOffChain.Off"/> when it has none).</summary>
    public Task<SignOffChain> ChainAsync(int agencyId, CancellationToken cancellationToken = default) =>
        LetterSettings.ChainOfAsync(db, agencyId, cancellationToken);

    /// <summary>
    /// Whether the agency's chain drafts this kind of step (before anything is entered): every step
    /// that always issues a letter other than the 登记回执 (a decision, closing or transfer issues the
    /// 答复书). The form says so and takes no date: the step is dated the day of 签发. (Recording the
    /// applicant's reasons issues a letter only with a longer period; that form keeps its date.)
    /// </summary>
    public async Task<bool> DraftsStepAsync(int agencyId, RequestStep step, CancellationToken cancellationToken = default) =>
        step is RequestStep.RequestCorrection or RequestStep.StartConsultation or RequestStep.Extend or RequestStep.NotifyFee
            or RequestStep.RequestReasons or RequestStep.Decide or RequestStep.CloseForNoCorrection or RequestStep.CloseForNonPayment
            or RequestStep.Transfer
        && (await LetterSettings.ChainOfAsync(db, agencyId, cancellationToken)).Enabled;

    /// <summary>
    /// Whether the step, as entered, issues a letter the agency's chain signs off, so it is to be
    /// drafted rather than taken. An input the step would refuse gives false: taking it reports why.
    /// </summary>
    public async Task<bool> NeedsSignOffAsync(int requestId, StepInput input, RequestActor actor, CancellationToken cancellationToken = default)
    {
        var request = await actor.Scope.Apply(db.Requests.AsNoTracking(), r => r.AgencyId).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || !(await LetterSettings.ChainOfAsync(db, request.AgencyId, cancellationToken)).Enabled)
            return false;
        var built = StepEvents.From(input with { Date = clock.Today }, request, actor.Audit.Name, await commands.PerRequestOrdinalAsync(request, cancellationToken),
            await rules.ForAgencyAsync(request.AgencyId, cancellationToken));
        return built.Value is { } step && LetterKinds.For(step) is { } kind && LetterKinds.IsSignedOff(kind);
    }

    /// <summary>承办: drafts the step's letter. Refused with the step's own errors if the step could not be taken today.</summary>
    public async Task<Result<LetterDraft>> DraftAsync(int requestId, StepInput input, RequestActor actor, IReadOnlyList<Upload> uploads,
        CancellationToken cancellationToken = default)
    {
        var request = await RequestAsync(requestId, actor, cancellationToken);
        if (!actor.CanHandle(request.AgencyId))
            return Result<LetterDraft>.Failure("", "只有本机关的承办人或公开办负责人可以起草文书。");
        input = input with { Date = clock.Today };
        var tried = await TryAsync(request.Id, input, actor, cancellationToken);
        if (tried.Value is not { } trial)
            return Result<LetterDraft>.Failure(tried.Errors);

        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var draft = new LetterDraft
        {
            RequestId = request.Id, AgencyId = request.AgencyId, Step = input.Step, Input = LetterDraft.Write(input with { Version = 0 }),
            Summary = "", Title = "", Addressee = "", BaseBody = "", Body = "",
            Stage = SignOffStage.Drafting, DraftedById = actor.Audit.Id, DraftedByName = Name(actor.Audit),
            CreatedAt = clock.UtcNow, UpdatedAt = clock.UtcNow, Version = 1,
        };
        Apply(draft, trial);
        db.LetterDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var upload in uploads)
        {
            var stored = await files.AddAsync(upload.Content, upload.FileName, RequestIntake.ApplicantFileKinds, actor.Audit, cancellationToken);
            if (stored.Value is not { } file)
                return Result<LetterDraft>.Failure("Files", $"“{upload.FileName}”：{stored.Errors[0].Message}");
            db.LetterDraftFiles.Add(new LetterDraftFile { DraftId = draft.Id, FileId = file.Id });
        }
        Record(draft, SignOffAction.Drafted, null, actor, AuditAction.LetterDrafted, $"起草{draft.Title}（{draft.Summary}）", request.Number);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<LetterDraft>.Success(draft);
    }

    /// <summary>承办: keeps the handler's text.</summary>
    public Task<Result<LetterDraft>> SaveAsync(int draftId, int version, string? body, RequestActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(draftId, version, actor, [SignOffStage.Drafting], cancellationToken, (draft, _, _) =>
        {
            if (Edit(draft, body) is { } refused)
                return refused;
            draft.Body = LetterText.Normalize(body);
            return null;
        });

    /// <summary>承办: keeps the text and sends the draft to its first stage (审核, 法制审核 or 签发).</summary>
    public Task<Result<LetterDraft>> SubmitAsync(int draftId, int version, string? body, RequestActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(draftId, version, actor, [SignOffStage.Drafting], cancellationToken, (draft, chain, number) =>
        {
            if (body is not null && Edit(draft, body) is { } refused)
                return refused;
            if (body is not null)
                draft.Body = LetterText.Normalize(body);
            draft.Stage = chain.Next(SignOffStage.Drafting, draft.IsRefusal);
            Record(draft, SignOffAction.Submitted, null, actor, AuditAction.LetterSubmitted,
                $"提交{draft.Title}，待{SignOffChain.Label(draft.Stage)}", number, SignOffStage.Drafting);
            return null;
        });

    /// <summary>审核 or 法制审核 approves: the draft goes on to its next stage.</summary>
    public Task<Result<LetterDraft>> ApproveAsync(int draftId, int version, string? comment, RequestActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(draftId, version, actor, [SignOffStage.Review, SignOffStage.LegalReview], cancellationToken, (draft, chain, number) =>
        {
            if (Comment(comment, required: false) is { } refused)
                return refused;
            var stage = draft.Stage;
            draft.Stage = chain.Next(stage, draft.IsRefusal);
            Record(draft, SignOffAction.Approved, comment, actor, AuditAction.LetterApproved,
                $"{SignOffChain.Label(stage)}通过{draft.Title}，待{SignOffChain.Label(draft.Stage)}", number, stage);
            return null;
        });

    /// <summary>Any stage returns the draft to the handler, saying why.</summary>
    public Task<Result<LetterDraft>> ReturnAsync(int draftId, int version, string? comment, RequestActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(draftId, version, actor, [SignOffStage.Review, SignOffStage.LegalReview, SignOffStage.SignOff], cancellationToken, (draft, _, number) =>
        {
            if (Comment(comment, required: true) is { } refused)
                return refused;
            var stage = draft.Stage;
            draft.Stage = SignOffStage.Drafting;
            Record(draft, SignOffAction.Returned, comment, actor, AuditAction.LetterReturned,
                $"{SignOffChain.Label(stage)}退回{draft.Title}：{comment!.Trim()}", number, stage);
            return null;
        });

    /// <summary>承办 drops a draft (the case went another way); nothing is issued.</summary>
    public Task<Result<LetterDraft>> WithdrawAsync(int draftId, int version, string? reason, RequestActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(draftId, version, actor, [SignOffStage.Drafting], cancellationToken, (draft, _, number) =>
        {
            if (Comment(reason, required: true) is { } refused)
                return refused with { Message = "请写明撤销的理由。" };
            draft.Stage = SignOffStage.Withdrawn;
            Record(draft, SignOffAction.Withdrawn, reason, actor, AuditAction.LetterDraftWithdrawn, $"撤销{draft.Title}草稿：{reason!.Trim()}", number, SignOffStage.Drafting);
            return null;
        });

    /// <summary>承办: the letter generated afresh as the step would give it today (the handler's edits are dropped).</summary>
    public async Task<Result<LetterDraft>> RegenerateAsync(int draftId, int version, RequestActor actor, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(draftId, actor, cancellationToken) ?? throw new KeyNotFoundException($"文书草稿 {draftId} 不存在。");
        var version0 = await db.Requests.Where(r => r.Id == found.Draft.RequestId).Select(r => r.Version).SingleAsync(cancellationToken);
        var tried = await TryAsync(found.Draft.RequestId, found.Draft.StepInput with { Date = clock.Today, Version = version0 }, actor, cancellationToken);
        if (tried.Value is not { } trial)
            return Result<LetterDraft>.Failure(tried.Errors);
        return await ChangeAsync(draftId, version, actor, [SignOffStage.Drafting], cancellationToken, (draft, _, number) =>
        {
            Apply(draft, trial);
            Record(draft, SignOffAction.Drafted, "按今日重新生成文书", actor, AuditAction.LetterDrafted, $"重新生成{draft.Title}", number, SignOffStage.Drafting);
            return null;
        });
    }

    /// <summary>
    /// 签发: takes the drafted step dated today and issues its letter with the draft's text, the next
    /// number of the agency's series and a verification code, all or nothing. The original PDF is
    /// printed afterwards by <see cref="LetterService.PdfAsync"/>, outside the transaction.
    /// </summary>
    public async Task<Result<RequestLetter>> SignOffAsync(int draftId, int version, RequestActor actor, CancellationToken cancellationToken = default)
    {
        if (db.ChangeTracker.HasChanges())
            await db.SaveChangesAsync(cancellationToken);
        await using var work = await UndoableWork.BeginAsync(db, cancellationToken);
        var draft = await LoadAsync(draftId, actor, cancellationToken);
        var chain = await LetterSettings.ChainOfAsync(db, draft.AgencyId, cancellationToken);
        if (Refusal(draft, version, [SignOffStage.SignOff], chain, actor) is { } refused)
            return Result<RequestLetter>.Failure([refused]);
        var requestVersion = await db.Requests.Where(r => r.Id == draft.RequestId).Select(r => r.Version).SingleAsync(cancellationToken);
        var plan = LetterPlan.Signing(draft.BaseBody, draft.Body);
        letters.Plan = plan;
        try
        {
            var performed = await commands.PerformAsync(draft.RequestId, draft.StepInput with { Date = clock.Today, Version = requestVersion }, actor, [], cancellationToken);
            if (performed.Value is not { } step)
                return await UndoAsync<RequestLetter>(work, [.. performed.Errors.Select(e => e with { Message = "不能签发：" + e.Message })], cancellationToken);
            if (plan.Conflict)
                return await UndoAsync<RequestLetter>(work, [new FieldError("", "文书中由系统生成的内容（如日期、期限）自起草以来已经变化，而承办人修改过同一段落：请退回承办人，由其重新生成文书后再修改。")], cancellationToken);
            if (plan.Issued is not { } letter)
                return await UndoAsync<RequestLetter>(work, [new FieldError("", "此步骤已不再生成文书，不能签发：请退回承办人。")], cancellationToken);

            var number = await RequestNumberAsync(draft.RequestId, cancellationToken);
            draft.Stage = SignOffStage.Issued;
            draft.LetterId = letter.Id;
            Touch(draft);
            Record(draft, SignOffAction.SignedOff, "文号 " + letter.Number, actor, AuditAction.LetterSignedOff,
                $"签发{letter.Title}（{letter.Number}）", number, SignOffStage.SignOff);
            var kind = step.ToEvent() is Decided ? AttachmentKind.Disclosed : AttachmentKind.OfficeRecord;
            foreach (var file in await db.LetterDraftFiles.Where(f => f.DraftId == draft.Id).ToListAsync(cancellationToken))
                db.RequestAttachments.Add(new RequestAttachment
                {
                    RequestId = draft.RequestId, FileId = file.FileId, Kind = kind, AddedByName = draft.DraftedByName, AddedAt = clock.UtcNow,
                });
            await db.SaveChangesAsync(cancellationToken);
            await work.CommitAsync(cancellationToken);
            return Result<RequestLetter>.Success(letter);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || StorageErrors.IsUniqueViolation(e))
        {
            return await UndoAsync<RequestLetter>(work, [new FieldError(RequestCommands.ConflictField, ConflictMessage)], cancellationToken);
        }
        finally
        {
            letters.Plan = null;
        }
    }

    /// <summary>A draft with its history and files, for someone who may see its request; null otherwise.</summary>
    public async Task<DraftView?> FindAsync(int draftId, RequestActor actor, CancellationToken cancellationToken = default)
    {
        var draft = await actor.Scope.Apply(db.LetterDrafts.AsNoTracking(), d => d.AgencyId).SingleOrDefaultAsync(d => d.Id == draftId, cancellationToken);
        if (draft is null)
            return null;
        var history = await db.LetterDraftEvents.AsNoTracking().Where(e => e.DraftId == draftId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var attached = await (from f in db.LetterDraftFiles.AsNoTracking()
                              join s in db.StoredFiles.AsNoTracking() on f.FileId equals s.Id
                              where f.DraftId == draftId
                              select s).ToListAsync(cancellationToken);
        var chain = await LetterSettings.ChainOfAsync(db, draft.AgencyId, cancellationToken);
        var letter = draft.LetterId is { } id ? await db.RequestLetters.AsNoTracking().SingleAsync(l => l.Id == id, cancellationToken) : null;
        return new DraftView(draft, await RequestNumberAsync(draft.RequestId, cancellationToken), history, attached, chain, letter,
            chain.Refusal(draft.Stage, Person(draft, actor)) is null);
    }

    /// <summary>The drafts of a request, oldest first, each with its history: the case page's 签发 section.</summary>
    public async Task<IReadOnlyList<(LetterDraft Draft, IReadOnlyList<LetterDraftEvent> History)>> ForRequestAsync(int requestId,
        CancellationToken cancellationToken = default)
    {
        var drafts = await db.LetterDrafts.AsNoTracking().Where(d => d.RequestId == requestId).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var ids = drafts.Select(d => d.Id).ToList();
        var events = await db.LetterDraftEvents.AsNoTracking().Where(e => ids.Contains(e.DraftId)).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return [.. drafts.Select(d => (d, (IReadOnlyList<LetterDraftEvent>)[.. events.Where(e => e.DraftId == d.Id)]))];
    }

    /// <summary>
    /// The drafts waiting for <paramref name="actor"/>: their own drafts to write or revise, and the
    /// drafts of their agency at a stage they may act on (审核, 法制审核, 签发), oldest first.
    /// </summary>
    public async Task<IReadOnlyList<AwaitingDraft>> AwaitingAsync(RequestActor actor, CancellationToken cancellationToken = default)
    {
        if (actor.AgencyId is not { } agencyId)
            return [];
        var open = await db.LetterDrafts.AsNoTracking()
            .Where(d => d.AgencyId == agencyId && d.Stage != SignOffStage.Issued && d.Stage != SignOffStage.Withdrawn)
            .OrderBy(d => d.UpdatedAt).ToListAsync(cancellationToken);
        var chain = await LetterSettings.ChainOfAsync(db, agencyId, cancellationToken);
        var mine = open.Where(d => d.Stage == SignOffStage.Drafting
            ? d.DraftedById == actor.Audit.Id
            : chain.Refusal(d.Stage, Person(d, actor)) is null).ToList();
        var requestIds = mine.Select(d => d.RequestId).Distinct().ToList();
        var requests = await db.Requests.AsNoTracking().Where(r => requestIds.Contains(r.Id)).Select(r => new { r.Id, r.SubmittedAt }).ToListAsync(cancellationToken);
        var draftIds = mine.Select(d => d.Id).ToList();
        var returns = await db.LetterDraftEvents.AsNoTracking().Where(e => draftIds.Contains(e.DraftId) && e.Action == SignOffAction.Returned)
            .OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return [.. mine.Select(d => new AwaitingDraft(d,
            InformationRequest.NumberOf(d.RequestId, requests.Single(r => r.Id == d.RequestId).SubmittedAt),
            d.Stage == SignOffStage.Drafting ? returns.LastOrDefault(e => e.DraftId == d.Id)?.Comment : null))];
    }

    /// <summary>The open drafts of the agency, for everyone of it to see where each letter is.</summary>
    public async Task<IReadOnlyList<LetterDraft>> OpenAsync(int agencyId, CancellationToken cancellationToken = default) =>
        await db.LetterDrafts.AsNoTracking()
            .Where(d => d.AgencyId == agencyId && d.Stage != SignOffStage.Issued && d.Stage != SignOffStage.Withdrawn)
            .OrderBy(d => d.Id).ToListAsync(cancellationToken);

    /// <summary>The 申请编号 of the drafts' requests.</summary>
    public async Task<IReadOnlyDictionary<int, string>> RequestNumbersAsync(IEnumerable<LetterDraft> drafts, CancellationToken cancellationToken = default)
    {
        var ids = drafts.Select(d => d.RequestId).Distinct().ToList();
        return (await db.Requests.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.SubmittedAt }).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id, r => InformationRequest.NumberOf(r.Id, r.SubmittedAt));
    }

    /// <summary>
    /// Tries the step in a unit of work that is always undone, with the letter only composed. The
    /// step is tried as the office head who signs it off will take it (an extension, for one, needs
    /// the head's consent, which 签发 is).
    /// </summary>
    private async Task<Result<Trial>> TryAsync(int requestId, StepInput input, RequestActor actor, CancellationToken cancellationToken)
    {
        // Undoing forgets what is tracked: what the caller has not saved yet must not go with it.
        if (db.ChangeTracker.HasChanges())
            await db.SaveChangesAsync(cancellationToken);
        var signer = actor.Roles.Contains(Roles.OfficeHead) ? actor : actor with { Roles = [.. actor.Roles, Roles.OfficeHead] };
        var plan = LetterPlan.Trial();
        await using var work = await UndoableWork.BeginAsync(db, cancellationToken);
        letters.Plan = plan;
        try
        {
            var performed = await commands.PerformAsync(requestId, input, signer, [], cancellationToken);
            if (performed.Value is not { } record)
                return Result<Trial>.Failure(performed.Errors);
            if (plan.Composed is not { } composed)
                return Result<Trial>.Failure("", "此步骤不生成文书，请直接办理。");
            var step = record.ToEvent();
            return Result<Trial>.Success(new Trial(composed, RequestEventText.Describe(step),
                step is Decided d && SignOffChain.IsRefusal(d.Outcome)));
        }
        finally
        {
            letters.Plan = null;
            await work.UndoAsync(cancellationToken);
        }
    }

    private sealed record Trial(ComposedLetter Letter, string Summary, bool IsRefusal);

    private static void Apply(LetterDraft draft, Trial trial)
    {
        draft.Kind = trial.Letter.Kind;
        draft.Title = trial.Letter.Title;
        draft.Addressee = trial.Letter.Addressee;
        draft.BaseBody = trial.Letter.Body;
        draft.Body = trial.Letter.Body;
        draft.Summary = trial.Summary.Length > 500 ? trial.Summary[..500] : trial.Summary;
        draft.IsRefusal = trial.IsRefusal;
    }

    /// <summary>Loads the draft for a change, checks the stage and the person, applies the change and its history line, saves.</summary>
    private async Task<Result<LetterDraft>> ChangeAsync(int draftId, int version, RequestActor actor, SignOffStage[] stages,
        CancellationToken cancellationToken, Func<LetterDraft, SignOffChain, string, FieldError?> change)
    {
        var draft = await LoadAsync(draftId, actor, cancellationToken);
        var chain = await LetterSettings.ChainOfAsync(db, draft.AgencyId, cancellationToken);
        if (Refusal(draft, version, stages, chain, actor) is { } refused)
            return Result<LetterDraft>.Failure([refused]);
        try
        {
            if (change(draft, chain, await RequestNumberAsync(draft.RequestId, cancellationToken)) is { } invalid)
                return Result<LetterDraft>.Failure([invalid]);
            Touch(draft);
            await db.SaveChangesAsync(cancellationToken);
            return Result<LetterDraft>.Success(draft);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<LetterDraft>.Failure(RequestCommands.ConflictField, ConflictMessage);
        }
    }

    private FieldError? Refusal(LetterDraft draft, int version, SignOffStage[] stages, SignOffChain chain, RequestActor actor)
    {
        if (draft.Version != version)
            return new FieldError(RequestCommands.ConflictField, ConflictMessage);
        if (!stages.Contains(draft.Stage))
            return new FieldError("", $"文书当前在“{SignOffChain.Label(draft.Stage)}”环节，不能这样办理。");
        return chain.Refusal(draft.Stage, Person(draft, actor)) is { } message ? new FieldError("", message) : null;
    }

    private static SignOffPerson Person(LetterDraft draft, RequestActor actor) => new(
        IsDrafter: draft.DraftedById == actor.Audit.Id,
        CanHandle: actor.CanHandle(draft.AgencyId),
        IsOfficeHead: actor.IsOfficeHeadOf(draft.AgencyId),
        IsLegalReviewer: actor.IsLegalReviewerOf(draft.AgencyId));

    private static FieldError? Edit(LetterDraft draft, string? body)
    {
        var text = LetterText.Normalize(body);
        if (text.Length == 0)
            return new FieldError("Body", "请填写文书正文。");
        if (text.Length > LetterText.MaxLength)
            return new FieldError("Body", $"文书正文不能超过{LetterText.MaxLength}个字。");
        return null;
    }

    private static FieldError? Comment(string? comment, bool required)
    {
        var text = comment?.Trim() ?? "";
        if (required && text.Length == 0)
            return new FieldError("Comment", "请写明退回的理由和需要修改之处。");
        return text.Length > 2000 ? new FieldError("Comment", "意见不能超过2000个字。") : null;
    }

    private void Record(LetterDraft draft, SignOffAction action, string? comment, RequestActor actor, AuditAction auditAction, string summary,
        string requestNumber, SignOffStage? stage = null)
    {
        db.LetterDraftEvents.Add(new LetterDraftEvent
        {
            DraftId = draft.Id, Action = action, Stage = stage ?? draft.Stage, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            ActorId = actor.Audit.Id, ActorName = Name(actor.Audit), At = clock.UtcNow,
        });
        audit.Record(actor.Audit, auditAction, "Request", draft.RequestId.ToString(CultureInfo.InvariantCulture), $"申请 {requestNumber}：{summary}");
    }

    private void Touch(LetterDraft draft)
    {
        draft.Version++;
        draft.UpdatedAt = clock.UtcNow;
    }

    private async Task<LetterDraft> LoadAsync(int draftId, RequestActor actor, CancellationToken cancellationToken) =>
        await actor.Scope.Apply(db.LetterDrafts, d => d.AgencyId).SingleOrDefaultAsync(d => d.Id == draftId, cancellationToken)
            ?? throw new KeyNotFoundException($"文书草稿 {draftId} 不存在。");

    private async Task<InformationRequest> RequestAsync(int requestId, RequestActor actor, CancellationToken cancellationToken) =>
        await actor.Scope.Apply(db.Requests.AsNoTracking(), r => r.AgencyId).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new KeyNotFoundException($"申请 {requestId} 不存在。");

    private async Task<string> RequestNumberAsync(int requestId, CancellationToken cancellationToken) =>
        InformationRequest.NumberOf(requestId, await db.Requests.Where(r => r.Id == requestId).Select(r => r.SubmittedAt).SingleAsync(cancellationToken));

    private static async Task<Result<T>> UndoAsync<T>(UndoableWork work, IReadOnlyList<FieldError> errors, CancellationToken cancellationToken)
    {
        await work.UndoAsync(cancellationToken);
        return Result<T>.Failure(errors);
    }

    private static string Name(AuditActor actor) => actor.Name.Length > 100 ? actor.Name[..100] : actor.Name;
}

/// <summary>A draft as its page shows it: history, files, the agency's chain, the letter once issued, and whether the viewer may act now.</summary>
public sealed record DraftView(LetterDraft Draft, string RequestNumber, IReadOnlyList<LetterDraftEvent> History, IReadOnlyList<StoredFile> Files,
    SignOffChain Chain, RequestLetter? Letter, bool CanAct);

/// <summary>A draft waiting for someone, with the comment it was last returned with.</summary>
public sealed record AwaitingDraft(LetterDraft Draft, string RequestNumber, string? ReturnComment);
