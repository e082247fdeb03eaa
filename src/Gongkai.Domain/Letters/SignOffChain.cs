using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Letters;

/// <summary>Where a drafted letter is in the office's chain (承办 → 审核 → 法制审核 → 签发).</summary>
public enum SignOffStage
{
    /// <summary>承办: the handler writes the draft, or revises it after a return.</summary>
    Drafting,

    /// <summary>审核: a colleague of the office checks the draft.</summary>
    Review,

    /// <summary>法制审核: the legal reviewer checks a refusal.</summary>
    LegalReview,

    /// <summary>签发: the office head signs the letter off; the step is then taken and the letter issued.</summary>
    SignOff,

    /// <summary>已签发.</summary>
    Issued,

    /// <summary>已撤销: the handler dropped the draft; nothing was issued.</summary>
    Withdrawn,
}

/// <summary>What someone did to a draft; each is a line of its history.</summary>
public enum SignOffAction
{
    Drafted,
    Submitted,
    Approved,
    Returned,
    SignedOff,
    Withdrawn,
}

/// <summary>Who acts on a draft, as the chain's rules see them.</summary>
public sealed record SignOffPerson(bool IsDrafter, bool CanHandle, bool IsOfficeHead, bool IsLegalReviewer);

/// <summary>
/// An agency's chain: whether its letters are signed off at all, whether a colleague reviews
/// (审核) first, whether refusals pass a legal review (法制审核), and whether the office head may
/// sign off a draft of their own. The stages always run in the order of <see cref="SignOffStage"/>.
/// </summary>
public sealed record SignOffChain(bool Enabled, bool Review, bool LegalReview, bool HeadMaySignOwn)
{
    /// <summary>No chain: every letter is issued with its step, as an office without the chain works.</summary>
    public static SignOffChain Off { get; } = new(false, false, false, false);

    /// <summary>
    /// A refusal for the legal review: 不予公开, 不予处理, 无法提供 (表三's rows results.denied.*,
    /// results.notProcessed.*, results.unavailable.*) and 部分公开, whose withheld part is one.
    /// </summary>
    public static bool IsRefusal(Outcome? outcome) => outcome is { } o && Outcomes.Of(o).RowKey is var row
        && (row == "results.partiallyGranted" || row.StartsWith("results.denied.", StringComparison.Ordinal)
            || row.StartsWith("results.notProcessed.", StringComparison.Ordinal) || row.StartsWith("results.unavailable.", StringComparison.Ordinal));

    /// <summary>The stages a draft passes after 承办, in order; the last is always 签发.</summary>
    public IReadOnlyList<SignOffStage> Route(bool refusal)
    {
        var route = new List<SignOffStage>();
        if (Review)
            route.Add(SignOffStage.Review);
        if (LegalReview && refusal)
            route.Add(SignOffStage.LegalReview);
        route.Add(SignOffStage.SignOff);
        return route;
    }

    /// <summary>Where a draft goes when the stage it is at approves it (承办 submits it).</summary>
    public SignOffStage Next(SignOffStage current, bool refusal)
    {
        if (current == SignOffStage.SignOff)
            return SignOffStage.Issued;
        if (current is SignOffStage.Issued or SignOffStage.Withdrawn)
            throw new InvalidOperationException($"A draft at {current} goes nowhere.");
        // Stages the agency has since switched off are skipped; one it switched on is not gone back to.
        return Route(refusal).First(s => s > current);
    }

    /// <summary>Why <paramref name="person"/> may not act on a draft at <paramref name="stage"/>, or null.</summary>
    public string? Refusal(SignOffStage stage, SignOffPerson person) => stage switch
    {
        SignOffStage.Drafting => person.CanHandle ? null : "只有本机关的承办人或公开办负责人可以修改、提交文书。",
        SignOffStage.Review when !person.CanHandle => "审核须由本机关的承办人或公开办负责人进行。",
        SignOffStage.Review when person.IsDrafter => "不能审核本人起草的文书，请由其他工作人员审核。",
        SignOffStage.Review => null,
        SignOffStage.LegalReview when !person.IsLegalReviewer => "法制审核须由本机关的法制审核员进行。",
        SignOffStage.LegalReview when person.IsDrafter => "不能对本人起草的文书进行法制审核。",
        SignOffStage.LegalReview => null,
        SignOffStage.SignOff when !person.IsOfficeHead => "签发须由本机关的公开办负责人进行。",
        SignOffStage.SignOff when person.IsDrafter && !HeadMaySignOwn => "本机关不允许签发本人起草的文书，请由其他公开办负责人签发。",
        SignOffStage.SignOff => null,
        SignOffStage.Issued => "文书已签发，不能再办理。",
        SignOffStage.Withdrawn => "文书已撤销，不能再办理。",
    };

    public static string Label(SignOffStage stage) => stage switch
    {
        SignOffStage.Drafting => "承办",
        SignOffStage.Review => "审核",
        SignOffStage.LegalReview => "法制审核",
        SignOffStage.SignOff => "签发",
        SignOffStage.Issued => "已签发",
        SignOffStage.Withdrawn => "已撤销",
    };

    public static string Label(SignOffAction action, SignOffStage stage) => action switch
    {
        SignOffAction.Drafted => "起草",
        SignOffAction.Submitted => "提交",
        SignOffAction.Approved => Label(stage) + "通过",
        SignOffAction.Returned => Label(stage) + "退回",
        SignOffAction.SignedOff => "签发",
        SignOffAction.Withdrawn => "撤销",
    };
}
