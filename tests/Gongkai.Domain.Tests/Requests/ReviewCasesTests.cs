using System.Globalization;
using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Requests;

public class ReviewCasesTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly ReviewCase[] Cases =
    [
        new(ReviewKind.Review, D("2026-02-01"), ReviewResult.Upheld, D("2026-04-01")),
        new(ReviewKind.Review, D("2026-03-01"), ReviewResult.Corrected, D("2026-05-01")),
        new(ReviewKind.Review, D("2026-11-01"), ReviewResult.Pending, null),
        new(ReviewKind.Review, D("2025-11-01"), ReviewResult.Other, D("2026-01-15")),             // pending in 2025, 其他 in 2026
        new(ReviewKind.LitigationWithoutReview, D("2026-06-01"), ReviewResult.Upheld, D("2027-02-01")), // pending at the end of 2026
        new(ReviewKind.LitigationAfterReview, D("2025-03-01"), ReviewResult.Upheld, D("2025-09-01")),   // 2025 only
        new(ReviewKind.LitigationAfterReview, D("2027-01-05"), ReviewResult.Pending, null),              // 2027 only
    ];

    [Fact]
    public void TableFour_ConcludedByResultAndOpenAtYearEndAsPending()
    {
        var table = ReviewCases.TableFour(Cases, 2026);

        Row(table, "review").ShouldBe([1, 1, 1, 1, 4]);
        Row(table, "litigationWithoutReview").ShouldBe([0, 0, 0, 1, 1]);
        Row(table, "litigationAfterReview").ShouldBe([0, 0, 0, 0, 0]);
    }

    [Fact]
    public void TableFour_PreviousYear_ShowsItsOwnYearEnd()
    {
        var table = ReviewCases.TableFour(Cases, 2025);

        Row(table, "review").ShouldBe([0, 0, 0, 1, 1]);
        Row(table, "litigationAfterReview").ShouldBe([1, 0, 0, 0, 1]);
    }

    [Theory]
    [InlineData(ReviewResult.Pending, "2026-03-01", "不应填写审结日期")]
    [InlineData(ReviewResult.Upheld, null, "应填写审结日期")]
    [InlineData(ReviewResult.Upheld, "2026-01-01", "不能早于立案日期")]
    public void Problem_InconsistentRecord_Explained(ReviewResult result, string? concluded, string problem) =>
        ReviewCases.Problem(new ReviewCase(ReviewKind.Review, D("2026-02-01"), result, concluded is null ? null : D(concluded)))!.ShouldContain(problem);

    private static decimal[] Row(Domain.Reports.StatTable table, string key) => [.. table[key]!.Select(c => c.Value!.Value)];
}
