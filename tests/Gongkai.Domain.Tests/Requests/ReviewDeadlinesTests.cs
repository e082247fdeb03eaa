using System.Globalization;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Requests;

/// <summary>
/// Issue 10 part 5: 行政复议 — the 答复 and evidence 10 working days after the office receives the 申请书副本
/// (行政复议法 2023 arts. 48 and 88); 行政诉讼 — the 答辩状 and evidence 15 calendar days after the 起诉状副本
/// (行政诉讼法 art. 67), a period ending on a rest day ending on the next working day.
/// </summary>
public class ReviewDeadlinesTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(ReviewKind.Review, "2026-03-02", "2026-03-16")]                  // ten working days, two weekends skipped
    [InlineData(ReviewKind.Review, "2026-09-28", "2026-10-16")]                  // 国庆 (10-01 to 10-07) skipped, the 调休 Saturday 10-10 counted
    [InlineData(ReviewKind.LitigationWithoutReview, "2026-03-02", "2026-03-17")] // fifteen calendar days
    [InlineData(ReviewKind.LitigationAfterReview, "2026-03-07", "2026-03-23")]  // ends on Sunday 03-22: the next working day
    [InlineData(ReviewKind.LitigationWithoutReview, "2026-09-16", "2026-10-08")] // ends on 10-01 (国庆): after the holiday
    [InlineData(ReviewKind.LitigationWithoutReview, "2026-09-25", "2026-10-10")] // ends on the 调休 Saturday, a working day
    public void AnswerDue_FromTheDayTheCopyIsReceived(ReviewKind kind, string copyReceived, string due) =>
        ReviewDeadlines.AnswerDue(kind, D(copyReceived), NationalCalendar.Default).Due.ShouldBe(D(due));

    [Fact]
    public void AnswerDue_Explanation_CitesTheLawAndTheDaysSkipped()
    {
        var review = ReviewDeadlines.AnswerDue(ReviewKind.Review, D("2026-09-28"), NationalCalendar.Default);
        var lawsuit = ReviewDeadlines.AnswerDue(ReviewKind.LitigationWithoutReview, D("2026-09-16"), NationalCalendar.Default);

        review.What.ShouldStartWith("行政复议答复书");
        review.Explanation[0].ShouldContain("行政复议法》第四十八条");
        review.Explanation[0].ShouldContain("第八十八条第二款");
        review.Explanation.ShouldContain(l => l.StartsWith("跳过节假日：2026-10-01", StringComparison.Ordinal));
        lawsuit.What.ShouldStartWith("答辩状");
        lawsuit.Explanation[0].ShouldContain("行政诉讼法》第六十七条第一款");
        lawsuit.Explanation[^1].ShouldStartWith("2026-10-01（星期四）（法定节假日）为休息日，期间届满日顺延至其后的第一个工作日2026-10-08（星期四）");
    }

    [Theory]
    [InlineData("2026-02-01", "2026-01-30", null, "收到行政复议申请书副本之日不能早于申请复议或起诉之日")]
    [InlineData("2026-02-01", null, "2026-02-20", "已提交书面答复的，请填写收到行政复议申请书副本之日")]
    [InlineData("2026-02-01", "2026-02-10", "2026-02-09", "提交书面答复之日不能早于收到行政复议申请书副本之日")]
    [InlineData("2026-02-01", "2026-02-10", "2026-02-20", null)]
    public void AnswerProblem_DatesOutOfOrder_Explained(string filed, string? copy, string? answered, string? problem) =>
        ReviewCases.AnswerProblem(ReviewKind.Review, D(filed), copy is null ? null : D(copy), answered is null ? null : D(answered)).ShouldBe(problem);

    [Theory]
    [InlineData(ReviewKind.LitigationAfterReview, ReviewKind.Review, "2026-05-01", null)]
    [InlineData(ReviewKind.LitigationWithoutReview, ReviewKind.Review, "2026-05-01", "只有“复议后起诉”的案件关联其行政复议案件")]
    [InlineData(ReviewKind.LitigationAfterReview, ReviewKind.LitigationWithoutReview, "2026-05-01", "关联的案件应为行政复议案件")]
    [InlineData(ReviewKind.LitigationAfterReview, ReviewKind.Review, "2026-01-01", "起诉日期不能早于所关联的行政复议申请日期")]
    public void FollowProblem_ALawsuitAfterReview_FollowsAnEarlierReview(ReviewKind kind, ReviewKind followed, string filed, string? problem) =>
        ReviewCases.FollowProblem(kind, D(filed), followed, D("2026-02-01")).ShouldBe(problem);
}
