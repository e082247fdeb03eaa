using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Calendar;
using Gongkai.Core.Demo;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Requests.SignOff;
using Gongkai.Core.Storage;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Requests.Demo;

/// <summary>
/// Letters signed off in the demo region, after the year of requests (which were taken before any
/// agency had the chain): 自然资源和规划局 signs its letters off with a legal review of refusals,
/// 明德区人民政府办公室 with a colleague's review first, and the city's 政府办公室 issues directly —
/// each with its seal and its numbers' prefixes. At 自然资源和规划局 one letter is already signed off
/// and numbered, a refusal waits for the legal reviewer, another for the office head's 签发, and a
/// 补正告知 has been returned to the handler; at 明德区 a reply waits for 审核.
/// </summary>
internal sealed class SignOffDemo(GongkaiDbContext db, AgencyLetters agencies, LetterDrafts drafts, RequestIntake intake,
    CalendarStore calendars, OfficeClock clock) : IDemoStep
{
    public int Order => 450;

    private static readonly (string Agency, ChainInput Chain, string Prefix)[] Offices =
    [
        ("city.land", new ChainInput(ChainEnabled: true, ReviewStage: false, LegalReview: true, HeadMaySignOwn: false), "示自然资"),
        ("mingde.office", new ChainInput(ChainEnabled: true, ReviewStage: true, LegalReview: false, HeadMaySignOwn: false), "明府办"),
        ("city.office", new ChainInput(ChainEnabled: false, ReviewStage: false, LegalReview: false, HeadMaySignOwn: false), "示府办"),
    ];

    /// <summary>依复 (答复), 依补 (补正) …: the part after the agency's stem, one per kind of letter.</summary>
    private static readonly (LetterKind Kind, string Suffix)[] Series =
    [
        (LetterKind.Acknowledgement, "依受"), (LetterKind.CorrectionNotice, "依补"), (LetterKind.ThirdPartyConsultation, "依征"),
        (LetterKind.AgencyConsultation, "依函"), (LetterKind.ExtensionNotice, "依延"), (LetterKind.FeeNotice, "依费"), (LetterKind.Reply, "依复"),
    ];

    private int applicant = 100;

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        foreach (var (key, chain, prefix) in Offices)
        {
            var agency = context.Agencies[key];
            foreach (var (kind, suffix) in Series)
                Check(await agencies.SetPrefixAsync(agency.Id, kind, prefix + suffix, context.Actor, cancellationToken), "文号前缀");
            using (var seal = new MemoryStream(DemoSeal.Png))
                Check(await agencies.SetSealAsync(agency.Id, seal, agency.Name + "印章.png", context.Actor, cancellationToken), "印章");
            Check(await agencies.SaveChainAsync(agency.Id, chain, context.Actor, cancellationToken), "签发流程");
        }

        var land = context.Agencies["city.land"];
        var (handler, head, legal) = (await ActorAsync("ziran.chengban", cancellationToken), await ActorAsync("ziran.fuze", cancellationToken),
            await ActorAsync("ziran.fazhi", cancellationToken));
        var signed = await DraftAsync(land, handler, 6, "请公开示范市2025年度国有建设用地供应计划及其执行情况。",
            new StepInput { Step = RequestStep.Decide, Outcome = Outcome.Granted, Reason = "现以电子文档方式提供2025年度国有建设用地供应计划及执行情况表。" }, cancellationToken);
        await SubmitAsync(signed, handler, cancellationToken);
        Check(await drafts.SignOffAsync(signed.Id, await VersionAsync(signed.Id, cancellationToken), head, cancellationToken), "签发");

        var atSignOff = await DraftAsync(land, handler, 12, "请公开明德路片区控制性详细规划修改过程中的内部讨论记录。",
            new StepInput { Step = RequestStep.Decide, Outcome = Outcome.DeniedProcessInformation, Reason = "所申请的会议记录属于规划修改过程中的内部讨论记录。" }, cancellationToken);
        await SubmitAsync(atSignOff, handler, cancellationToken);
        Check(await drafts.ApproveAsync(atSignOff.Id, await VersionAsync(atSignOff.Id, cancellationToken),
            "经审核，不予公开的理由和法律依据适当，救济途径告知完整。", legal, cancellationToken), "法制审核");

        var atLegal = await DraftAsync(land, handler, 9, "请公开文昌路旧城改造项目的土地征收补偿方案及被征收人名单。",
            new StepInput { Step = RequestStep.Decide, Outcome = Outcome.PartiallyGranted, Reason = "补偿方案予以公开；被征收人名单含有个人信息，公开会损害第三方合法权益，不予公开。" },
            cancellationToken);
        await SubmitAsync(atLegal, handler, cancellationToken);

        var returned = await DraftAsync(land, handler, 3, "请公开有关规划的文件。",
            new StepInput { Step = RequestStep.RequestCorrection, Items = "请写明所需规划的名称、所在区域或文号。", PeriodWorkingDays = 10 },
            cancellationToken);
        await SubmitAsync(returned, handler, cancellationToken);
        Check(await drafts.ReturnAsync(returned.Id, await VersionAsync(returned.Id, cancellationToken),
            "补正事项请举例说明（如规划名称、地块编号），便于申请人一次补正到位。", head, cancellationToken), "退回");

        var mingde = context.Agencies["mingde.office"];
        var review = await DraftAsync(mingde, await ActorAsync("mingde.chengban", cancellationToken), 7, "请公开明德区2025年老旧小区改造项目清单。",
            new StepInput { Step = RequestStep.Decide, Outcome = Outcome.Granted, Reason = "现提供明德区2025年老旧小区改造项目清单。" }, cancellationToken);
        await SubmitAsync(review, await ActorAsync("mingde.chengban", cancellationToken), cancellationToken);

        context.Summary.Add("文书签发：自然资源和规划局（承办 → 法制审核 → 签发）和明德区人民政府办公室（承办 → 审核 → 签发），待签发、待法制审核、待审核和退回修改的文书各1件；三个机关有印章和文号前缀");
    }

    /// <summary>A request received in person <paramref name="age"/> working days ago, and the handler's draft of its step.</summary>
    private async Task<LetterDraft> DraftAsync(Agency agency, RequestActor handler, int age, string description, StepInput step, CancellationToken cancellationToken)
    {
        var calendar = await calendars.ForAgencyAsync(agency.Id, cancellationToken);
        var received = clock.Today;
        for (var days = age; days > 0 || !calendar.IsWorkingDay(received); )
        {
            received = received.AddDays(-1);
            if (calendar.IsWorkingDay(received))
                days--;
        }
        var registered = await intake.RegisterAsync(DemoApplicants.Person(applicant++, agency.Id, description, DeliveryForm.Electronic),
            new RegistrationInput { Channel = Channel.InPerson, ReceivedOn = received }, [], handler, cancellationToken);
        var request = Check(registered, "登记");
        return Check(await drafts.DraftAsync(request.Id, step with { Version = request.Version }, handler, [], cancellationToken), "起草");
    }

    private async Task SubmitAsync(LetterDraft draft, RequestActor handler, CancellationToken cancellationToken) =>
        Check(await drafts.SubmitAsync(draft.Id, await VersionAsync(draft.Id, cancellationToken), null, handler, cancellationToken), "提交");

    private Task<int> VersionAsync(int draftId, CancellationToken cancellationToken) =>
        db.LetterDrafts.Where(d => d.Id == draftId).Select(d => d.Version).SingleAsync(cancellationToken);

    private async Task<RequestActor> ActorAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName, cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync(cancellationToken);
        return new RequestActor(new AuditActor(user.Id, $"{user.DisplayName}（{user.UserName}）", null), user.AgencyId, roles,
            await AgencyScope.ForAsync(db, user.AgencyId, roles, cancellationToken));
    }

    private static T Check<T>(Result<T> result, string what) =>
        result.Value ?? throw new InvalidOperationException($"演示文书{what}失败：" + string.Join(" ", result.Errors.Select(e => e.Message)));
}
