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

    /// <summary>Why a record is inconsistent, or null: a result comes with its conclusion date, on or after filing.</summary>
    public static string? Problem(ReviewCase c) => (c.Result, c.ConcludedOn) switch
    {
        (ReviewResult.Pending, not null) => "尚未审结的案件不应填写审结日期",
        (not ReviewResult.Pending, null) => "已审结的案件应填写审结日期",
        (_, { } concluded) when concluded < c.FiledOn => "审结日期不能早于立案日期",
        _ => null,
    };

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
