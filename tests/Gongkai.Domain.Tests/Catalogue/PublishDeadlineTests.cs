using System.Globalization;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Catalogue;

namespace Gongkai.Domain.Tests.Catalogue;

public class PublishDeadlineTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Created 2026-02-10; the 2026 Spring Festival (02-15 to 02-23) and its make-up days
    // push the twentieth working day to 2026-03-16.
    [Theory]
    [InlineData("2026-02-10", false, 20)]
    [InlineData("2026-03-13", false, 1)]
    [InlineData("2026-03-16", false, 0)]
    [InlineData("2026-03-17", true, 1)]
    [InlineData("2026-03-23", true, 5)]
    public void Deadline_AgainstTwentyWorkingDays(string today, bool overdue, int workingDays) =>
        PublishingWorkflow.Deadline(D("2026-02-10"), D(today), NationalCalendar.Default)
            .ShouldBe(new PublishDeadline(D("2026-03-16"), overdue, workingDays));

    [Fact]
    public void Deadline_RestDayAfterTheDueDay_AlreadyOverdue()
    {
        // Due on Friday 2026-03-13 for a draft of 2026-02-09; Saturday is past it though no working day has gone.
        var deadline = PublishingWorkflow.Deadline(D("2026-02-09"), D("2026-03-14"), NationalCalendar.Default);

        deadline.Due.ShouldBe(D("2026-03-13"));
        deadline.IsOverdue.ShouldBeTrue();
        deadline.WorkingDays.ShouldBe(0);
    }

    [Theory]
    [InlineData(PublishingStatus.Draft, true)]
    [InlineData(PublishingStatus.InReview, true)]
    [InlineData(PublishingStatus.Approved, true)]
    [InlineData(PublishingStatus.Published, false)]
    [InlineData(PublishingStatus.Withdrawn, false)]
    [InlineData(PublishingStatus.Discarded, false)]
    public void IsPending_OnlyBeforePublishing(PublishingStatus status, bool pending) =>
        PublishingWorkflow.IsPending(status).ShouldBe(pending);

    [Fact]
    public void Discard_OnlyADraft()
    {
        PublishingWorkflow.Next(PublishingStatus.Draft, PublishingAction.Discard).ShouldBe(PublishingStatus.Discarded);
        Should.Throw<PublishingRuleException>(() => PublishingWorkflow.Next(PublishingStatus.Published, PublishingAction.Discard))
            .Message.ShouldContain("请撤回");
        PublishingWorkflow.Allows(PublishingStatus.Discarded, PublishingAction.Edit).ShouldBeFalse();
    }

    [Theory]
    [InlineData(DocumentKind.Rule, NormativeKind.Rule)]
    [InlineData(DocumentKind.NormativeDocument, NormativeKind.NormativeDocument)]
    [InlineData(DocumentKind.Ordinary, null)]
    [InlineData(DocumentKind.Interpretation, null)]
    public void Normative_OnlyRulesAndNormativeDocumentsCount(DocumentKind kind, NormativeKind? expected) =>
        kind.Normative().ShouldBe(expected);
}
