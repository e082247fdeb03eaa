using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.Attacks;

/// <summary>
/// Attack #7 of issue 11: a handler "imported" any file as a year's report and it was public on
/// /reports at once, with no office-head approval. An imported report is a draft until the office head publishes it.
/// </summary>
public sealed partial class ImportedReportAttackTests(RequestsFactory factory) : IClassFixture<RequestsFactory>
{
    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex Version();

    [Fact]
    public async Task Import_ByAHandler_NotPublicUntilTheOfficeHeadPublishesIt()
    {
        var (_, handler, head) = await factory.OfficeAsync("imp");
        var staff = factory.Browser();
        await staff.LogInAsync(handler.UserName!);
        var token = await staff.TokenAsync("/staff/reports");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("2020"), "year" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(Gongkai.Reports.Tests.TestFiles.Seed("000"))), "file", "2020年报.txt" },
        };
        var imported = await staff.PostAsync("/staff/reports?handler=Import", form);
        var page = imported.Headers.Location!.OriginalString;
        var id = page.Split('/')[^1];
        var visitor = factory.Browser();

        (await staff.GetStringAsync(page)).ShouldContain("待公开办负责人发布");
        (await visitor.GetAsync($"/reports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await visitor.GetStringAsync("/reports")).ShouldNotContain("imp市人民政府办公室");
        var byHandler = await staff.PostFormAsync(page, [KeyValuePair.Create("version", Version().Match(await staff.GetStringAsync(page)).Groups[1].Value)], page + "?handler=Publish");
        (await byHandler.Content.ReadAsStringAsync()).ShouldContain("只有公开办负责人");
        (await visitor.GetAsync($"/reports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var office = factory.Browser();
        await office.LogInAsync(head.UserName!);
        var published = await office.PostFormAsync(page, [KeyValuePair.Create("version", Version().Match(await office.GetStringAsync(page)).Groups[1].Value)], page + "?handler=Publish");

        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await visitor.GetAsync($"/reports/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await visitor.GetStringAsync("/reports")).ShouldContain("imp市人民政府办公室");
    }
}
