using System.Globalization;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Requests;

public class RequestClockTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static RequestClock Replay(params RequestEvent[] history) => RequestClock.Replay(history, NationalCalendar.Default);

    /// <summary>A 补正 notice with the usual period, the applicant receiving it the same day (step 2 of the history).</summary>
    private static RequestEvent[] Correction(string date, string items = "请写明所需信息的名称、文号", int days = 15) =>
        [new CorrectionRequested(D(date), null, items, days), new Delivered(D(date), "当面", Of: 2, Channel: DeliveryChannel.InPerson)];

    private static Received Receipt(string date) => new(D(date), Channel.Online);

    public static TheoryData<string, RequestEvent[], string> DeadlineCases => new()
    {
        { "plain: 春节 skipped, 调休 Saturdays counted", [Receipt("2026-02-10")], "2026-03-16" },
        { "received on a 调休 Saturday", [Receipt("2026-02-14")], "2026-03-20" },
        { "across the year: 元旦 off, Sunday 4 January worked", [Receipt("2025-12-25")], "2026-01-23" },
        {
            "补正: the 20 days run anew from the correction, 清明 skipped",
            [Receipt("2026-03-02"), .. Correction("2026-03-04"), new CorrectionReceived(D("2026-03-10"))],
            "2026-04-08"
        },
        {
            "third-party consultation not counted (5 working days)",
            [Receipt("2026-03-02"), new ConsultationStarted(D("2026-03-05"), ConsultationKind.ThirdParty, "某公司"), new ConsultationReplied(D("2026-03-12"), null, "不同意公开")],
            "2026-04-07"
        },
        {
            "fee waiting not counted (4 working days)",
            [Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerVolume, 50, 200), new FeePaid(D("2026-03-09"))],
            "2026-04-03"
        },
        {
            "consultation across 国庆: the paused days include the 调休 Saturday 10 October",
            [Receipt("2026-09-21"), new ConsultationStarted(D("2026-09-24"), ConsultationKind.ThirdParty, "某公司"), new Delivered(D("2026-09-24"), "当面", 2), new ConsultationReplied(D("2026-10-12"), null, "同意公开")],
            "2026-11-04"
        },
        {
            "fee waiting across 国庆",
            [Receipt("2026-09-28"), new FeeNotified(D("2026-09-29"), FeeBasis.PerVolume, 50, 200), new FeePaid(D("2026-10-12"))],
            "2026-11-06"
        },
        {
            "extension of 20 working days",
            [Receipt("2026-02-10"), new Extended(D("2026-03-10"), 20, "公开办负责人", "需要调取档案")],
            "2026-04-14"
        },
    };

    [Theory]
    [MemberData(nameof(DeadlineCases))]
    public void AnswerDue_DerivedFromTheHistory(string because, RequestEvent[] history, string due)
    {
        Replay(history).AnswerDue.ShouldBe(D(due), because);
    }

    [Fact]
    public void AnswerDue_WhileAwaitingCorrectionOrPaused_IsNotKnown()
    {
        Replay([Receipt("2026-03-02"), .. Correction("2026-03-04")]).AnswerDue.ShouldBeNull();
        Replay(Receipt("2026-03-02"), new ConsultationStarted(D("2026-03-05"), ConsultationKind.OtherAgency, "市自然资源局")).AnswerDue.ShouldBeNull();
        Replay(Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerVolume, 50, 200)).AnswerDue.ShouldBeNull();
    }

    [Fact]
    public void RemainingWorkingDays_PauseStopsTheCount()
    {
        var clock = Replay(Receipt("2026-03-02"), new ConsultationStarted(D("2026-03-05"), ConsultationKind.ThirdParty, "某公司"));

        clock.UsedWorkingDays(D("2026-03-20")).ShouldBe(3);
        clock.RemainingWorkingDays(D("2026-03-20")).ShouldBe(17);
        clock.IsOverdue(D("2026-06-01")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2026-03-16", false, true)]
    [InlineData("2026-03-10", false, false)]
    [InlineData("2026-03-11", false, true)]
    [InlineData("2026-03-17", true, false)]
    public void OverdueAndDueSoon_ComputedForToday(string today, bool overdue, bool dueSoon)
    {
        var clock = Replay(Receipt("2026-02-10"));

        clock.IsOverdue(D(today)).ShouldBe(overdue);
        clock.IsDueSoon(D(today)).ShouldBe(dueSoon);
    }

    [Fact]
    public void CorrectionNoticeDue_SevenWorkingDaysAfterReceipt() =>
        Replay(Receipt("2026-02-10")).CorrectionNoticeDue.ShouldBe(D("2026-02-26"));

    [Fact]
    public void FeePaymentDue_TwentyWorkingDaysFromTheDayAfterReceivingTheNotice()
    {
        var notified = Replay(Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerRequest, 12, 100));
        notified.FeePaymentDue.ShouldBeNull();
        notified.AwaitingDelivery.ShouldHaveSingleItem().Letter.ShouldBe("收费通知书");

        Replay(Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerRequest, 12, 100), new Delivered(D("2026-03-03"), "当面", 2))
            .FeePaymentDue.ShouldBe(D("2026-03-31"));
    }

    [Fact]
    public void ExplainAnswerDue_SaysEveryRuleApplied()
    {
        var lines = Replay(Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerVolume, 50, 200), new FeePaid(D("2026-03-09")))
            .ExplainAnswerDue();

        lines[0].ShouldContain("条例第三十一条第三项");
        lines.ShouldContain(l => l.Contains("不计算在办理期限内"));
        lines[^1].ShouldBe("第20个工作日：2026-04-03（星期五）");
    }

    [Fact]
    public void Decided_ThenDelivered_ClosesWithOneOutcome()
    {
        var clock = Replay(Receipt("2026-03-02"), new Decided(D("2026-03-20"), Outcome.PartiallyGranted, "部分信息涉及个人隐私"), new Delivered(D("2026-03-23"), "电子邮件"));

        clock.Status.ShouldBe(RequestStatus.Closed);
        clock.Outcome.ShouldBe(Outcome.PartiallyGranted);
        clock.DecidedOn.ShouldBe(D("2026-03-20"));
    }

    [Fact]
    public void NoCorrection_AfterTheApplicantsDeadline_Closes()
    {
        // 15 working days from receipt on 03-04: 03-25.
        var clock = Replay([Receipt("2026-03-02"), .. Correction("2026-03-04"), new Decided(D("2026-03-26"), Outcome.NoCorrection, "申请人逾期未补正")]);

        clock.Outcome.ShouldBe(Outcome.NoCorrection);
    }

    [Fact]
    public void FeeUnpaid_AfterThePaymentDeadline_Closes()
    {
        var clock = Replay(Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerRequest, 11, 100), new Delivered(D("2026-03-03"), "当面", 2),
            new Decided(D("2026-04-01"), Outcome.FeeUnpaid, "申请人逾期未缴费"));

        clock.Outcome.ShouldBe(Outcome.FeeUnpaid);
        clock.Status.ShouldBe(RequestStatus.Decided);
    }

    public static TheoryData<string, RequestEvent[], string> IllegalMoves => new()
    {
        { "decide before receipt", [new Decided(D("2026-03-02"), Outcome.Granted, "")], "待确认收到" },
        { "receive twice", [Receipt("2026-03-02"), Receipt("2026-03-03")], "不能确认收到申请" },
        { "a step dated before the previous one", [Receipt("2026-03-02"), new Decided(D("2026-03-01"), Outcome.Granted, "")], "早于上一步骤" },
        { "second correction notice", [Receipt("2026-03-02"), new CorrectionRequested(D("2026-03-03"), null, "a", 10), new CorrectionReceived(D("2026-03-05")), new CorrectionRequested(D("2026-03-06"), null, "b", 10)], "只能发出一次" },
        { "correction notice after 7 working days", [Receipt("2026-02-10"), new CorrectionRequested(D("2026-02-27"), null, "a", 10)], "7个工作日内" },
        { "correction notice without items", [Receipt("2026-03-02"), new CorrectionRequested(D("2026-03-03"), null, " ", 10)], "写明需要补正的事项" },
        { "correction period below the office's minimum", [Receipt("2026-03-02"), new CorrectionRequested(D("2026-03-03"), null, "a", 1)], "补正期限应为5至30个工作日" },
        { "a new notice with a fixed date instead of a period", [Receipt("2026-03-02"), new CorrectionRequested(D("2026-03-03"), D("2026-03-20"), "a")], "以工作日计" },
        { "second extension", [Receipt("2026-03-02"), new Extended(D("2026-03-10"), 5, "负责人", "r"), new Extended(D("2026-03-11"), 5, "负责人", "r")], "只能一次" },
        { "extension over 20 working days", [Receipt("2026-03-02"), new Extended(D("2026-03-10"), 21, "负责人", "r")], "不得超过20个工作日" },
        { "extension without the head's approval", [Receipt("2026-03-02"), new Extended(D("2026-03-10"), 10, "", "r")], "负责人同意" },
        { "extension after the due date", [Receipt("2026-02-10"), new Extended(D("2026-03-17"), 10, "负责人", "r")], "已于2026-03-16届满" },
        { "fee not matching the tiers", [Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerVolume, 50, 150)], "200元" },
        { "free request charged", [Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerRequest, 3, 0)], "大于0" },
        { "payment after the deadline", [Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerRequest, 11, 100), new Delivered(D("2026-03-03"), "当面", 2), new FeePaid(D("2026-04-01"))], "缴费期限已于2026-03-31届满" },
        { "no-correction before the applicant's deadline", [Receipt("2026-03-02"), .. Correction("2026-03-04"), new Decided(D("2026-03-25"), Outcome.NoCorrection, "r")], "补正期限2026-03-25尚未届满" },
        { "no-correction while the notice's receipt is unknown", [Receipt("2026-03-02"), new CorrectionRequested(D("2026-03-04"), null, "a", 10), new Decided(D("2026-06-01"), Outcome.NoCorrection, "r")], "尚未登记送达" },
        { "fee-unpaid before the payment deadline", [Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerRequest, 11, 100), new Delivered(D("2026-03-03"), "当面", 2), new Decided(D("2026-03-31"), Outcome.FeeUnpaid, "r")], "尚未届满" },
        { "fee for a request received before 2021", [new Received(D("2020-12-30"), Channel.Online), new FeeNotified(D("2021-01-05"), FeeBasis.PerRequest, 11, 100)], "2021年1月1日" },
        { "waiver without a reason", [Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerRequest, 11, 100), new FeeWaived(D("2026-03-04"), " ")], "理由" },
        { "consultation without a party", [Receipt("2026-03-02"), new ConsultationStarted(D("2026-03-03"), ConsultationKind.ThirdParty, " ")], "第三方或机关" },
        { "decide during a consultation", [Receipt("2026-03-02"), new ConsultationStarted(D("2026-03-03"), ConsultationKind.ThirdParty, "p"), new Delivered(D("2026-03-03"), "当面", 2), new Decided(D("2026-03-05"), Outcome.Granted, "")], "意见期限至2026-03-24尚未届满" },
        { "decide while the party's receipt is unknown", [Receipt("2026-03-02"), new ConsultationStarted(D("2026-03-03"), ConsultationKind.ThirdParty, "p"), new Decided(D("2026-05-05"), Outcome.Granted, "")], "尚未登记收到征求意见书" },
        { "the same party consulted twice at once", [Receipt("2026-03-02"), new ConsultationStarted(D("2026-03-03"), ConsultationKind.ThirdParty, "p"), new ConsultationStarted(D("2026-03-04"), ConsultationKind.ThirdParty, "p")], "不能重复" },
        { "a reply naming no party among several", [Receipt("2026-03-02"), new ConsultationStarted(D("2026-03-03"), ConsultationKind.ThirdParty, "甲"), new ConsultationStarted(D("2026-03-03"), ConsultationKind.OtherAgency, "乙"), new ConsultationReplied(D("2026-03-05"), null, "同意")], "哪一方" },
        { "a delivery received before the letter was sent", [Receipt("2026-03-02"), new FeeNotified(D("2026-03-05"), FeeBasis.PerRequest, 11, 100), new Delivered(D("2026-03-04"), "邮寄", 2)], "不能早于文书发出之日" },
        { "a letter delivered twice", [Receipt("2026-03-02"), new FeeNotified(D("2026-03-05"), FeeBasis.PerRequest, 11, 100), new Delivered(D("2026-03-06"), "邮寄", 2), new Delivered(D("2026-03-07"), "邮寄", 2)], "已登记送达" },
        { "a delivery of a step without a letter", [Receipt("2026-03-02"), new FeeNotified(D("2026-03-05"), FeeBasis.PerRequest, 11, 100), new FeePaid(D("2026-03-06")), new Delivered(D("2026-03-07"), "邮寄", 3)], "没有需要送达的文书" },
        { "mass-repeated without asking for reasons", [Receipt("2026-03-02"), new Decided(D("2026-03-05"), Outcome.MassRepeated, "r")], "应先要求申请人说明理由" },
        { "mass-repeated before the reasons' period ran out", [Receipt("2026-03-02"), new ReasonsRequested(D("2026-03-03"), 10), new Delivered(D("2026-03-03"), "当面", 2), new Decided(D("2026-03-17"), Outcome.MassRepeated, "r")], "2026-03-17尚未届满" },
        { "mass-repeated after the reasons were accepted", [Receipt("2026-03-02"), new ReasonsRequested(D("2026-03-03"), 10), new ReasonsReceived(D("2026-03-06"), "研究需要", 40), new Decided(D("2026-03-20"), Outcome.MassRepeated, "r")], "理由合理" },
        { "split decision counted as the wrong row", [Receipt("2026-03-02"), new Decided(D("2026-03-05"), Outcome.Granted, "", [new("甲", Outcome.Granted, ""), new("乙", Outcome.NotHeld, "不掌握")])], "部分公开" },
        { "unclear after correction without a correction", [Receipt("2026-03-02"), new Decided(D("2026-03-05"), Outcome.UnclearAfterCorrection, "r")], "经过补正" },
        { "refusal without reasons", [Receipt("2026-03-02"), new Decided(D("2026-03-05"), Outcome.NotHeld, " ")], "理由和依据" },
        { "deliver before deciding", [Receipt("2026-03-02"), new Delivered(D("2026-03-05"), "邮寄")], "不能登记送达" },
        { "anything after closing", [Receipt("2026-03-02"), new Decided(D("2026-03-05"), Outcome.Granted, ""), new Delivered(D("2026-03-06"), "邮寄"), new ConsultationStarted(D("2026-03-07"), ConsultationKind.ThirdParty, "p")], "已办结" },
        { "withdraw after closing", [Receipt("2026-03-02"), new Withdrawn(D("2026-03-03"), "撤回"), new Withdrawn(D("2026-03-04"), "撤回")], "不能登记撤回" },
    };

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Apply_IllegalMove_RefusedWithTheRule(string because, RequestEvent[] history, string message)
    {
        var error = Should.Throw<RequestRuleException>(() => Replay(history), because);

        error.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("2026-03-05", "2026-03-26")] // plain weeks
    [InlineData("2026-09-18", "2026-10-15")] // 中秋 and 国庆 skipped, Sunday 20 September and Saturday 10 October worked
    public void ReplyDue_FifteenWorkingDaysFromReceipt(string received, string due)
    {
        var clock = Replay(Receipt("2026-03-02"), new ConsultationStarted(D("2026-03-05"), ConsultationKind.ThirdParty, "某公司"), new Delivered(D(received), "当面", 2));

        var consultation = clock.Consultations.ShouldHaveSingleItem();
        consultation.ReplyDue.ShouldBe(D(due));
        clock.ExplainReplyDue(consultation)[^1].ShouldStartWith("第15个工作日：" + due);
    }

    [Fact]
    public void ReplyDue_OtherAgencyAlsoFifteenDays_UnknownUntilReceived()
    {
        var agency = Replay(Receipt("2026-03-02"), new ConsultationStarted(D("2026-03-05"), ConsultationKind.OtherAgency, "市自然资源局"));
        agency.Consultations[0].ReplyDue.ShouldBeNull();
        agency.AwaitingDelivery.ShouldHaveSingleItem().Party.ShouldBe("市自然资源局");
        agency.ExplainReplyDue(agency.Consultations[0])[0].ShouldContain("条例第三十四条");
        agency.ExplainReplyDue(agency.Consultations[0])[^1].ShouldContain("尚未登记送达");
    }

    [Fact]
    public void FromRecord_CalendarEditedAfterTheStep_KeepsTheHistoryAndReportsTheMissedLimit()
    {
        // A notice on 26 February was on time (due 26 February); a local layer that makes the 春节
        // Monday a working day moves the limit to 25 February.
        RequestEvent[] history = [Receipt("2026-02-10"), new CorrectionRequested(D("2026-02-26"), null, "补正事项", 10)];
        var local = new CalendarLayer("本地");
        local.Set(D("2026-02-16"), DayKind.WorkingDay, "本地调整");
        var edited = new WorkingCalendar([NationalCalendar.Layer, local]);

        var clock = RequestClock.FromRecord(history, edited);

        clock.Status.ShouldBe(RequestStatus.AwaitingCorrection);
        clock.Irregularities.ShouldBe(["补正告知应在收到申请之日起7个工作日内发出，即不晚于2026-02-25（条例第三十条）"]);
        Should.Throw<RequestRuleException>(() => RequestClock.Replay(history, edited));
        Should.Throw<RequestRuleException>(() => clock.Apply(new CorrectionRequested(D("2026-02-27"), null, "再次补正", 10)));
    }

    [Fact]
    public void FromRecord_StepsOutOfOrder_StillRefused() =>
        Should.Throw<RequestRuleException>(() => RequestClock.FromRecord([Receipt("2026-03-02"), new Delivered(D("2026-03-03"), "邮寄")], NationalCalendar.Default));

    [Fact]
    public void Withdrawn_BeforeReceipt_ClosesWithoutOutcome()
    {
        var clock = Replay(new Withdrawn(D("2026-03-02"), "申请人撤回"));

        clock.Status.ShouldBe(RequestStatus.Closed);
        clock.Outcome.ShouldBeNull();
        clock.DecidedOn.ShouldBeNull();
    }

    [Fact]
    public void Withdrawn_DuringConsultation_ClosesAsOther()
    {
        var clock = Replay(Receipt("2026-03-02"), new ConsultationStarted(D("2026-03-03"), ConsultationKind.ThirdParty, "某公司"), new Withdrawn(D("2026-03-04"), "申请人撤回"));

        clock.Outcome.ShouldBe(Outcome.Other);
        clock.OpenConsultations.ShouldBeEmpty();
        clock.DecidedOn.ShouldBe(D("2026-03-04"));
    }

    [Fact]
    public void ExplainOtherDueDates_EndWithTheDate()
    {
        var clock = Replay(Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerRequest, 12, 100), new Delivered(D("2026-03-03"), "当面", 2));

        clock.ExplainCorrectionNoticeDue()[0].ShouldContain("条例第三十条");
        clock.ExplainCorrectionNoticeDue()[^1].ShouldBe("第7个工作日：2026-03-11（星期三）");
        clock.ExplainFeePaymentDue()[0].ShouldContain("国办函〔2020〕109号");
        clock.ExplainFeePaymentDue()[^1].ShouldBe("第20个工作日：2026-03-31（星期二）");
    }

    [Fact]
    public void Received_OnlineConfirmation_NotBeforeSubmissionAndFlaggedAfterOneWorkingDay()
    {
        Should.Throw<RequestRuleException>(() => RequestClock.Replay([new Received(D("2026-03-01"), Channel.Online)], NationalCalendar.Default, submittedOn: D("2026-03-02")))
            .Message.ShouldContain("不能早于申请提交之日");

        // Submitted Friday 6 March: confirming on Monday 9 March is within one working day; on Tuesday it is late.
        RequestClock.Replay([new Received(D("2026-03-09"), Channel.Online)], NationalCalendar.Default, submittedOn: D("2026-03-06")).Irregularities.ShouldBeEmpty();
        RequestClock.Replay([new Received(D("2026-03-10"), Channel.Online)], NationalCalendar.Default, submittedOn: D("2026-03-06")).Irregularities
            .ShouldHaveSingleItem().ShouldContain("超过1个工作日");
        RequestClock.Replay([], NationalCalendar.Default, submittedOn: D("2026-03-06")).IsConfirmationLate(D("2026-03-10")).ShouldBeTrue();
        RequestClock.Replay([], NationalCalendar.Default, submittedOn: D("2026-03-06")).IsConfirmationLate(D("2026-03-09")).ShouldBeFalse();
    }
}
