namespace Gongkai.Domain.Reports.Generation;

/// <summary>
/// The checks stand between a draft and the public: a report with an error-severity finding is
/// published only when the office head (公开办负责人) overrides them and records why.
/// </summary>
public static class PublishingGate
{
    public const int MaxReasonLength = 1000;

    public static IReadOnlyList<Finding> Blocking(IEnumerable<Finding> findings) =>
        [.. findings.Where(f => f.Severity == Severity.Error)];

    /// <summary>Why publishing is refused, or null when it may go ahead.</summary>
    public static string? Refusal(IReadOnlyList<Finding> findings, bool isOfficeHead, string? overrideReason)
    {
        var errors = Blocking(findings).Count;
        var reason = overrideReason?.Trim() ?? "";
        if (errors == 0)
            return null;
        if (!isOfficeHead)
            return $"报告有{errors}个错误，须修正后再发布，或由公开办负责人说明理由后发布。";
        if (reason.Length == 0)
            return $"报告有{errors}个错误。确需发布的，请填写发布理由。";
        if (reason.Length > MaxReasonLength)
            return $"发布理由不能超过{MaxReasonLength}个字。";
        return null;
    }
}
