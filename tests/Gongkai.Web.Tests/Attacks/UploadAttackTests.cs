using System.Net;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.Attacks;

/// <summary>
/// Attack #3 of issue 11: uploads were written to disk before the transaction committed, so a refused
/// submission left its earlier files behind with no record — an anonymous disk-filler.
/// </summary>
public sealed class UploadAttackTests(RequestsFactory factory) : IClassFixture<RequestsFactory>
{
    [Fact]
    public async Task RequestForm_GoodFilesThenARefusedOne_NoFileLeftBehind()
    {
        var (office, _, _) = await factory.OfficeAsync("orphan");
        var client = factory.Browser();
        var before = factory.StoredFiles();

        for (var i = 0; i < 3; i++)
        {
            var refused = await client.PostMultipartAsync("/requests/new", RequestsFactory.FormFields(office.Id),
                [("IdentityProof", "身份证.png", RequestsFactory.Png), ("Supporting", "说明.png", RequestsFactory.Png), ("Supporting", "病毒.png", "MZ\x90\0"u8.ToArray())]);
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("不支持的文件类型");
        }

        factory.StoredFiles().ShouldBe(before);
    }

    [Fact]
    public async Task RequestApi_GoodFilesThenARefusedOne_NoFileLeftBehind()
    {
        var (office, _, _) = await factory.OfficeAsync("orphanapi");
        var before = factory.StoredFiles();
        var png = Convert.ToBase64String(RequestsFactory.Png);

        var refused = await factory.Browser().PostAsync("/api/v1/requests", System.Net.Http.Json.JsonContent.Create(new
        {
            application = new
            {
                agencyId = office.Id, applicantType = "NaturalPerson", applicantName = "张三", identityDocument = "ResidentIdCard",
                identityNumber = "11010519491231002X", phone = "13800000000", description = "请公开2025年老旧小区改造项目清单。", deliveryForm = "Electronic",
            },
            attachments = new[]
            {
                new { kind = "IdentityProof", fileName = "id.png", contentBase64 = png },
                new { kind = "Supporting", fileName = "a.png", contentBase64 = png },
                new { kind = "Supporting", fileName = "b.png", contentBase64 = Convert.ToBase64String("MZ\x90\0"u8.ToArray()) },
            },
        }));

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        factory.StoredFiles().ShouldBe(before);
    }
}
