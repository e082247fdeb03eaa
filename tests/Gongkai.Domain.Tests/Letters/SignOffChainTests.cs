using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Letters;

public sealed class SignOffChainTests
{
    private static readonly SignOffChain Full = new(Enabled: true, Review: true, LegalReview: true, HeadMaySignOwn: false);

    [Theory]
    [InlineData(Outcome.PartiallyGranted, true)]
    [InlineData(Outcome.DeniedStateSecret, true)]
    [InlineData(Outcome.DeniedProcessInformation, true)]
    [InlineData(Outcome.DeniedAdministrativeQuery, true)]
    [InlineData(Outcome.NotHeld, true)]
    [InlineData(Outcome.NeedsCreation, true)]
    [InlineData(Outcome.UnclearAfterCorrection, true)]
    [InlineData(Outcome.PetitionOrComplaint, true)]
    [InlineData(Outcome.Duplicate, true)]
    [InlineData(Outcome.MassRepeated, true)]
    [InlineData(Outcome.Granted, false)]
    [InlineData(Outcome.NoCorrection, false)]
    [InlineData(Outcome.FeeUnpaid, false)]
    [InlineData(Outcome.Other, false)]
    [InlineData(null, false)]
    public void IsRefusal_DeniedNotProcessedUnavailableAndPartial_OthersNot(Outcome? outcome, bool refusal) =>
        SignOffChain.IsRefusal(outcome).ShouldBe(refusal);

    [Fact]
    public void IsRefusal_EveryOutcome_AgreesWithTheRowsOfTableThree()
    {
        foreach (var outcome in Enum.GetValues<Outcome>())
            SignOffChain.IsRefusal(outcome).ShouldBe(Outcomes.Of(outcome).IsRefusal, outcome.ToString());
    }

    [Theory]
    [InlineData(true, true, true, "Review,LegalReview,SignOff")]
    [InlineData(true, true, false, "Review,SignOff")]
    [InlineData(false, true, true, "LegalReview,SignOff")]
    [InlineData(false, true, false, "SignOff")]
    [InlineData(false, false, true, "SignOff")]
    [InlineData(true, false, true, "Review,SignOff")]
    public void Route_LegalReviewOnlyForRefusals_SignOffAlwaysLast(bool review, bool legal, bool refusal, string route) =>
        string.Join(",", new SignOffChain(true, review, legal, false).Route(refusal)).ShouldBe(route);

    [Theory]
    [InlineData(SignOffStage.Drafting, true, SignOffStage.Review)]
    [InlineData(SignOffStage.Review, true, SignOffStage.LegalReview)]
    [InlineData(SignOffStage.Review, false, SignOffStage.SignOff)]
    [InlineData(SignOffStage.LegalReview, true, SignOffStage.SignOff)]
    [InlineData(SignOffStage.SignOff, true, SignOffStage.Issued)]
    public void Next_AfterApproval_TheFollowingStage(SignOffStage current, bool refusal, SignOffStage next) =>
        Full.Next(current, refusal).ShouldBe(next);

    [Fact]
    public void Next_StageSwitchedOffWhileTheDraftWaits_GoesOnToSignOff()
    {
        var without = Full with { Review = false, LegalReview = false };

        without.Next(SignOffStage.Review, refusal: true).ShouldBe(SignOffStage.SignOff);
        without.Next(SignOffStage.Drafting, refusal: true).ShouldBe(SignOffStage.SignOff);
    }

    public static TheoryData<SignOffStage, SignOffPerson, bool, string?> Refusals => new()
    {
        { SignOffStage.Drafting, new(IsDrafter: false, CanHandle: true, IsOfficeHead: false, IsLegalReviewer: false), false, null },
        { SignOffStage.Drafting, new(false, false, false, true), false, "只有本机关的承办人或公开办负责人可以修改、提交文书。" },
        { SignOffStage.Review, new(false, true, false, false), false, null },
        { SignOffStage.Review, new(true, true, false, false), false, "不能审核本人起草的文书，请由其他工作人员审核。" },
        { SignOffStage.Review, new(false, false, false, true), false, "审核须由本机关的承办人或公开办负责人进行。" },
        { SignOffStage.LegalReview, new(false, false, false, true), false, null },
        { SignOffStage.LegalReview, new(false, true, true, false), false, "法制审核须由本机关的法制审核员进行。" },
        { SignOffStage.SignOff, new(false, true, true, false), false, null },
        { SignOffStage.SignOff, new(false, true, false, false), false, "签发须由本机关的公开办负责人进行。" },
        { SignOffStage.SignOff, new(true, true, true, false), false, "本机关不允许签发本人起草的文书，请由其他公开办负责人签发。" },
        { SignOffStage.SignOff, new(true, true, true, false), true, null },
        { SignOffStage.Issued, new(false, true, true, false), true, "文书已签发，不能再办理。" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Refusal_WhoMayActAtEachStage(SignOffStage stage, SignOffPerson person, bool headMaySignOwn, string? refusal) =>
        (Full with { HeadMaySignOwn = headMaySignOwn }).Refusal(stage, person).ShouldBe(refusal);
}
