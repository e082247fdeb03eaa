using System.Globalization;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Catalogue;

namespace Gongkai.Domain.Tests.Catalogue;

public class CatalogueTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void IndexNumber_FormatsAndParsesTheAgencyScheme()
    {
        var number = new IndexNumber("014421017", 2018, 546);

        number.ToString().ShouldBe("014421017/2018-00546");
        IndexNumber.TryParse("014421017/2018-00546", out var parsed).ShouldBeTrue();
        parsed.ShouldBe(number);
        IndexNumber.TryParse("014421017-2018-00546", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2026-06-30", null, null, Validity.Valid)]
    [InlineData("2026-06-30", "2026-06-30", null, Validity.Valid)]
    [InlineData("2026-07-01", "2026-06-30", null, Validity.Expired)]
    [InlineData("2026-07-01", "2027-06-30", "2026-07-01", Validity.Repealed)]
    public void Validity_OnADate(string date, string? until, string? repealed, Validity expected) =>
        Validities.On(D(date), until is null ? null : D(until), repealed is null ? null : D(repealed)).ShouldBe(expected);

    [Fact]
    public void NormativeStatistics_IssuedRepealedAndInForceAtYearEnd()
    {
        NormativeLife[] documents =
        [
            new(NormativeKind.NormativeDocument, D("2020-03-01"), null, null),
            new(NormativeKind.NormativeDocument, D("2021-05-01"), null, D("2022-04-01")),
            new(NormativeKind.NormativeDocument, D("2022-01-10"), D("2024-01-09"), null),
            new(NormativeKind.NormativeDocument, D("2022-06-01"), D("2022-10-31"), null),
            new(NormativeKind.Rule, D("2022-02-01"), null, null),
        ];

        NormativeStatistics.For(2022, NormativeKind.NormativeDocument, documents).ShouldBe((2, 1, 2));
        NormativeStatistics.For(2022, NormativeKind.Rule, documents).ShouldBe((1, 0, 1));
    }

    [Theory]
    [InlineData(PublishingStatus.Draft, PublishingAction.SubmitForReview, PublishingStatus.InReview)]
    [InlineData(PublishingStatus.InReview, PublishingAction.Approve, PublishingStatus.Approved)]
    [InlineData(PublishingStatus.InReview, PublishingAction.Reject, PublishingStatus.Draft)]
    [InlineData(PublishingStatus.Approved, PublishingAction.Publish, PublishingStatus.Published)]
    [InlineData(PublishingStatus.Approved, PublishingAction.Edit, PublishingStatus.Draft)]
    [InlineData(PublishingStatus.Published, PublishingAction.Withdraw, PublishingStatus.Withdrawn)]
    public void Workflow_LegalMoves(PublishingStatus from, PublishingAction action, PublishingStatus to) =>
        PublishingWorkflow.Next(from, action).ShouldBe(to);

    [Theory]
    [InlineData(PublishingStatus.Draft, PublishingAction.Publish, "未经保密审查通过")]
    [InlineData(PublishingStatus.InReview, PublishingAction.Publish, "未经保密审查通过")]
    [InlineData(PublishingStatus.Draft, PublishingAction.Approve, "只有待保密审查")]
    [InlineData(PublishingStatus.Published, PublishingAction.Edit, "撤回后重新起草")]
    [InlineData(PublishingStatus.Withdrawn, PublishingAction.Publish, "不能发布")]
    [InlineData(PublishingStatus.Draft, PublishingAction.Withdraw, "只有已发布")]
    public void Workflow_IllegalMoves_RefusedWithReason(PublishingStatus from, PublishingAction action, string message) =>
        Should.Throw<PublishingRuleException>(() => PublishingWorkflow.Next(from, action)).Message.ShouldContain(message);

    [Fact]
    public void PublishDue_TwentyWorkingDaysAfterCreation() =>
        PublishingWorkflow.PublishDue(D("2026-02-10"), NationalCalendar.Default).ShouldBe(D("2026-03-16"));
}
