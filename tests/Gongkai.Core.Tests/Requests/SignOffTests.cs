using Gongkai.Core.Audit;
using Gongkai.Core.Requests;
using Gongkai.Core.Requests.SignOff;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Core.Tests.Support.RequestsWorld;
using static Gongkai.Core.Tests.Support.SignOffWorld;

namespace Gongkai.Core.Tests.Requests;

/// <summary>承办 → 审核 → 法制审核 → 签发: a letter goes out only once the office head signs it off.</summary>
public sealed class SignOffTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refusal_ReturnedByTheLegalReviewerRevisedAndSignedOff_TakesTheStepOnTheDayOfSignOff(DatabaseProvider provider)
    {
        await using var world = await SignOffWorld.CreateAsync(provider);
        var request = await world.Requests.RegisterAsync("2026-03-02");

        var draft = await world.DecisionAsync(request.Id, Outcome.DeniedProcessInformation);
        (await world.Requests.CaseAsync(request.Id)).History.Select(h => h.Kind).ShouldBe(["Received"], "a draft takes no step");
        draft.Body.ShouldContain("本机关决定不予公开。");
        draft.Body.ShouldContain("该纪要为讨论记录。");

        Ok(await world.SubmitAsync(draft.Id));
        (await world.DraftAsync(draft.Id)).Stage.ShouldBe(SignOffStage.LegalReview);
        Ok(await world.ReturnAsync(draft.Id, world.Legal, "请写明纪要的会议名称和日期。"));
        (await world.DraftAsync(draft.Id)).Stage.ShouldBe(SignOffStage.Drafting);

        var revised = draft.Body.Replace("该纪要为讨论记录。", "该纪要为2026年2月10日专题会议的讨论记录。", StringComparison.Ordinal);
        Ok(await world.SubmitAsync(draft.Id, body: revised));
        Ok(await world.ApproveAsync(draft.Id, world.Legal, "同意。"));
        (await world.DraftAsync(draft.Id)).Stage.ShouldBe(SignOffStage.SignOff);
        world.Requests.Today("2026-03-23");
        var letter = Ok(await world.SignOffAsync(draft.Id));

        letter.Number.ShouldBe("示府办依复〔2026〕1号");
        letter.IssuedOn.ShouldBe(D("2026-03-23"));
        letter.Body.ShouldContain("该纪要为2026年2月10日专题会议的讨论记录。");
        letter.VerificationCode.ShouldNotBeNull();
        var c = await world.Requests.CaseAsync(request.Id);
        c.Clock.Outcome.ShouldBe(Outcome.DeniedProcessInformation);
        c.History[^1].Date.ShouldBe(D("2026-03-23"), "the step is dated the day of 签发");
        c.Letters[^1].Id.ShouldBe(letter.Id);
        var signed = await world.DraftAsync(draft.Id);
        (signed.Stage, signed.LetterId).ShouldBe((SignOffStage.Issued, letter.Id));
        var history = await world.DbAsync(db => db.LetterDraftEvents.Where(e => e.DraftId == draft.Id).OrderBy(e => e.Id).ToListAsync());
        history.Select(e => e.Label).ShouldBe(["起草", "提交", "法制审核退回", "提交", "法制审核通过", "签发"]);
        history[2].Comment.ShouldBe("请写明纪要的会议名称和日期。");
        var audited = await world.DbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Request").Select(e => e.Action).ToListAsync());
        audited.ShouldContain(AuditAction.LetterReturned);
        audited.ShouldContain(AuditAction.LetterApproved);
        audited.ShouldContain(AuditAction.LetterSignedOff);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PerformAsync_AgencyWithTheChain_RefusesALetterStepButTakesTheReceipt(DatabaseProvider provider)
    {
        await using var world = await SignOffWorld.CreateAsync(provider);
        var request = await world.Requests.RegisterAsync("2026-03-02");

        var direct = await world.Requests.StepAsync(request.Id, new StepInput { Step = RequestStep.Decide, Date = D("2026-03-19"), Outcome = Outcome.Granted });

        direct.Errors.ShouldHaveSingleItem().Message.ShouldBe("本机关的答复书须经审核、签发后发出：请在此步骤起草文书并提交，公开办负责人签发时办理此步骤。");
        (await world.Requests.CaseAsync(request.Id)).Letters.Select(l => l.Kind.ToString()).ShouldBe(["Acknowledgement"]);
    }

    [Theory]
    [InlineData(Outcome.Granted, SignOffStage.SignOff)]
    [InlineData(Outcome.NoCorrection, SignOffStage.SignOff)]
    [InlineData(Outcome.PartiallyGranted, SignOffStage.LegalReview)]
    [InlineData(Outcome.DeniedThirdPartyRights, SignOffStage.LegalReview)]
    [InlineData(Outcome.NeedsCreation, SignOffStage.LegalReview)]
    [InlineData(Outcome.Duplicate, SignOffStage.LegalReview)]
    public async Task Submit_LegalReviewOnlyForRefusals(Outcome outcome, SignOffStage next)
    {
        await using var world = await SignOffWorld.CreateAsync(DatabaseProvider.Sqlite);
        var request = await world.Requests.RegisterAsync("2026-03-02");
        var input = outcome == Outcome.NoCorrection
            ? new StepInput { Step = RequestStep.CloseForNoCorrection }
            : new StepInput { Step = RequestStep.Decide, Outcome = outcome, Reason = "理由。" };
        if (outcome == Outcome.NoCorrection)
        {
            await world.AgencyAsync(async a => Ok(await a.SaveChainAsync(world.Requests.Office.Id, new ChainInput(false, false, false, false), AuditActor.System)));
            var notice = Ok(await world.Requests.StepAsync(request.Id, new StepInput { Step = RequestStep.RequestCorrection, Date = D("2026-03-03"), Items = "写明文件名称。", PeriodWorkingDays = 5 }));
            Ok(await world.Requests.StepAsync(request.Id, new StepInput { Step = RequestStep.Deliver, Of = notice.Sequence, DeliveryChannel = DeliveryChannel.InPerson, Date = D("2026-03-03") }));
            await world.AgencyAsync(async a => Ok(await a.SaveChainAsync(world.Requests.Office.Id, new ChainInput(true, false, true, false), AuditActor.System)));
        }

        var draft = Ok(await world.DraftsAsync(async d => await d.DraftAsync(request.Id, input with { Version = await world.Requests.VersionAsync(request.Id) }, world.Handler, [])));
        Ok(await world.SubmitAsync(draft.Id));

        (await world.DraftAsync(draft.Id)).Stage.ShouldBe(next);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EachStage_OnlyItsPeople_ARefusalChangesNothing(DatabaseProvider provider)
    {
        await using var world = await SignOffWorld.CreateAsync(provider, new ChainInput(true, true, true, false));
        var request = await world.Requests.RegisterAsync("2026-03-02");
        var draft = await world.DecisionAsync(request.Id, Outcome.DeniedInternalAffairs);
        var colleague = await world.Requests.StaffAsync("colleague", "周同", Core.Accounts.Roles.Handler, world.Requests.Office.Id);

        (await world.ApproveAsync(draft.Id, world.Head)).Errors.ShouldHaveSingleItem().Message.ShouldBe("文书当前在“承办”环节，不能这样办理。");
        (await world.SubmitAsync(draft.Id, world.Legal)).Errors.ShouldHaveSingleItem().Message.ShouldBe("只有本机关的承办人或公开办负责人可以修改、提交文书。");
        Ok(await world.SubmitAsync(draft.Id));
        (await world.ApproveAsync(draft.Id, world.Handler)).Errors.ShouldHaveSingleItem().Message.ShouldBe("不能审核本人起草的文书，请由其他工作人员审核。");
        (await world.ApproveAsync(draft.Id, world.Legal)).Errors.ShouldHaveSingleItem().Message.ShouldBe("审核须由本机关的承办人或公开办负责人进行。");
        await Should.ThrowAsync<KeyNotFoundException>(() => world.ApproveAsync(draft.Id, world.Requests.PoliceHandler), "another agency's draft does not exist for them");
        Ok(await world.ApproveAsync(draft.Id, colleague));
        (await world.ApproveAsync(draft.Id, world.Head)).Errors.ShouldHaveSingleItem().Message.ShouldBe("法制审核须由本机关的法制审核员进行。");
        (await world.SignOffAsync(draft.Id)).Errors.ShouldHaveSingleItem().Message.ShouldBe("文书当前在“法制审核”环节，不能这样办理。");
        (await world.ReturnAsync(draft.Id, world.Legal, " ")).Errors.ShouldHaveSingleItem().Message.ShouldBe("请写明退回的理由和需要修改之处。");
        Ok(await world.ApproveAsync(draft.Id, world.Legal));
        (await world.SignOffAsync(draft.Id, colleague)).Errors.ShouldHaveSingleItem().Message.ShouldBe("签发须由本机关的公开办负责人进行。");
        (await world.SignOffAsync(draft.Id, world.Legal)).Errors.ShouldHaveSingleItem().Message.ShouldBe("签发须由本机关的公开办负责人进行。");

        var unchanged = await world.DraftAsync(draft.Id);
        unchanged.Stage.ShouldBe(SignOffStage.SignOff);
        (await world.Requests.CaseAsync(request.Id)).History.Count.ShouldBe(1);
        (await world.DbAsync(db => db.LetterDraftEvents.CountAsync(e => e.DraftId == draft.Id))).ShouldBe(4, "drafted, submitted, reviewed, legally reviewed");
    }

    [Theory]
    [InlineData(false, "本机关不允许签发本人起草的文书，请由其他公开办负责人签发。")]
    [InlineData(true, null)]
    public async Task SignOff_OwnDraft_OnlyWhereTheAgencyAllowsIt(bool headMaySignOwn, string? refusal)
    {
        await using var world = await SignOffWorld.CreateAsync(DatabaseProvider.Sqlite, new ChainInput(true, false, false, headMaySignOwn));
        var request = await world.Requests.RegisterAsync("2026-03-02");
        var draft = await world.DecisionAsync(request.Id, Outcome.Granted, "现予提供。", by: world.Head);
        Ok(await world.SubmitAsync(draft.Id, world.Head));

        var signed = await world.SignOffAsync(draft.Id, world.Head);

        signed.Errors.SingleOrDefault()?.Message.ShouldBe(refusal);
        (await world.DraftAsync(draft.Id)).Stage.ShouldBe(refusal is null ? SignOffStage.Issued : SignOffStage.SignOff);
        (await world.Requests.CaseAsync(request.Id)).Clock.Outcome.ShouldBe(refusal is null ? Outcome.Granted : null);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Extension_DraftedByTheHandler_IsTheHeadsConsentWhenSignedOff(DatabaseProvider provider)
    {
        await using var world = await SignOffWorld.CreateAsync(provider);
        var request = await world.Requests.RegisterAsync("2026-03-02");

        var draft = Ok(await world.DraftsAsync(async d => await d.DraftAsync(request.Id,
            new StepInput { Step = RequestStep.Extend, WorkingDays = 15, Reason = "需要调取档案", Version = await world.Requests.VersionAsync(request.Id) }, world.Handler, [])));
        Ok(await world.SubmitAsync(draft.Id));
        Ok(await world.SignOffAsync(draft.Id));

        var step = (Extended)(await world.Requests.CaseAsync(request.Id)).History[^1].ToEvent();
        (step.WorkingDays, step.ApprovedBy).ShouldBe((15, world.Head.Audit.Name));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignOff_StepNoLongerLawful_RefusedWithTheRuleAndNothingIssued(DatabaseProvider provider)
    {
        await using var world = await SignOffWorld.CreateAsync(provider);
        var request = await world.Requests.RegisterAsync("2026-03-02");
        var draft = await world.AtSignOffAsync(request.Id);
        Ok(await world.Requests.StepAsync(request.Id, new StepInput { Step = RequestStep.Withdraw, Date = D("2026-03-20"), Reason = "申请人来电撤回" }));

        var signed = await world.SignOffAsync(draft.Id);

        signed.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("不能签发：");
        (await world.DraftAsync(draft.Id)).Stage.ShouldBe(SignOffStage.SignOff);
        (await world.DbAsync(db => db.LetterSeries.SingleAsync(s => s.Kind == Core.Requests.Letters.LetterKind.Reply))).LastSerial.ShouldBe(0, "the number goes back");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignOff_DateInAParagraphTheHandlerEdited_RefusedUntilRegenerated(DatabaseProvider provider)
    {
        // The 延迟答复告知书 (第三十五条) names the day the reasonable period ends, counted from 签发.
        await using var world = await SignOffWorld.CreateAsync(provider, new ChainInput(false, false, false, false));
        var request = await world.Requests.RegisterAsync("2026-03-02");
        Ok(await world.Requests.StepAsync(request.Id, new StepInput { Step = RequestStep.RequestReasons, Date = D("2026-03-03"), PeriodWorkingDays = 10 }));
        await world.AgencyAsync(async a => Ok(await a.SaveChainAsync(world.Requests.Office.Id, new ChainInput(true, false, false, false), AuditActor.System)));
        var draft = Ok(await world.DraftsAsync(async d => await d.DraftAsync(request.Id, new StepInput
        {
            Step = RequestStep.RecordReasons, Reasons = "用于学术研究，需分批提供。", WorkingDays = 20,
            Version = await world.Requests.VersionAsync(request.Id),
        }, world.Handler, [])));
        var lines = draft.Body.Split('\n');
        var term = Array.FindIndex(lines, l => l.Contains("前作出答复", StringComparison.Ordinal));
        lines[term] += "如需延长，请来函说明。";
        lines[0] += "特此告知。";
        Ok(await world.SubmitAsync(draft.Id, body: string.Join('\n', lines)));
        world.Requests.Today("2026-03-23");

        var refused = await world.SignOffAsync(draft.Id);
        refused.Errors.ShouldHaveSingleItem().Message.ShouldContain("请退回承办人，由其重新生成文书后再修改");

        Ok(await world.ReturnAsync(draft.Id, world.Head, "期限已变，请重新生成。"));
        Ok(await world.DraftsAsync(async d => await d.RegenerateAsync(draft.Id, (await world.DraftAsync(draft.Id)).Version, world.Handler)));
        var regenerated = await world.DraftAsync(draft.Id);
        var paragraphs = regenerated.Body.Split('\n');
        paragraphs[0] += "特此告知。";
        Ok(await world.SubmitAsync(draft.Id, body: string.Join('\n', paragraphs)));
        var letter = Ok(await world.SignOffAsync(draft.Id));
        var due = (await world.Requests.CaseAsync(request.Id)).Clock.DelayedDue;
        due.ShouldBe(RequestsWorld.D("2026-04-21"), "20 working days from the day of 签发, 清明 skipped");
        letter.Body.ShouldContain("将于" + Core.Requests.Letters.LetterFields.Date(due) + "前作出答复", Case.Sensitive);
        letter.Body.Split('\n')[0].ShouldEndWith("特此告知。");
    }

    [Fact]
    public async Task Withdraw_DraftDropped_NothingIssuedAndNoMoreActions()
    {
        await using var world = await SignOffWorld.CreateAsync(DatabaseProvider.Sqlite);
        var request = await world.Requests.RegisterAsync("2026-03-02");
        var draft = await world.DecisionAsync(request.Id, Outcome.Granted);

        (await world.DraftsAsync(d => d.WithdrawAsync(draft.Id, draft.Version, "", world.Handler))).Errors.ShouldHaveSingleItem().Message.ShouldBe("请写明撤销的理由。");
        Ok(await world.DraftsAsync(d => d.WithdrawAsync(draft.Id, draft.Version, "申请人已撤回。", world.Handler)));

        (await world.SubmitAsync(draft.Id)).Errors.ShouldHaveSingleItem().Message.ShouldBe("文书当前在“已撤销”环节，不能这样办理。");
        (await world.DraftsAsync(d => d.AwaitingAsync(world.Handler))).ShouldBeEmpty();
    }

    [Fact]
    public async Task AwaitingAsync_EachPersonSeesWhatWaitsForThem()
    {
        await using var world = await SignOffWorld.CreateAsync(DatabaseProvider.Sqlite);
        var refusal = await world.DecisionAsync((await world.Requests.RegisterAsync("2026-03-02")).Id, Outcome.DeniedInternalAffairs);
        var grant = await world.DecisionAsync((await world.Requests.RegisterAsync("2026-03-03")).Id, Outcome.Granted);
        var returned = await world.DecisionAsync((await world.Requests.RegisterAsync("2026-03-04")).Id, Outcome.Granted);
        Ok(await world.SubmitAsync(refusal.Id));
        Ok(await world.SubmitAsync(grant.Id));
        Ok(await world.SubmitAsync(returned.Id));
        Ok(await world.ReturnAsync(returned.Id, world.Head, "请补充获取方式。"));

        async Task<IReadOnlyList<int>> Waiting(RequestActor who) => [.. (await world.DraftsAsync(d => d.AwaitingAsync(who))).Select(a => a.Draft.Id)];

        (await Waiting(world.Handler)).ShouldBe([returned.Id]);
        (await world.DraftsAsync(d => d.AwaitingAsync(world.Handler))).Single().ReturnComment.ShouldBe("请补充获取方式。");
        (await Waiting(world.Legal)).ShouldBe([refusal.Id]);
        (await Waiting(world.Head)).ShouldBe([grant.Id]);
        (await Waiting(world.Requests.PoliceHandler)).ShouldBeEmpty();
    }
}
