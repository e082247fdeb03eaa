using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Requests.Demo;

internal sealed partial class RequestDemo
{
    /// <summary>Closed requests of the last twelve months: every outcome at least once, and the steps that lead to them.</summary>
    private async Task FinishedYearAsync(Dictionary<string, Desk> desks, Random random, CancellationToken ct)
    {
        var office = desks["city.office"];
        var land = desks["city.land"];
        var district = desks["mingde.office"];
        int Age() => random.Next(45, 245);

        // 予以公开 and 部分公开, the bulk of an office's year, across every demo office.
        foreach (var desk in desks.Values)
        {
            for (var i = 0; i < 4; i++)
            {
                var c = await OpenAsync(desk, Age(), organisation: i == 3, channel: (Channel)(i % 5), cancellationToken: ct);
                await (await c.DecideAsync(Outcome.Granted, 6 + i, i == 1 ? "相关文件已在本机关门户网站公开，网址见附件说明。" : "", ct)).DeliverAsync(8 + i, cancellationToken: ct);
            }
        }
        var partial = await OpenAsync(land, Age(), organisation: true, cancellationToken: ct);
        await (await partial.StepAsync(RequestStep.StartConsultation, 3, new StepInput { ConsultationKind = ConsultationKind.ThirdParty, Party = "示范市安居置业有限公司" }, cancellationToken: ct))
            .ReceivedAsync(5, DeliveryChannel.Post, cancellationToken: ct);
        await partial.StepAsync(RequestStep.EndConsultation, 11, new StepInput { Opinion = "不同意公开合同中的土地价款支付计划（商业秘密）", Objects = true }, cancellationToken: ct);
        await (await partial.DecideAsync(Outcome.PartiallyGranted, 14, "合同中土地价款支付计划涉及第三方商业秘密，经征求意见第三方不同意公开，依据条例第十五条不予公开，其余部分予以公开。", ct))
            .DeliverAsync(15, DeliveryChannel.Post, ct);
        await partial.ReviewAsync(ReviewKind.Review, 20, ReviewResult.Upheld, 55, ct);
        await partial.ReviewAsync(ReviewKind.LitigationAfterReview, 90, ReviewResult.Pending, null, ct);

        // 不予公开, each ground once.
        (Outcome Outcome, string Reason, Desk Desk)[] denied =
        [
            (Outcome.DeniedStateSecret, "该文件经定密为秘密级国家秘密。", desks["city.police"]),
            (Outcome.DeniedProhibitedByLaw, "该信息属于《中华人民共和国统计法》规定不得公开的单个调查对象资料。", office),
            (Outcome.DeniedThreeSecurityOneStability, "该信息涉及重要基础设施布防，公开后可能危及公共安全。", desks["city.police"]),
            (Outcome.DeniedThirdPartyRights, "该信息包含征收户的个人身份和补偿金额，属于个人隐私，公开会对其合法权益造成损害。", district),
            (Outcome.DeniedInternalAffairs, "该信息为本机关内部人员考勤管理记录。", office),
            (Outcome.DeniedProcessInformation, "该会议纪要为研究过程中形成的讨论记录。", office),
            (Outcome.DeniedEnforcementCaseFile, "该信息为行政处罚案件的执法案卷。", land),
            (Outcome.DeniedAdministrativeQuery, "不动产登记资料请依照《不动产登记资料查询暂行办法》向不动产登记机构申请查询。", land),
        ];
        foreach (var (outcome, reason, desk) in denied)
        {
            var c = await OpenAsync(desk, Age(), cancellationToken: ct);
            await (await c.DecideAsync(outcome, 9, reason, ct)).DeliverAsync(10, DeliveryChannel.Post, ct);
            if (outcome == Outcome.DeniedProcessInformation)
                await c.ReviewAsync(ReviewKind.Review, 15, ReviewResult.Corrected, 50, ct);
            if (outcome == Outcome.DeniedThirdPartyRights)
                await c.ReviewAsync(ReviewKind.Review, 25, ReviewResult.Other, 30, ct);
        }

        // 无法提供 and 不予处理.
        var notHeld = await OpenAsync(district, Age(), cancellationToken: ct);
        await (await notHeld.DecideAsync(Outcome.NotHeld, 7, "经检索本机关档案和业务系统，未查找到该信息。", ct)).DeliverAsync(8, cancellationToken: ct);
        await notHeld.ReviewAsync(ReviewKind.LitigationWithoutReview, 30, ReviewResult.Upheld, 80, ct);
        await (await (await OpenAsync(office, Age(), cancellationToken: ct)).DecideAsync(Outcome.NeedsCreation, 8, "申请所需的分行业统计需对原始数据重新汇总分析。", ct)).DeliverAsync(9, cancellationToken: ct);
        await (await (await OpenAsync(office, Age(), cancellationToken: ct)).DecideAsync(Outcome.PetitionOrComplaint, 4, "申请内容为对物业公司的投诉，已告知通过12345热线反映。", ct)).DeliverAsync(5, cancellationToken: ct);
        await (await (await OpenAsync(office, Age(), cancellationToken: ct)).DecideAsync(Outcome.Publication, 3, "该年鉴已公开出版，可在市图书馆查阅或向出版社购买。", ct)).DeliverAsync(4, cancellationToken: ct);
        var mass = await OpenAsync(land, Age(), organisation: true, cancellationToken: ct);
        await (await mass.StepAsync(RequestStep.RequestReasons, 2, new StepInput { PeriodWorkingDays = 10 }, cancellationToken: ct)).ReceivedAsync(3, DeliveryChannel.Post, cancellationToken: ct);
        await mass.StepAsync(RequestStep.RecordReasons, 8, new StepInput { Reasons = "申请人称系为“了解情况”，未说明一个月内就同类事项提出四十余件申请的理由。" }, cancellationToken: ct);
        await (await mass.DecideAsync(Outcome.MassRepeated, 12, "申请人一个月内就同类事项提出申请四十余件，所说明的理由不能说明其合理性。", ct)).DeliverAsync(13, cancellationToken: ct);
        await (await (await OpenAsync(district, Age(), cancellationToken: ct)).DecideAsync(Outcome.ConfirmOrReissue, 5, "申请人要求对已获取的拆迁协议复印件加盖公章确认。", ct)).DeliverAsync(6, cancellationToken: ct);

        // A repeated request: the same applicant asks again for what was answered.
        var first = await OpenAsync(office, 200, applicant: 900, description: "请公开示范市2025年城市道路停车泊位设置方案。", cancellationToken: ct);
        await (await first.DecideAsync(Outcome.Granted, 6, cancellationToken: ct)).DeliverAsync(7, cancellationToken: ct);
        var again = await OpenAsync(office, 150, applicant: 900, description: "请公开示范市2025年城市道路停车泊位的设置方案", cancellationToken: ct);
        await (await again.DecideAsync(Outcome.Duplicate, 5, "本机关已于此前作出答复并提供该方案。", ct)).DeliverAsync(6, cancellationToken: ct);

        // 补正: corrected and still unclear; never corrected.
        var unclear = await OpenAsync(district, Age(), cancellationToken: ct);
        await (await unclear.StepAsync(RequestStep.RequestCorrection, 2, new StepInput { Items = "1. 请写明所需文件的名称或文号；2. 请写明所涉房屋的具体位置。", PeriodWorkingDays = 10 }, cancellationToken: ct))
            .ReceivedAsync(2, cancellationToken: ct);
        await unclear.StepAsync(RequestStep.RecordCorrection, 6, cancellationToken: ct);
        await (await unclear.DecideAsync(Outcome.UnclearAfterCorrection, 15, "补正后仍未能说明所需信息的名称、文号或者其他特征性描述。", ct)).DeliverAsync(16, cancellationToken: ct);
        var silent = await OpenAsync(land, Age(), cancellationToken: ct);
        await (await silent.StepAsync(RequestStep.RequestCorrection, 3, new StepInput { Items = "请写明所需地块的坐落位置或宗地编号。", PeriodWorkingDays = 10 }, cancellationToken: ct))
            .ReceivedAsync(3, cancellationToken: ct);
        await (await silent.StepAsync(RequestStep.CloseForNoCorrection, 14, cancellationToken: ct)).DeliverAsync(15, DeliveryChannel.Post, ct);

        // Fees (国办函〔2020〕109号): paid, and not paid.
        var paid = await OpenAsync(land, Age(), organisation: true, form: DeliveryForm.Paper, cancellationToken: ct);
        await (await paid.StepAsync(RequestStep.NotifyFee, 4, new StepInput { FeeBasis = FeeBasis.PerVolume, Pages = 86 }, cancellationToken: ct))
            .ReceivedAsync(6, DeliveryChannel.Post, cancellationToken: ct);
        await paid.StepAsync(RequestStep.RecordPayment, 9, cancellationToken: ct);
        await (await paid.DecideAsync(Outcome.Granted, 18, cancellationToken: ct)).DeliverAsync(19, DeliveryChannel.Post, ct);
        var unpaid = await OpenAsync(land, Age(), organisation: true, form: DeliveryForm.Paper, cancellationToken: ct);
        await (await unpaid.StepAsync(RequestStep.NotifyFee, 5, new StepInput { FeeBasis = FeeBasis.PerVolume, Pages = 240 }, cancellationToken: ct))
            .ReceivedAsync(5, cancellationToken: ct);
        await (await unpaid.StepAsync(RequestStep.CloseForNonPayment, 26, cancellationToken: ct)).DeliverAsync(27, DeliveryChannel.Post, ct);

        // An extension approved by the office head, and a consultation of another agency (条例第三十四条).
        var extended = await OpenAsync(office, Age(), organisation: true, cancellationToken: ct);
        await extended.StepAsync(RequestStep.Extend, 17, new StepInput { WorkingDays = 15, Reason = "所需信息涉及多个年度的档案，需要调取核对" }, byHead: true, cancellationToken: ct);
        await (await extended.DecideAsync(Outcome.Granted, 30, cancellationToken: ct)).DeliverAsync(31, cancellationToken: ct);
        var jointly = await OpenAsync(office, Age(), cancellationToken: ct);
        await (await jointly.StepAsync(RequestStep.StartConsultation, 4, new StepInput { ConsultationKind = ConsultationKind.OtherAgency, Party = "示范市发展和改革委员会" }, cancellationToken: ct))
            .ReceivedAsync(4, cancellationToken: ct);
        await jointly.StepAsync(RequestStep.EndConsultation, 10, new StepInput { Opinion = "同意公开" }, cancellationToken: ct);
        await (await jointly.DecideAsync(Outcome.Granted, 14, cancellationToken: ct)).DeliverAsync(15, cancellationToken: ct);

        // 其他处理: withdrawn.
        await (await OpenAsync(desks["linjiang.housing"], Age(), cancellationToken: ct)).StepAsync(RequestStep.Withdraw, 4, new StepInput { Reason = "申请人来电表示已从其他渠道获取，撤回申请" }, cancellationToken: ct);

        // A transfer (条例第三十六条第（五）项) to an agency on the platform, which then answers it.
        var misdirected = await OpenAsync(district, 60, description: "请公开明德区文昌路地块（编号MD-2025-07）的国有建设用地使用权出让合同。", cancellationToken: ct);
        await (await misdirected.StepAsync(RequestStep.Transfer, 4, new StepInput { CompetentAgencyId = land.Agency.Id, Reason = "国有建设用地使用权出让由市自然资源和规划局负责" }, cancellationToken: ct))
            .DeliverAsync(5, cancellationToken: ct);
        var linked = await Db.Requests.Where(r => r.TransferredFromId == misdirected.Id).Select(r => r.Id).SingleAsync(ct);
        requests++;
        var there = new Case(this, land, linked, misdirected.Day(5));
        await there.StepAsync(RequestStep.Receive, 0, cancellationToken: ct);
        await there.AssignAsync(ct);
        await (await there.DecideAsync(Outcome.Granted, 9, cancellationToken: ct)).DeliverAsync(10, cancellationToken: ct);
    }

    /// <summary>Today's queue: something in every state, and each kind of reminder.</summary>
    private async Task LiveQueueAsync(Dictionary<string, Desk> desks, CancellationToken ct)
    {
        var office = desks["city.office"];
        var land = desks["city.land"];
        var district = desks["mingde.office"];

        await OpenAsync(office, 2, cancellationToken: ct);
        await OpenAsync(office, 18, organisation: true, cancellationToken: ct);                  // due soon
        await OpenAsync(land, 23, channel: Channel.Post, cancellationToken: ct);                // overdue
        await OpenAsync(district, 9, channel: Channel.Fax, cancellationToken: ct);
        await OpenAsync(desks["anlan.chengguan"], 12, channel: Channel.OrdinaryMail, cancellationToken: ct);

        var correcting = await OpenAsync(office, 6, cancellationToken: ct);
        await (await correcting.StepAsync(RequestStep.RequestCorrection, 2, new StepInput { Items = "请写明所需会议纪要的会议名称或召开时间。", PeriodWorkingDays = 12 }, cancellationToken: ct))
            .ReceivedAsync(3, DeliveryChannel.Post, cancellationToken: ct);
        var lapsed = await OpenAsync(district, 24, cancellationToken: ct);
        await (await lapsed.StepAsync(RequestStep.RequestCorrection, 3, new StepInput { Items = "请写明所需补偿标准文件涉及的具体街道和年份。", PeriodWorkingDays = 10 }, cancellationToken: ct))
            .ReceivedAsync(3, cancellationToken: ct);

        var consulting = await OpenAsync(land, 8, organisation: true, cancellationToken: ct);
        await (await consulting.StepAsync(RequestStep.StartConsultation, 3, new StepInput { ConsultationKind = ConsultationKind.ThirdParty, Party = "示范市绿源环保科技有限公司" }, cancellationToken: ct))
            .ReceivedAsync(5, DeliveryChannel.Post, cancellationToken: ct);
        // A fee notice posted and not yet signed for: the payment period waits for its receipt.
        var fee = await OpenAsync(land, 7, organisation: true, form: DeliveryForm.Paper, cancellationToken: ct);
        await fee.StepAsync(RequestStep.NotifyFee, 4, new StepInput { FeeBasis = FeeBasis.PerVolume, Pages = 132 }, cancellationToken: ct);
        await IssueTenStatesAsync(desks, ct);

        var decided = await OpenAsync(district, 10, cancellationToken: ct);
        await decided.DecideAsync(Outcome.Granted, 9, cancellationToken: ct);

        var extended = await OpenAsync(land, 26, cancellationToken: ct);
        await extended.StepAsync(RequestStep.Extend, 19, new StepInput { WorkingDays = 20, Reason = "所需信息需向档案馆调取" }, byHead: true, cancellationToken: ct);

        var asking = await OpenAsync(office, 16, cancellationToken: ct);
        var version = await Db.Requests.Where(r => r.Id == asking.Id).Select(r => r.Version).SingleAsync(ct);
        var asked = await Commands.AskExtensionAsync(asking.Id, version, 10, "涉及多个部门的材料，需要汇总核对", office.Handler, ct);
        if (!asked.Succeeded)
            throw Failed("提请延期", asked.Errors);
    }

    /// <summary>
    /// The states issue 10 added: two consultations at once (a third party and another agency, one
    /// letter still to be received), reasons asked for under 第三十五条, a split request answered item
    /// by item, and a disclosure over a third party's objection with its 第三方告知书 to deliver.
    /// </summary>
    private async Task IssueTenStatesAsync(Dictionary<string, Desk> desks, CancellationToken ct)
    {
        var office = desks["city.office"];
        var land = desks["city.land"];

        var twoParties = await OpenAsync(land, 9, organisation: true, description: "请公开示范市滨江片区控制性详细规划调整涉及的土地收储补偿协议。", cancellationToken: ct);
        await (await twoParties.StepAsync(RequestStep.StartConsultation, 2, new StepInput { ConsultationKind = ConsultationKind.ThirdParty, Party = "示范市滨江置业有限公司" }, cancellationToken: ct))
            .ReceivedAsync(4, DeliveryChannel.Post, cancellationToken: ct);
        await twoParties.StepAsync(RequestStep.StartConsultation, 3, new StepInput { ConsultationKind = ConsultationKind.OtherAgency, Party = "示范市财政局" }, cancellationToken: ct);

        var reasons = await OpenAsync(office, 5, applicant: 901, description: "请公开示范市各街道2025年每一次城管执法的现场记录。", cancellationToken: ct);
        await (await reasons.StepAsync(RequestStep.RequestReasons, 2, new StepInput { PeriodWorkingDays = 10 }, cancellationToken: ct))
            .ReceivedAsync(3, DeliveryChannel.Post, cancellationToken: ct);

        var split = await OpenAsync(office, 40, description: "请公开：1. 示范市2025年政府工作报告；2. 市政府常务会议第12次会议纪要；3. 示范市与某企业签订的招商引资合同。", cancellationToken: ct);
        await (await split.StepAsync(RequestStep.Decide, 12, new StepInput
        {
            DecisionItems =
            [
                new("示范市2025年政府工作报告", Outcome.Granted, "已在本机关门户网站公开，现一并提供。"),
                new("市政府常务会议第12次会议纪要", Outcome.DeniedProcessInformation, "该纪要为研究过程中形成的讨论记录"),
                new("示范市与某企业签订的招商引资合同", Outcome.NotHeld, "经检索，本机关未制作或者获取该合同"),
            ],
        }, cancellationToken: ct)).DeliverAsync(13, cancellationToken: ct);

        var overObjection = await OpenAsync(land, 30, organisation: true, description: "请公开示范市青山路地块土壤污染状况调查报告。", cancellationToken: ct);
        await (await overObjection.StepAsync(RequestStep.StartConsultation, 2, new StepInput { ConsultationKind = ConsultationKind.ThirdParty, Party = "示范市青山化工有限公司" }, cancellationToken: ct))
            .ReceivedAsync(3, cancellationToken: ct);
        await overObjection.StepAsync(RequestStep.EndConsultation, 9, new StepInput { Party = "示范市青山化工有限公司", Opinion = "不同意公开，报告涉及企业生产工艺。", Objects = true }, cancellationToken: ct);
        await (await overObjection.DecideAsync(Outcome.Granted, 12, "土壤污染状况涉及公众健康，不公开可能对公共利益造成重大影响，依据条例第十五条予以公开。", ct))
            .DeliverAsync(13, cancellationToken: ct);
    }

    /// <summary>The demo applicant 张三 (zhang.san) submits online, so a newcomer sees a request from both sides.</summary>
    private async Task ApplicantAccountAsync(Desk office, CancellationToken ct)
    {
        var account = await Db.Users.AsNoTracking().SingleAsync(u => u.UserName == "zhang.san", ct);
        foreach (var text in new[] { "请公开示范市2026年城市更新项目计划。", "请公开示范市人民政府关于公共自行车系统运营补贴的文件。" })
        {
            using var scan = new MemoryStream(DemoFiles.IdentityScan);
            var input = DemoApplicants.Person(0, office.Agency.Id, text, DeliveryForm.Electronic) with
            {
                ApplicantName = account.DisplayName, Phone = account.PhoneNumber!, IdentityNumber = "11010519491231002X",
            };
            var submitted = await Intake.SubmitAsync(input, [new Upload(scan, "身份证.png", AttachmentKind.IdentityProof)], account.Id,
                new Audit.AuditActor(account.Id, $"{account.DisplayName}（{account.UserName}）", null), ct);
            if (!submitted.Succeeded)
                throw Failed("提交", submitted.Errors);
            requests++;
        }
    }
}
