using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Requests;

/// <summary>The three groups of table 四, in its order.</summary>
public enum ReviewKind
{
    /// <summary>行政复议</summary>
    Review,

    /// <summary>行政诉讼：未经复议直接起诉</summary>
    LitigationWithoutReview,

    /// <summary>行政诉讼：复议后起诉</summary>
    LitigationAfterReview,
}

/// <summary>The columns of table 四 a case falls in.</summary>
public enum ReviewResult
{
    /// <summary>尚未审结</summary>
    Pending,

    /// <summary>结果维持</summary>
    Upheld,

    /// <summary>结果纠正</summary>
    Corrected,

    /// <summary>其他结果 (withdrawn, dismissed without deciding the merits …)</summary>
    Other,
}

/// <summary>One administrative review or lawsuit over a request, as table 四 needs it.</summary>
public sealed record ReviewCase(ReviewKind Kind, DateOnly FiledOn, ReviewResult Result, DateOnly? ConcludedOn);

public static class ReviewCases
{
    public static string Label(ReviewKind kind) => kind switch
    {
        ReviewKind.Review => "行政复议",
        ReviewKind.LitigationWithoutReview => "行政诉讼（未经复议直接起诉）",
        ReviewKind.LitigationAfterReview => "行政诉讼（复议后起诉）",
    };

    public static string Label(ReviewResult result) => result switch
    {
        ReviewResult.Pending => "尚未审结",
        ReviewResult.Upheld => "结果维持",
        ReviewResult.Corrected => "结果纠正",
        ReviewResult.Other => "其他结果",
    };

    public static string RowKey(ReviewKind kind) => kind switch
    {
        ReviewKind.Review => "review",
        ReviewKind.LitigationWithoutReview => "litigationWithoutReview",
        ReviewKind.LitigationAfterReview => "litigationAfterReview",
    };

    /// <summary>事由 of a case over a request's answer, when staff do not word it otherwise.</summary>
    public const string RequestSubject = "对政府信息公开申请答复不服";

    /// <summary>Who brings the case: 申请人 in a review, 原告 in a lawsuit.</summary>
    public static string ApplicantLabel(ReviewKind kind) => kind == ReviewKind.Review ? "申请人" : "原告";

    /// <summary>The copy the office receives and answers: 申请书副本 in a review, 起诉状副本 in a lawsuit.</summary>
    public static string CopyLabel(ReviewKind kind) => kind == ReviewKind.Review ? "行政复议申请书副本" : "起诉状副本";

    /// <summary>What the office submits: 答复 in a review, 答辩状 in a lawsuit.</summary>
    public static string AnswerLabel(ReviewKind kind) => kind == ReviewKind.Review ? "书面答复" : "答辩状";

    /// <summary>Why a record is inconsistent, or null: a result comes with its conclusion date, on or after filing.</summary>
    public static string? Problem(ReviewCase c) => (c.Result, c.ConcludedOn) switch
    {
        (ReviewResult.Pending, not null) => "尚未审结的案件不应填写审结日期",
        (not ReviewResult.Pending, null) => "已审结的案件应填写审结日期",
        (_, { } concluded) when concluded < c.FiledOn => "审结日期不能早于立案日期",
        _ => null,
    };

    /// <summary>
    /// Why the dates of the answer are inconsistent, or null: the copy arrives on or after filing, and
    /// the answer follows the copy it answers.
    /// </summary>
    public static string? AnswerProblem(ReviewKind kind, DateOnly filedOn, DateOnly? copyReceivedOn, DateOnly? answeredOn) =>
        (copyReceivedOn, answeredOn) switch
        {
            ({ } copy, _) when copy < filedOn => $"收到{CopyLabel(kind)}之日不能早于申请复议或起诉之日",
            (null, not null) => $"已提交{AnswerLabel(kind)}的，请填写收到{CopyLabel(kind)}之日",
            ({ } copy, { } answered) when answered < copy => $"提交{AnswerLabel(kind)}之日不能早于收到{CopyLabel(kind)}之日",
            _ => null,
        };

    /// <summary>
    /// Why a case cannot follow the given review (复议后起诉), or null: only a lawsuit after review
    /// follows one, it follows a review (not a lawsuit), and is filed on or after the review.
    /// </summary>
    public static string? FollowProblem(ReviewKind kind, DateOnly filedOn, ReviewKind followedKind, DateOnly followedFiledOn) =>
        kind != ReviewKind.LitigationAfterReview ? "只有“复议后起诉”的案件关联其行政复议案件"
        : followedKind != ReviewKind.Review ? "关联的案件应为行政复议案件"
        : filedOn < followedFiledOn ? "起诉日期不能早于所关联的行政复议申请日期"
        : null;

    /// <summary>
    /// Table 四 of <paramref name="year"/>: a case concluded in the year counts under its result; a
    /// case filed by 31 December and not concluded by then counts as 尚未审结. A case pending at one
    /// year end and concluded the next year is counted in both years, as each year's report shows
    /// the state at its own year end (docs/decisions/0011).
    /// </summary>
    public static StatTable TableFour(IEnumerable<ReviewCase> cases, int year)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        var counts = new int[3, 5];
        foreach (var c in cases)
        {
            int column;
            if (c.ConcludedOn is { } concluded && concluded.Year == year && c.Result != ReviewResult.Pending)
                column = (int)c.Result - 1;
            else if (c.FiledOn <= yearEnd && (c.ConcludedOn is null || c.ConcludedOn > yearEnd))
                column = 3;
            else
                continue;
            counts[(int)c.Kind, column]++;
            counts[(int)c.Kind, 4]++;
        }
        var table = new StatTable(ReportTable.ReviewLitigation);
        foreach (var kind in Enum.GetValues<ReviewKind>())
            table.Set(RowKey(kind), [.. Enumerable.Range(0, 5).Select(i => Cell.Of(counts[(int)kind, i]))]);
        return table;
    }
}
