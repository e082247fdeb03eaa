using Gongkai.Domain.Agencies;
using Gongkai.Domain.Supervision;

namespace Gongkai.Domain.Tests.Supervision;

public sealed class PublicationDeadlineTests
{
    [Theory]
    [InlineData(PublisherKind.Department, "2023-01-31", PublicationStatus.OnTime)]
    [InlineData(PublisherKind.Department, "2023-02-01", PublicationStatus.Late)]
    [InlineData(PublisherKind.Government, "2023-02-01", PublicationStatus.OnTime)]
    [InlineData(PublisherKind.Government, "2023-03-31", PublicationStatus.OnTime)]
    [InlineData(PublisherKind.Government, "2023-04-01", PublicationStatus.Late)]
    [InlineData(PublisherKind.Department, "2022-12-30", PublicationStatus.OnTime)]
    public void Status_Report2022_ByArticle49(PublisherKind kind, string issuedOn, PublicationStatus expected) =>
        PublicationDeadline.Status(2022, kind, DateOnly.Parse(issuedOn, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void Status_NoIssueDate_UnknownNotOnTime() =>
        PublicationDeadline.Status(2022, PublisherKind.Government, null).ShouldBe(PublicationStatus.DateUnknown);

    [Theory]
    [InlineData(AgencyLevel.Department, PublisherKind.Department)]
    [InlineData(AgencyLevel.City, PublisherKind.Government)]
    [InlineData(AgencyLevel.County, PublisherKind.Government)]
    [InlineData(AgencyLevel.Township, PublisherKind.Government)]
    public void KindOf_Level(AgencyLevel level, PublisherKind expected) => PublicationDeadline.KindOf(level).ShouldBe(expected);

    [Theory]
    [InlineData("深圳市人民政府", PublisherKind.Government)]
    [InlineData("深圳市龙岗区", PublisherKind.Government)]
    [InlineData("深圳市住房和建設局", PublisherKind.Department)]
    [InlineData("北京市朝阳区人民政府办公室", PublisherKind.Department)]
    [InlineData("示范市明德区文昌街道办事处", PublisherKind.Government)]
    [InlineData("根河市住建局", PublisherKind.Department)]
    public void KindOf_PrintedName(string name, PublisherKind expected) => PublicationDeadline.KindOf(name).ShouldBe(expected);
}
