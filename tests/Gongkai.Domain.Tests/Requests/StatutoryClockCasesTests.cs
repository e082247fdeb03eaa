using System.Globalization;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Requests;

/// <summary>
/// The cases a disclosure office's legal reviewer asked about (issue 10), each with the answer the
/// Regulation, 国办函〔2020〕109号 and the 放假办法 give (docs/deadlines.md states each convention).
/// </summary>
public class StatutoryClockCasesTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static RequestClock Replay(params RequestEvent[] history) => RequestClock.Replay(history, NationalCalendar.Default);

    private static readonly Received March2 = new(D("2026-03-02"), Channel.InPerson);

    [Fact]
    public void Consultation_PartyNeverReplies_PauseEndsWhenItsTermRunsOut()
    {
        // Consulted (and received) 03-05; 15 working days run out on 03-26; the reply recorded on 05-20 changes nothing.
        var clock = Replay(March2, new ConsultationStarted(D("2026-03-05"), ConsultationKind.ThirdParty, "某公司"), new Delivered(D("2026-03-05"), "当面", 2),
            new ConsultationReplied(D("2026-05-20"), "某公司", "逾期未提出意见"));

        clock.Pauses.ShouldHaveSingleItem().To.ShouldBe(D("2026-03-26"));
        clock.AnswerDue.ShouldBe(D("2026-04-21")); // the consultation day itself is counted
        clock.IsOverdue(D("2026-05-20")).ShouldBeTrue();
    }

    [Fact]
    public void Consultation_TermRunsOut_OfficeMayDecideWithoutAReply()
    {
        var clock = Replay(March2, new ConsultationStarted(D("2026-03-05"), ConsultationKind.ThirdParty, "某公司"), new Delivered(D("2026-03-05"), "当面", 2),
            new Decided(D("2026-03-27"), Outcome.Granted, ""));

        clock.Status.ShouldBe(RequestStatus.Decided);
        clock.Irregularities.ShouldBeEmpty();
    }

    [Fact]
    public void Consultation_LetterPostedThenReceived_TermCountsFromReceipt()
    {
        var clock = Replay(March2, new ConsultationStarted(D("2026-03-05"), ConsultationKind.ThirdParty, "某公司"),
            new Delivered(D("2026-03-09"), "邮寄", 2, DeliveryChannel.Post, SentOn: D("2026-03-05"), Reference: "EMS1234567890"));

        clock.Consultations[0].ReplyDue.ShouldBe(D("2026-03-30"));
        clock.Pauses[0].ShouldBe(new Pause(D("2026-03-05"), D("2026-03-30"), "征求第三方意见（某公司）", clock.Pauses[0].EndReason));
    }

    [Fact]
    public void Consultations_SeveralAtOnce_EachWithItsTerm_TheClockWaitsForTheLastOnly()
    {
        // A third party (received 03-05, replies 03-10) and another agency (received 03-09, silent: term to 03-30)
        // and an internal department that does not stop the clock.
        var clock = Replay(March2,
            new ConsultationStarted(D("2026-03-05"), ConsultationKind.ThirdParty, "某公司"),
            new ConsultationStarted(D("2026-03-05"), ConsultationKind.OtherAgency, "市自然资源和规划局"),
            new ConsultationStarted(D("2026-03-05"), ConsultationKind.InternalDepartment, "本局法规科", 3),
            new Delivered(D("2026-03-05"), "当面", 2),
            new Delivered(D("2026-03-09"), "邮寄", 3, DeliveryChannel.Post, SentOn: D("2026-03-05")),
            new Delivered(D("2026-03-05"), "内部流转", 4),
            new ConsultationReplied(D("2026-03-10"), "某公司", "不同意公开，涉及商业秘密", Objects: true));

        clock.Status.ShouldBe(RequestStatus.Consulting);
        clock.Consultations.Select(c => c.ReplyDue).ShouldBe([D("2026-03-26"), D("2026-03-30"), D("2026-03-10")]);
        clock.Pauses.Count.ShouldBe(2); // the internal department's time is counted
        // Paused 03-06..03-30 as a whole (the union): the same due date as one consultation to 03-30.
        clock.AnswerDue.ShouldBe(NationalCalendar.Default.AddWorkingDays(D("2026-03-02"), 20, d => d > D("2026-03-05") && d <= D("2026-03-30")));
        clock.ThirdPartyObjected.ShouldBeTrue();
    }

    [Fact]
    public void Fee_CountedFromTheApplicantsReceipt_ClosingBeforeItEndsRefused()
    {
        RequestEvent[] notified = [March2, new FeeNotified(D("2026-03-03"), FeeBasis.PerRequest, 11, 100),
            new Delivered(D("2026-03-06"), "邮寄", 2, DeliveryChannel.Post, SentOn: D("2026-03-03"), Reference: "XA0001")];

        Replay(notified).FeePaymentDue.ShouldBe(D("2026-04-03"));
        Should.Throw<RequestRuleException>(() => Replay([.. notified, new Decided(D("2026-04-01"), Outcome.FeeUnpaid, "逾期未缴费")]))
            .Message.ShouldContain("缴费期限2026-04-03尚未届满");
        Replay([.. notified, new Decided(D("2026-04-07"), Outcome.FeeUnpaid, "逾期未缴费")]).Outcome.ShouldBe(Outcome.FeeUnpaid);
    }

    [Fact]
    public void Fee_Waived_ClockRunsAgainFromThatDay()
    {
        var clock = Replay(March2, new FeeNotified(D("2026-03-03"), FeeBasis.PerRequest, 11, 100), new FeeWaived(D("2026-03-09"), "申请人确有经济困难"));

        clock.Status.ShouldBe(RequestStatus.Processing);
        clock.AnswerDue.ShouldBe(D("2026-04-03")); // as if paid on 03-09
    }

    [Fact]
    public void Correction_PeriodCountedFromReceipt_EndsOnAWorkingDay_ClosingBeforeItRefused()
    {
        // Notice on Friday 04-03, received the same day, 5 working days: 清明 (04-04..04-06) skipped, ends Monday 04-13.
        RequestEvent[] asked = [new Received(D("2026-04-01"), Channel.InPerson), new CorrectionRequested(D("2026-04-03"), null, "请写明文号", 5), new Delivered(D("2026-04-03"), "当面", 2, DeliveryChannel.InPerson)];
        Replay(asked).CorrectionDue.ShouldBe(D("2026-04-13"));
        Should.Throw<RequestRuleException>(() => Replay([.. asked, new Decided(D("2026-04-05"), Outcome.NoCorrection, "逾期不补正")]));
        Should.Throw<RequestRuleException>(() => Replay([.. asked, new Decided(D("2026-04-13"), Outcome.NoCorrection, "逾期不补正")]));
        Replay([.. asked, new Decided(D("2026-04-14"), Outcome.NoCorrection, "逾期不补正")]).Outcome.ShouldBe(Outcome.NoCorrection);
    }

    [Fact]
    public void Correction_OneDayGiven_Refused()
    {
        Should.Throw<RequestRuleException>(() => Replay(new Received(D("2026-04-01"), Channel.InPerson), new CorrectionRequested(D("2026-04-03"), null, "请写明文号", 1)))
            .Message.ShouldContain("补正期限应为5至30个工作日");
    }

    [Fact]
    public void Correction_RecordedWithAFixedDateOnAHoliday_RollsToTheNextWorkingDay()
    {
        // An older record gave 04-04 (清明) as the deadline: it ends on 04-07; closing on 04-05 was too early.
        var clock = RequestClock.FromRecord([new Received(D("2026-04-01"), Channel.InPerson), new CorrectionRequested(D("2026-04-03"), D("2026-04-04"), "请写明文号"),
            new Decided(D("2026-04-05"), Outcome.NoCorrection, "逾期不补正")], NationalCalendar.Default);

        clock.CorrectionDue.ShouldBe(D("2026-04-07"));
        clock.Irregularities.ShouldHaveSingleItem().ShouldContain("补正期限2026-04-07尚未届满");
    }

    [Fact]
    public void NoArrangementYet_StatutoryHolidaysAreRestDays()
    {
        var clock = Replay(new Received(D("2026-12-04"), Channel.InPerson));

        clock.AnswerDue.ShouldBe(D("2027-01-04"));
        clock.ExplainAnswerDue().ShouldContain(l => l.Contains("临时结果"));
    }

    [Fact]
    public void Extension_ThenCorrectionRestart_FreshTwentyDays()
    {
        var clock = Replay(March2, new Extended(D("2026-03-03"), 20, "李秀梅", "需调取档案"),
            new CorrectionRequested(D("2026-03-04"), null, "请写明文号", 10), new Delivered(D("2026-03-04"), "当面", 3),
            new CorrectionReceived(D("2026-03-10")));

        clock.ExtensionDays.ShouldBe(0);
        clock.Limit.ShouldBe(20);
        clock.AnswerDue.ShouldBe(D("2026-04-08"));
        clock.ExplainAnswerDue().ShouldContain(l => l.Contains("不再适用"));
        // …and may be decided anew.
        clock.Apply(new Extended(D("2026-03-11"), 10, "李秀梅", "需调取档案"));
        clock.AnswerDue.ShouldBe(NationalCalendar.Default.AddWorkingDays(D("2026-03-10"), 30));
    }

    [Fact]
    public void MassRepeated_OnlyAfterReasonsWereAskedAndNotGivenInTime()
    {
        RequestEvent[] asked = [March2, new ReasonsRequested(D("2026-03-03"), 10), new Delivered(D("2026-03-04"), "邮寄", 2, DeliveryChannel.Post)];
        var waiting = Replay(asked);
        waiting.Status.ShouldBe(RequestStatus.AwaitingReasons);
        waiting.ReasonsDue.ShouldBe(D("2026-03-18"));
        waiting.AnswerDue.ShouldBe(D("2026-03-30")); // the limit keeps running

        Replay([.. asked, new Decided(D("2026-03-19"), Outcome.MassRepeated, "申请人逾期未说明理由")]).Outcome.ShouldBe(Outcome.MassRepeated);
        Replay([.. asked, new ReasonsReceived(D("2026-03-10"), "用于学术研究"), new Decided(D("2026-03-12"), Outcome.MassRepeated, "理由不合理")])
            .Outcome.ShouldBe(Outcome.MassRepeated);
    }

    [Fact]
    public void MassRepeated_ReasonsAccepted_ReasonablePeriodReplacesTheLimit()
    {
        var clock = Replay(March2, new ReasonsRequested(D("2026-03-03"), 10), new Delivered(D("2026-03-04"), "当面", 2),
            new ReasonsReceived(D("2026-03-10"), "用于学术研究，需分批提供", 40));

        clock.DelayedDue.ShouldBe(NationalCalendar.Default.AddWorkingDays(D("2026-03-10"), 40));
        clock.AnswerDue.ShouldBe(clock.DelayedDue);
        clock.ExplainAnswerDue()[^1].ShouldContain("条例第三十五条");
    }

    [Fact]
    public void DecidedOnTime_DeliveredTwoMonthsLater_IsFlagged()
    {
        var clock = Replay(March2, new Decided(D("2026-03-20"), Outcome.Granted, ""), new Delivered(D("2026-05-20"), "邮寄", 2, DeliveryChannel.Post));

        clock.Status.ShouldBe(RequestStatus.Closed);
        clock.Irregularities.ShouldHaveSingleItem().ShouldContain("晚于答复期限2026-03-30");
    }

    [Fact]
    public void DecisionPostedOnTheLastDay_InTime()
    {
        var clock = Replay(March2, new Decided(D("2026-03-27"), Outcome.Granted, ""),
            new Delivered(D("2026-04-02"), "邮寄", 2, DeliveryChannel.Post, SentOn: D("2026-03-30"), Reference: "EMS9"));

        clock.Irregularities.ShouldBeEmpty();
    }

    [Fact]
    public void DisclosedOverAThirdPartysObjection_ItMustBeToldInWriting()
    {
        var clock = Replay(March2, new ConsultationStarted(D("2026-03-05"), ConsultationKind.ThirdParty, "某公司"), new Delivered(D("2026-03-05"), "当面", 2),
            new ConsultationReplied(D("2026-03-10"), "某公司", "不同意公开", Objects: true),
            new Decided(D("2026-03-12"), Outcome.Granted, "不公开可能对公共利益造成重大影响"));

        clock.ThirdPartiesToNotify.ShouldBe(["某公司"]);
        clock.AwaitingDelivery.Select(a => a.Letter).ShouldBe(["答复书", "第三方告知书"]);
        clock.Apply(new Delivered(D("2026-03-13"), "邮寄", 5, DeliveryChannel.Post, Party: "某公司"));
        clock.AwaitingDelivery.ShouldHaveSingleItem().Letter.ShouldBe("答复书");
    }

    [Fact]
    public void SplitRequest_CountedOnceByTheTemplatesRule()
    {
        DecisionItem[] items = [new("2025年预算", Outcome.Granted, ""), new("会议纪要", Outcome.DeniedProcessInformation, "过程性信息"), new("某合同", Outcome.NotHeld, "不掌握")];

        DecisionItems.Overall(items).ShouldBe(Outcome.PartiallyGranted);
        DecisionItems.Overall([items[1], items[2], new("另一合同", Outcome.NotHeld, "不掌握")]).ShouldBe(Outcome.NotHeld);
        Replay(March2, new Decided(D("2026-03-20"), Outcome.PartiallyGranted, "", items)).Outcome.ShouldBe(Outcome.PartiallyGranted);
    }
}
