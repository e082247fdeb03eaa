using System.Globalization;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Requests;

public class RequestClockTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static RequestClock Replay(params RequestEvent[] history) => RequestClock.Replay(history, NationalCalendar.Default);

    private static Received Receipt(string date) => new(D(date), Channel.Online);

    public static TheoryData<string, RequestEvent[], string> DeadlineCases => new()
    {
        { "plain: 春节 skipped, 调休 Saturdays counted", [Receipt("2026-02-10")], "2026-03-16" },
        { "received on a 调休 Saturday", [Receipt("2026-02-14")], "2026-03-20" },
        { "across the year: 元旦 off, Sunday 4 January worked", [Receipt("2025-12-25")], "2026-01-23" },
        {
            "补正: the 20 days run anew from the correction, 清明 skipped",
            [Receipt("2026-03-02"), new CorrectionRequested(D("2026-03-04"), D("2026-03-20"), "请写明所需信息的名称、文号"), new CorrectionReceived(D("2026-03-10"))],
            "2026-04-08"
        },
        {
            "third-party consultation not counted (5 working days)",
            [Receipt("2026-03-02"), new ConsultationStarted(D("2026-03-05"), ConsultationKind.ThirdParty, "某公司"), new ConsultationEnded(D("2026-03-12"), "不同意公开")],
            "2026-04-07"
        },
        {
            "fee waiting not counted (4 working days)",
            [Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerVolume, 50, 200), new FeePaid(D("2026-03-09"))],
            "2026-04-03"
        },
        {
            "consultation across 国庆: the paused days include the 调休 Saturday 10 October",
            [Receipt("2026-09-21"), new ConsultationStarted(D("2026-09-24"), ConsultationKind.ThirdParty, "某公司"), new ConsultationEnded(D("2026-10-12"), "同意公开")],
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
        Replay(Receipt("2026-03-02"), new CorrectionRequested(D("2026-03-04"), D("2026-03-20"), "补正事项")).AnswerDue.ShouldBeNull();
        Replay(Receipt("2026-03-02"), new ConsultationStarted(D("2026-03-05"), ConsultationKind.OtherAgency, "市自然资源局")).AnswerDue.ShouldBeNull();
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
    public void FeePaymentDue_TwentyWorkingDaysFromTheDayAfterTheNotice() =>
        Replay(Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerRequest, 12, 100)).FeePaymentDue.ShouldBe(D("2026-03-31"));

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
        var clock = Replay(Receipt("2026-03-02"), new CorrectionRequested(D("2026-03-04"), D("2026-03-20"), "补正事项"),
            new Decided(D("2026-03-23"), Outcome.NoCorrection, "申请人逾期未补正"));

        clock.Outcome.ShouldBe(Outcome.NoCorrection);
    }

    [Fact]
    public void FeeUnpaid_AfterThePaymentDeadline_Closes()
    {
        var clock = Replay(Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerRequest, 11, 100),
            new Decided(D("2026-04-01"), Outcome.FeeUnpaid, "申请人逾期未缴费"));

        clock.Outcome.ShouldBe(Outcome.FeeUnpaid);
        clock.Status.ShouldBe(RequestStatus.Decided);
    }

    public static TheoryData<string, RequestEvent[], string> IllegalMoves => new()
    {
        { "decide before receipt", [new Decided(D("2026-03-02"), Outcome.Granted, "")], "待确认收到" },
        { "receive twice", [Receipt("2026-03-02"), Receipt("2026-03-03")], "不能确认收到申请" },
        { "a step dated before the previous one", [Receipt("2026-03-02"), new Decided(D("2026-03-01"), Outcome.Granted, "")], "早于上一步骤" },
        { "second correction notice", [Receipt("2026-03-02"), new CorrectionRequested(D("2026-03-03"), D("2026-03-10"), "a"), new CorrectionReceived(D("2026-03-05")), new CorrectionRequested(D("2026-03-06"), D("2026-03-20"), "b")], "只能发出一次" },
        { "correction notice after 7 working days", [Receipt("2026-02-10"), new CorrectionRequested(D("2026-02-27"), D("2026-03-20"), "a")], "7个工作日内" },
        { "correction notice without items", [Receipt("2026-03-02"), new CorrectionRequested(D("2026-03-03"), D("2026-03-20"), " ")], "写明需要补正的事项" },
        { "second extension", [Receipt("2026-03-02"), new Extended(D("2026-03-10"), 5, "负责人", "r"), new Extended(D("2026-03-11"), 5, "负责人", "r")], "只能一次" },
        { "extension over 20 working days", [Receipt("2026-03-02"), new Extended(D("2026-03-10"), 21, "负责人", "r")], "不得超过20个工作日" },
        { "extension without the head's approval", [Receipt("2026-03-02"), new Extended(D("2026-03-10"), 10, "", "r")], "负责人同意" },
        { "extension after the due date", [Receipt("2026-02-10"), new Extended(D("2026-03-17"), 10, "负责人", "r")], "已于2026-03-16届满" },
        { "fee not matching the tiers", [Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerVolume, 50, 150)], "200元" },
        { "free request charged", [Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerRequest, 3, 0)], "大于0" },
        { "payment after the deadline", [Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerRequest, 11, 100), new FeePaid(D("2026-04-01"))], "缴费期限已于2026-03-31届满" },
        { "no-correction before the applicant's deadline", [Receipt("2026-03-02"), new CorrectionRequested(D("2026-03-04"), D("2026-03-20"), "a"), new Decided(D("2026-03-20"), Outcome.NoCorrection, "r")], "尚未届满" },
        { "fee-unpaid before the payment deadline", [Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerRequest, 11, 100), new Decided(D("2026-03-31"), Outcome.FeeUnpaid, "r")], "尚未届满" },
        { "consultation without a party", [Receipt("2026-03-02"), new ConsultationStarted(D("2026-03-03"), ConsultationKind.ThirdParty, " ")], "第三方或机关" },
        { "decide during a consultation", [Receipt("2026-03-02"), new ConsultationStarted(D("2026-03-03"), ConsultationKind.ThirdParty, "p"), new Decided(D("2026-03-05"), Outcome.Granted, "")], "征求意见中" },
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
    public void ConsultationReplyDue_FifteenWorkingDays(string started, string due)
    {
        var clock = Replay(Receipt("2026-03-02"), new ConsultationStarted(D(started), ConsultationKind.ThirdParty, "某公司"));

        clock.ConsultationReplyDue.ShouldBe(D(due));
        clock.ExplainConsultationReplyDue()[^1].ShouldStartWith("第15个工作日：" + due);
    }

    [Fact]
    public void ConsultationReplyDue_OtherAgencyAlsoFifteenDays_NoneOnceEnded()
    {
        var agency = Replay(Receipt("2026-03-02"), new ConsultationStarted(D("2026-03-05"), ConsultationKind.OtherAgency, "市自然资源局"));
        agency.ConsultationReplyDue.ShouldBe(D("2026-03-26"));
        agency.ExplainConsultationReplyDue()[0].ShouldContain("条例第三十四条");
        Replay(Receipt("2026-03-02"), new ConsultationStarted(D("2026-03-05"), ConsultationKind.ThirdParty, "某公司"), new ConsultationEnded(D("2026-03-06"), "同意"))
            .ConsultationReplyDue.ShouldBeNull();
    }

    [Fact]
    public void FromRecord_CalendarEditedAfterTheStep_KeepsTheHistoryAndReportsTheMissedLimit()
    {
        // A notice on 26 February was on time (due 26 February); a local layer that makes the 春节
        // Monday a working day moves the limit to 25 February.
        RequestEvent[] history = [Receipt("2026-02-10"), new CorrectionRequested(D("2026-02-26"), D("2026-03-13"), "补正事项")];
        var local = new CalendarLayer("本地");
        local.Set(D("2026-02-16"), DayKind.WorkingDay, "本地调整");
        var edited = new WorkingCalendar([NationalCalendar.Layer, local]);

        var clock = RequestClock.FromRecord(history, edited);

        clock.Status.ShouldBe(RequestStatus.AwaitingCorrection);
        clock.Irregularities.ShouldBe(["补正告知应在收到申请之日起7个工作日内发出，即不晚于2026-02-25（条例第三十条）"]);
        Should.Throw<RequestRuleException>(() => RequestClock.Replay(history, edited));
        Should.Throw<RequestRuleException>(() => clock.Apply(new CorrectionRequested(D("2026-02-27"), D("2026-03-13"), "再次补正")));
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
        clock.Consultation.ShouldBeNull();
        clock.DecidedOn.ShouldBe(D("2026-03-04"));
    }

    [Fact]
    public void ExplainOtherDueDates_EndWithTheDate()
    {
        var clock = Replay(Receipt("2026-03-02"), new FeeNotified(D("2026-03-03"), FeeBasis.PerRequest, 12, 100));

        clock.ExplainCorrectionNoticeDue()[0].ShouldContain("条例第三十条");
        clock.ExplainCorrectionNoticeDue()[^1].ShouldBe("第7个工作日：2026-03-11（星期三）");
        clock.ExplainFeePaymentDue()[0].ShouldContain("国办函〔2020〕109号");
        clock.ExplainFeePaymentDue()[^1].ShouldBe("第20个工作日：2026-03-31（星期二）");
    }
}
