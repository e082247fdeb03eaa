using Gongkai.Domain.Requests;

namespace Gongkai.Core.Requests;

/// <summary>Turns what staff entered for a step into the step itself, or says what is missing.</summary>
internal static class StepEvents
{
    public static Result<RequestEvent> From(StepInput input, InformationRequest request, string actorName, int perRequestOrdinal)
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
                if (input.Deadline is not { } deadline)
                    return Fail(nameof(input.Deadline), "请填写补正期限。");
                return Ok(new CorrectionRequested(date, deadline, Text(input.Items)));
            case RequestStep.RecordCorrection:
                return Ok(new CorrectionReceived(date));
            case RequestStep.CloseForNoCorrection:
                return Ok(new Decided(date, Outcome.NoCorrection, Or(input.Reason, "申请人无正当理由逾期未补正")));
            case RequestStep.StartConsultation:
                if (!Enum.IsDefined(input.ConsultationKind))
                    return Fail(nameof(input.ConsultationKind), "请选择征求意见的对象。");
                if (Text(input.Party).Length is 0 or > 200)
                    return Fail(nameof(input.Party), "请填写征求意见的第三方或机关名称（不超过200个字）。");
                return Ok(new ConsultationStarted(date, input.ConsultationKind, Text(input.Party)));
            case RequestStep.EndConsultation:
                if (Text(input.Opinion).Length == 0)
                    return Fail(nameof(input.Opinion), "请填写收到的意见；逾期未提出意见的，请写明“逾期未提出意见”。");
                return Ok(new ConsultationEnded(date, Text(input.Opinion)));
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
            case RequestStep.CloseForNonPayment:
                return Ok(new Decided(date, Outcome.FeeUnpaid, Or(input.Reason, "申请人逾期未缴纳信息处理费")));
            case RequestStep.Decide:
                if (input.Outcome is not { } outcome || !RequestSteps.DecisionOutcomes.Contains(outcome))
                    return Fail(nameof(input.Outcome), "请选择办理结果。");
                return Ok(new Decided(date, outcome, Text(input.Reason)));
            case RequestStep.Transfer:
                var reason = Text(input.Reason);
                return Ok(new Decided(date, Outcome.NotHeld,
                    $"该政府信息由{request.CompetentAgencyName}负责公开" + (reason.Length > 0 ? "。" + reason : "")));
            case RequestStep.Deliver:
                if (Text(input.Method).Length is 0 or > 100)
                    return Fail(nameof(input.Method), "请填写送达方式，如“邮寄（挂号信）”“电子邮件”“在线获取”“当面领取”。");
                return Ok(new Delivered(date, Text(input.Method)));
            case RequestStep.Withdraw:
                if (Text(input.Reason).Length == 0)
                    return Fail(nameof(input.Reason), "请写明申请人撤回的方式和时间，如“申请人来电撤回”。");
                return Ok(new Withdrawn(date, Text(input.Reason)));
            default:
                return Fail(nameof(input.Step), "未知的办理步骤。");
        }
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
