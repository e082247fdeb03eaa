using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Requests;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Requests.SignOff;
using Gongkai.Core.Storage;
using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.RequestsWorld;

namespace Gongkai.Core.Tests.Support;

/// <summary>
/// The requests world with the office's sign-off chain: a legal reviewer at the office, the chain
/// set as the test asks, the reply's numbers prefixed 示府办依复, and each use case of the chain run in
/// a scope of its own, as separate web requests are.
/// </summary>
public sealed class SignOffWorld : IAsyncDisposable
{
    private SignOffWorld(RequestsWorld requests, RequestActor legal) => (Requests, Legal) = (requests, legal);

    public RequestsWorld Requests { get; }
    public RequestActor Legal { get; }
    public RequestActor Handler => Requests.Handler;
    public RequestActor Head => Requests.Head;

    public static async Task<SignOffWorld> CreateAsync(DatabaseProvider provider, ChainInput? chain = null, string today = "2026-03-20")
    {
        var requests = await RequestsWorld.CreateAsync(provider, today);
        var world = new SignOffWorld(requests, await requests.StaffAsync("legal", "赵法", Roles.LegalReviewer, requests.Office.Id));
        await world.AgencyAsync(async letters =>
        {
            Ok(await letters.SetPrefixAsync(requests.Office.Id, LetterKind.Reply, "示府办依复", AuditActor.System));
            Ok(await letters.SaveChainAsync(requests.Office.Id, chain ?? new ChainInput(true, false, true, false), AuditActor.System));
        });
        return world;
    }

    public async Task AgencyAsync(Func<AgencyLetters, Task> change)
    {
        await using var scope = Requests.Database.Scope();
        await change(scope.ServiceProvider.GetRequiredService<AgencyLetters>());
    }

    public async Task<T> DraftsAsync<T>(Func<LetterDrafts, Task<T>> use)
    {
        await using var scope = Requests.Database.Scope();
        return await use(scope.ServiceProvider.GetRequiredService<LetterDrafts>());
    }

    /// <summary>The handler drafts a decision on the request.</summary>
    public async Task<LetterDraft> DecisionAsync(int requestId, Outcome outcome, string reason = "该纪要为讨论记录。", RequestActor? by = null) =>
        Ok(await DraftsAsync(async d => await d.DraftAsync(requestId,
            new StepInput { Step = RequestStep.Decide, Outcome = outcome, Reason = reason, Version = await Requests.VersionAsync(requestId) }, by ?? Handler, [])));

    public Task<Result<LetterDraft>> SubmitAsync(int draftId, RequestActor? by = null, string? body = null) =>
        WithVersionAsync(draftId, (d, v) => d.SubmitAsync(draftId, v, body, by ?? Handler));

    public Task<Result<LetterDraft>> ApproveAsync(int draftId, RequestActor by, string? comment = null) =>
        WithVersionAsync(draftId, (d, v) => d.ApproveAsync(draftId, v, comment, by));

    public Task<Result<LetterDraft>> ReturnAsync(int draftId, RequestActor by, string? comment) =>
        WithVersionAsync(draftId, (d, v) => d.ReturnAsync(draftId, v, comment, by));

    public Task<Result<RequestLetter>> SignOffAsync(int draftId, RequestActor? by = null) =>
        WithVersionAsync(draftId, (d, v) => d.SignOffAsync(draftId, v, by ?? Head));

    public async Task<LetterDraft> DraftAsync(int draftId)
    {
        await using var scope = Requests.Database.Scope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().LetterDrafts.AsNoTracking().SingleAsync(d => d.Id == draftId);
    }

    /// <summary>A draft brought to 签发 (submitted and, where it needs it, through the legal review).</summary>
    public async Task<LetterDraft> AtSignOffAsync(int requestId, Outcome outcome = Outcome.DeniedProcessInformation)
    {
        var draft = await DecisionAsync(requestId, outcome);
        Ok(await SubmitAsync(draft.Id));
        if ((await DraftAsync(draft.Id)).Stage == SignOffStage.LegalReview)
            Ok(await ApproveAsync(draft.Id, Legal));
        return await DraftAsync(draft.Id);
    }

    public async Task<T> DbAsync<T>(Func<GongkaiDbContext, Task<T>> read)
    {
        await using var scope = Requests.Database.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>());
    }

    private async Task<Result<T>> WithVersionAsync<T>(int draftId, Func<LetterDrafts, int, Task<Result<T>>> use)
    {
        var version = (await DraftAsync(draftId)).Version;
        return await DraftsAsync(d => use(d, version));
    }

    public static T Ok<T>(Result<T> result) =>
        result.Value ?? throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));

    public ValueTask DisposeAsync() => Requests.DisposeAsync();
}
