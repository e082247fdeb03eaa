using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Requests;

public class RemediesTests
{
    [Theory]
    [InlineData(Outcome.DeniedStateSecret, true)]
    [InlineData(Outcome.DeniedAdministrativeQuery, true)]
    [InlineData(Outcome.PartiallyGranted, true)]
    [InlineData(Outcome.Granted, false)]
    [InlineData(Outcome.NotHeld, false)]
    [InlineData(Outcome.Duplicate, false)]
    public void ReviewFirst_RefusalsToDiscloseGoToReviewBeforeCourt(Outcome outcome, bool reviewFirst)
    {
        Remedies.ReviewFirst(outcome).ShouldBe(reviewFirst);
        Remedies.Text(outcome, "示范市人民政府").ShouldContain(reviewFirst ? "应当" : "也可以");
        Remedies.Text(outcome, "示范市人民政府").ShouldContain("向示范市人民政府申请行政复议");
    }
}
