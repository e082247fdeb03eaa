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
            Life(NormativeKind.NormativeDocument, "2020-03-01"),
            Life(NormativeKind.NormativeDocument, "2021-05-01", repealed: "2022-04-01"),
            Life(NormativeKind.NormativeDocument, "2022-01-10", until: "2024-01-09"),
            Life(NormativeKind.NormativeDocument, "2022-06-01", until: "2022-10-31"),
            Life(NormativeKind.Rule, "2022-02-01"),
        ];

        // The term that ran out on 2022-10-31 is 本年废止 too (自然失效): 1 repealed + 1 expired.
        NormativeStatistics.For(2022, NormativeKind.NormativeDocument, documents).ShouldBe(new NormativeYear(2, 2, 2, 1, 2));
        NormativeStatistics.For(2022, NormativeKind.Rule, documents).ShouldBe(new NormativeYear(1, 1, 0, 0, 1));
    }

    /// <summary>Issue 14 row 3: a 规范性文件 valid until 2025-06-30 counts in 2025's 本年废止 as 自然失效, and the identity holds.</summary>
    [Fact]
    public void NormativeStatistics_ExpiryInTheYear_CountedAsRepealedAndExpired()
    {
        NormativeLife[] documents = [Life(NormativeKind.NormativeDocument, "2023-07-01", until: "2025-06-30"), Life(NormativeKind.NormativeDocument, "2024-02-01")];

        var y2024 = NormativeStatistics.For(2024, NormativeKind.NormativeDocument, documents);
        var y2025 = NormativeStatistics.For(2025, NormativeKind.NormativeDocument, documents);

        y2025.ShouldBe(new NormativeYear(0, 0, 1, 1, 1));
        (y2024.InForce + y2025.Issued - y2025.Repealed).ShouldBe(y2025.InForce);
    }

    /// <summary>Issue 14 row 6: the 2019 template's 本年新公开 is by publication date — issued 2019-12-25, published 2020-01-06, counts in 2020.</summary>
    [Fact]
    public void NormativeStatistics_PublishedInTheNextYear_CountsAsNewlyPublishedThen()
    {
        NormativeLife[] documents = [Life(NormativeKind.NormativeDocument, "2019-12-25", published: "2020-01-06")];

        NormativeStatistics.For(2019, NormativeKind.NormativeDocument, documents).ShouldBe(new NormativeYear(1, 0, 0, 0, 1));
        NormativeStatistics.For(2020, NormativeKind.NormativeDocument, documents).ShouldBe(new NormativeYear(0, 1, 0, 0, 1));
    }

    /// <summary>现行有效 at a year end is last year's plus 制发 minus 废止, whatever the data: repealed after expiry, ended before issue, replaced.</summary>
    [Fact]
    public void NormativeStatistics_AnyDocuments_InForceIdentityHoldsEveryYear()
    {
        NormativeLife[] documents =
        [
            Life(NormativeKind.NormativeDocument, "2020-03-01", until: "2021-02-28", repealed: "2022-05-01"),
            Life(NormativeKind.NormativeDocument, "2021-05-01", until: "2023-12-31", repealed: "2022-04-01"),
            Life(NormativeKind.NormativeDocument, "2022-06-01", repealed: "2022-03-01"),
            Life(NormativeKind.NormativeDocument, "2022-12-31", until: "2022-12-30"),
            Life(NormativeKind.NormativeDocument, "2023-01-01", until: "2023-12-31"),
        ];

        for (var year = 2020; year <= 2025; year++)
        {
            var before = NormativeStatistics.For(year - 1, NormativeKind.NormativeDocument, documents);
            var now = NormativeStatistics.For(year, NormativeKind.NormativeDocument, documents);
            (before.InForce + now.Issued - now.Repealed).ShouldBe(now.InForce, year.ToString(CultureInfo.InvariantCulture));
            now.Expired.ShouldBeLessThanOrEqualTo(now.Repealed);
        }
    }

    private static NormativeLife Life(NormativeKind kind, string issued, string? until = null, string? repealed = null, string? published = null) =>
        new(kind, D(issued), D(published ?? issued), until is null ? null : D(until), repealed is null ? null : D(repealed));

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
