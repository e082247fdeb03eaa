namespace Gongkai.Core.Requests.Letters;

/// <summary>A step's letter as its template gives it, before it is issued.</summary>
public sealed record ComposedLetter(LetterKind Kind, string Title, string Addressee, string Body, string Signatory, DateOnly Date, bool ForApplicant);

/// <summary>
/// What <see cref="LetterService.IssueAsync"/> does with the letter of the step being taken while a
/// draft is tried (compose only, keep nothing: the trial is rolled back) or signed off (issue it with
/// the draft's text, rebased on what the template gives on the day of 签发).
/// </summary>
internal sealed class LetterPlan
{
    private LetterPlan(bool trial, string draftBase, string draftBody) => (IsTrial, DraftBase, DraftBody) = (trial, draftBase, draftBody);

    public static LetterPlan Trial() => new(true, "", "");

    public static LetterPlan Signing(string draftBase, string draftBody) => new(false, draftBase, draftBody);

    public bool IsTrial { get; }
    public string DraftBase { get; }
    public string DraftBody { get; }

    /// <summary>The letter as the template gave it.</summary>
    public ComposedLetter? Composed { get; set; }

    /// <summary>The letter issued at 签发.</summary>
    public RequestLetter? Issued { get; set; }

    /// <summary>At 签发: the template now gives a paragraph the handler also changed, so the draft cannot be issued as it stands.</summary>
    public bool Conflict { get; set; }
}
