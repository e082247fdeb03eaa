using Gongkai.Domain.Requests;

namespace Gongkai.Core.Requests;

/// <summary>
/// 行政复议 or 行政诉讼 against an agency over its disclosure work, as a case of its own (table 四):
/// over a request's answer (<see cref="RequestId"/>), or over anything else — a request on paper
/// from before the platform, a complaint that something was not proactively disclosed. A 复议后起诉
/// names the review it follows (<see cref="ReviewOfId"/>). The office's answer is due from the day
/// it received the copy of the application or complaint (<see cref="ReviewDeadlines"/>).
/// </summary>
public sealed class ReviewCaseRecord
{
    public int Id { get; set; }
    /// <summary>The request whose handling is challenged, when it is on the platform.</summary>
    public int? RequestId { get; set; }
    /// <summary>For a 复议后起诉: the review case it follows.</summary>
    public int? ReviewOfId { get; set; }
    /// <summary>被申请人 or 被告: the agency whose act is challenged; the case is scoped to it.</summary>
    public int AgencyId { get; set; }
    public ReviewKind Kind { get; set; }
    /// <summary>事由: what is challenged, e.g. 对政府信息公开申请答复不服, 未依法主动公开.</summary>
    public required string Subject { get; set; }
    /// <summary>申请人 or 原告.</summary>
    public string? ApplicantName { get; set; }
    /// <summary>申请复议或起诉之日 (or the day the case was accepted).</summary>
    public DateOnly FiledOn { get; set; }
    /// <summary>The day the office received the copy of the application (申请书副本) or complaint (起诉状副本).</summary>
    public DateOnly? CopyReceivedOn { get; set; }
    /// <summary>The day the office submitted its 答复 or 答辩状 with the evidence.</summary>
    public DateOnly? AnsweredOn { get; set; }
    /// <summary>复议机关 or 人民法院.</summary>
    public required string Authority { get; set; }
    public string? CaseNumber { get; set; }
    public ReviewResult Result { get; set; }
    public DateOnly? ConcludedOn { get; set; }
    public string? Notes { get; set; }
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }

    public ReviewCase ToCase() => new(Kind, FiledOn, Result, ConcludedOn);
}
