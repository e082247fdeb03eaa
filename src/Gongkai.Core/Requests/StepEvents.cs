using System.Globalization;
using Gongkai.Domain.Requests;

namespace Gongkai.Core.Requests;

/// <summary>Turns what staff entered for a step into the step itself, or says what is missing.</summary>
internal static class StepEvents
{
    public static Result<RequestEvent> From(StepInput input, InformationRequest request, string actorName, int perRequestOrdinal, RequestRules rules)
    {
        if (input.Date is not { } date)
            return Fail(nameof(input.Date), "请填写日期。");
        string Text(string? value) => value?.Trim() ?? "";
        switch (input.Step)
        {
            case RequestStep.Receive:
                return Ok(new Received(date, request.Channel));
            case RequestStep.RequestCorrection:
                if (Text(input.Items).Length == 0)
                    return Fail(nameof(input.Items), "请一次性写明需要补正的全部事项。");
                if (input.PeriodWorkingDays is not { } period)
                    return Fail(nameof(input.PeriodWorkingDays), "请填写补正期限（工作日数）。");
                if (period < rules.CorrectionPeriodMin || period > rules.CorrectionPeriodMax)
                    return Fail(nameof(input.PeriodWorkingDays),
                        $"补正期限应为{rules.CorrectionPeriodMin.ToString(CultureInfo.InvariantCulture)}至{rules.CorrectionPeriodMax.ToString(CultureInfo.InvariantCulture)}个工作日（本机关设定的范围），自申请人收到告知之日起计算。");
                return Ok(new CorrectionRequested(date, null, Text(input.Items), period));
            case RequestStep.RecordCorrection:
                return Ok(new CorrectionReceived(date));
            case RequestStep.CloseForNoCorrection:
                return Ok(new Decided(date, Outcome.NoCorrection, Or(input.Reason, "申请人无正当理由逾期未补正")));
            case RequestStep.StartConsultation:
                if (!Enum.IsDefined(input.ConsultationKind))
                    return Fail(nameof(input.ConsultationKind), "请选择征求意见的对象。");
                if (Text(input.Party).Length is 0 or > 200)
                    return Fail(nameof(input.Party), "请填写征求意见的第三方、机关或部门名称（不超过200个字）。");
                if (input.ConsultationKind == ConsultationKind.InternalDepartment && input.WorkingDays is not (>= 1 and <= 30) and not null)
                    return Fail(nameof(input.WorkingDays), "内部征求意见的期限为1至30个工作日。");
                return Ok(new ConsultationStarted(date, input.ConsultationKind, Text(input.Party),
                    input.ConsultationKind == ConsultationKind.InternalDepartment ? input.WorkingDays ?? rules.InternalConsultationDefault : null));
            case RequestStep.EndConsultation:
                if (Text(input.Opinion).Length == 0)
                    return Fail(nameof(input.Opinion), "请填写收到的意见；逾期未提出意见的，请写明“逾期未提出意见”。");
                return Ok(new ConsultationReplied(date, Text(input.Party) is { Length: > 0 } party ? party : null, Text(input.Opinion), input.Objects));
            case RequestStep.Extend:
                if (input.WorkingDays is not { } days)
                    return Fail(nameof(input.WorkingDays), "请填写延长的工作日数（1至20）。");
                if (Text(input.Reason).Length == 0)
                    return Fail(nameof(input.Reason), "请写明延期的理由。");
                return Ok(new Extended(date, days, actorName, Text(input.Reason)));
            case RequestStep.NotifyFee:
                return Fee(input, date, perRequestOrdinal);
            case RequestStep.RecordPayment:
                return Ok(new FeePaid(date));
            case RequestStep.WaiveFee:
                if (Text(input.Reason).Length == 0)
                    return Fail(nameof(input.Reason), "请写明减免信息处理费的理由。");
                return Ok(new FeeWaived(date, Text(input.Reason)));
            case RequestStep.CloseForNonPayment:
                return Ok(new Decided(date, Outcome.FeeUnpaid, Or(input.Reason, "申请人逾期未缴纳信息处理费")));
            case RequestStep.RequestReasons:
                if (input.PeriodWorkingDays is not { } reasonsPeriod)
                    return Fail(nameof(input.PeriodWorkingDays), "请填写申请人说明理由的期限（工作日数）。");
                return Ok(new ReasonsRequested(date, reasonsPeriod));
            case RequestStep.RecordReasons:
                if (Text(input.Reasons).Length is 0 or > 5000)
                    return Fail(nameof(input.Reasons), "请记录申请人说明的理由（不超过5000个字）。");
                return Ok(new ReasonsReceived(date, Text(input.Reasons), input.WorkingDays));
            case RequestStep.Decide:
                return Decision(input, date);
            case RequestStep.Transfer:
                var reason = Text(input.Reason);
                return Ok(new Decided(date, Outcome.NotHeld,
                    $"该政府信息由{request.CompetentAgencyName}负责公开" + (reason.Length > 0 ? "。" + reason : "")));
            case RequestStep.Deliver:
                if (input.DeliveryChannel is not { } channel || !Enum.IsDefined(channel))
                    return Fail(nameof(input.DeliveryChannel), "请选择送达方式。");
                if (Text(input.Method).Length > 100)
                    return Fail(nameof(input.Method), "送达方式的说明不超过100个字。");
                if (Text(input.Reference).Length > 100)
                    return Fail(nameof(input.Reference), "邮件单号或送达回证编号不超过100个字。");
                if (channel == DeliveryChannel.Post && Text(input.Reference).Length == 0)
                    return Fail(nameof(input.Reference), "邮寄送达请填写邮件单号。");
                return Ok(new Delivered(date, Text(input.Method) is { Length: > 0 } method ? method : CaseSimulation.DeliveryMethod(channel),
                    input.Of, channel, input.SentOn, Text(input.Reference) is { Length: > 0 } reference ? reference : null,
                    Text(input.Party) is { Length: > 0 } to ? to : null));
            case RequestStep.Withdraw:
                if (Text(input.Reason).Length == 0)
                    return Fail(nameof(input.Reason), "请写明申请人撤回的方式和时间，如“申请人来电撤回”。");
                return Ok(new Withdrawn(date, Text(input.Reason)));
            default:
                return Fail(nameof(input.Step), "未知的办理步骤。");
        }
    }

    /// <summary>One outcome, or a split request's items with the outcome table 三 counts for them.</summary>
    private static Result<RequestEvent> Decision(StepInput input, DateOnly date)
    {
        var entered = (input.DecisionItems ?? []).Where(i => !string.IsNullOrWhiteSpace(i.Description) || i.Outcome is not null).ToList();
        if (entered.Count == 0)
        {
            if (input.Outcome is not { } outcome || !RequestSteps.DecisionOutcomes.Contains(outcome))
                return Fail(nameof(input.Outcome), "请选择办理结果。");
            return Ok(new Decided(date, outcome, input.Reason?.Trim() ?? ""));
        }
        if (entered.Count == 1)
            return Fail(nameof(input.DecisionItems), "分项答复至少需要两个事项；只有一个事项的，请直接选择办理结果。");
        var items = new List<DecisionItem>();
        for (var i = 0; i < entered.Count; i++)
        {
            var item = entered[i];
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(item.Description) || item.Description.Trim().Length > 500)
                return Fail(nameof(input.DecisionItems), $"请写明第{n}个事项的内容（不超过500个字）。");
            if (item.Outcome is not { } itemOutcome || !RequestSteps.ItemOutcomes.Contains(itemOutcome))
                return Fail(nameof(input.DecisionItems), $"请选择第{n}个事项的办理结果。");
            if (itemOutcome != Outcome.Granted && string.IsNullOrWhiteSpace(item.Reason))
                return Fail(nameof(input.DecisionItems), $"请写明第{n}个事项不予公开、无法提供或不予处理的理由。");
            items.Add(new DecisionItem(item.Description.Trim(), itemOutcome, item.Reason?.Trim() ?? ""));
        }
        return Ok(new Decided(date, DecisionItems.Overall(items), input.Reason?.Trim() ?? "", items));
    }

    private static Result<RequestEvent> Fee(StepInput input, DateOnly date, int ordinal)
    {
        switch (input.FeeBasis)
        {
            case FeeBasis.PerRequest:
                if (Fees.PerRequest(ordinal) == 0)
                    return Fail(nameof(input.FeeBasis), $"本申请是该申请人本月向本机关提出的第{ordinal}件申请，按件计收不收费（每月10件以内免费）。");
                return Ok(new FeeNotified(date, FeeBasis.PerRequest, ordinal, Fees.PerRequest(ordinal)));
            case FeeBasis.PerVolume:
                if (input.Pages is not { } pages || pages < 1)
                    return Fail(nameof(input.Pages), "请填写提供信息的页数。");
                if (Fees.PerVolume(pages) == 0)
                    return Fail(nameof(input.Pages), "30页以内按量计收不收费。");
                return Ok(new FeeNotified(date, FeeBasis.PerVolume, pages, Fees.PerVolume(pages)));
            default:
                return Fail(nameof(input.FeeBasis), "请选择计收方式。");
        }
    }

    private static string Or(string? text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text.Trim();

    private static Result<RequestEvent> Ok(RequestEvent e) => Result<RequestEvent>.Success(e);

    private static Result<RequestEvent> Fail(string field, string message) => Result<RequestEvent>.Failure(field, message);
}
