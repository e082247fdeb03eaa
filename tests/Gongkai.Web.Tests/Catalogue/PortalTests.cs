using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.Catalogue;

/// <summary>The public side of the catalogue: list, document pages, search, feeds, sitemaps.</summary>
public sealed class PortalTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Document_Published_ListedAndShownWithItsMetadata()
    {
        var agency = await factory.AgencyAsync("门户测试市人民政府", AgencyLevel.City);
        var document = await factory.PublishedAsync(agency.Id, "门户测试市关于开展义务植树活动的通知", "<p>请各单位组织义务植树。</p>");
        var client = factory.Browser();

        var list = await client.GetStringAsync($"/catalog?agency={agency.Id}");
        var page = await client.GetStringAsync($"/documents/{document.Id}");
        var byNumber = await client.GetAsync($"/documents/{document.IndexNumber}");
        var print = await client.GetStringAsync($"/documents/{document.Id}/print");

        list.ShouldContain($"<a href=\"/documents/{document.Id}\">门户测试市关于开展义务植树活动的通知</a>");
        list.ShouldContain(document.IndexNumber!);
        page.ShouldContain($"<th scope=\"row\">索引号</th><td>{document.IndexNumber}</td>");
        page.ShouldContain("<p>请各单位组织义务植树。</p>");
        byNumber.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        byNumber.Headers.Location!.ToString().ShouldBe($"/documents/{document.Id}");
        print.ShouldContain("<html lang=\"zh-CN\" class=\"print-view\">");
        print.ShouldNotContain("class=\"mainnav\"");
    }

    [Fact]
    public async Task FilterForms_ChosenValues_AreTheSelectedOptions()
    {
        var agency = await factory.AgencyAsync("筛选回显测试市人民政府", AgencyLevel.City);
        var document = await factory.PublishedAsync(agency.Id, "筛选回显测试市关于河道保洁的通知");
        var year = document.PublishedOn!.Value.Year.ToString(CultureInfo.InvariantCulture);
        var client = factory.Browser();

        var catalogue = await client.GetStringAsync($"/catalog?agency={agency.Id}&topic={document.Topic}&year={year}");
        var search = await client.GetStringAsync($"/search?q=河道保洁&agency={agency.Id}&kind={document.Kind}&validity=Valid");

        Selected(catalogue).ShouldBe([agency.Id.ToString(CultureInfo.InvariantCulture), document.Topic.ToString(), year]);
        Selected(search).ShouldBe([agency.Id.ToString(CultureInfo.InvariantCulture), document.Kind.ToString(), "Valid"]);
        Selected(await client.GetStringAsync("/catalog")).ShouldBeEmpty();
    }

    /// <summary>The values of the options marked selected, in the page's order.</summary>
    private static string[] Selected(string html) =>
        [.. Regex.Matches(html, "<option value=\"([^\"]*)\" selected=\"selected\">").Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task Document_NotYetPublished_NotFoundForThePublic()
    {
        var agency = await factory.AgencyAsync("草稿测试市人民政府", AgencyLevel.City);
        var draft = await factory.DraftAsync(agency.Id, "尚未发布的草稿");

        (await factory.Browser().GetAsync($"/documents/{draft.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.Browser().GetAsync($"/documents/{draft.Id}/print")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Document_Withdrawn_GoneWithoutItsContent()
    {
        var agency = await factory.AgencyAsync("撤回测试市人民政府", AgencyLevel.City);
        var document = await factory.WithdrawnAsync(await factory.PublishedAsync(agency.Id, "将被撤回", "<p>不应再看到的正文</p>"));

        var response = await factory.Browser().GetAsync($"/documents/{document.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.Gone);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("该信息已撤回");
        html.ShouldNotContain("不应再看到的正文");
    }

    [Fact]
    public async Task Attachment_OfAPublishedDocument_DownloadedAsItsRealType()
    {
        var agency = await factory.AgencyAsync("附件测试市人民政府", AgencyLevel.City);
        using var docx = new MemoryStream(Support.Catalogue.Docx("附件正文"));
        var document = await factory.PublishedAsync(agency.Id, "带附件的通知", attachment: docx);
        var client = factory.Browser();
        var page = await client.GetStringAsync($"/documents/{document.Id}");
        var link = System.Text.RegularExpressions.Regex.Match(page, $"/documents/{document.Id}/files/\\d+").Value;

        var file = await client.GetAsync(link);

        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    [Fact]
    public async Task Search_TwoCharacterWord_FoundAndHighlighted()
    {
        var agency = await factory.AgencyAsync("搜索门户测试市人民政府", AgencyLevel.City);
        var document = await factory.PublishedAsync(agency.Id, "关于住房租赁补贴的通知", "符合条件的家庭可以申请住房租赁补贴。");

        var html = await factory.Browser().GetStringAsync("/search?q=" + Uri.EscapeDataString("住房") + $"&agency={agency.Id}");

        html.ShouldContain($"<a href=\"/documents/{document.Id}\">关于<mark>住房</mark>租赁补贴的通知</a>");
        html.ShouldContain("可以申请<mark>住房</mark>租赁补贴。");
    }

    [Fact]
    public async Task Catalogue_CachedForTheAnonymous_RefreshedWhenSomethingIsPublished()
    {
        var agency = await factory.AgencyAsync("缓存测试市人民政府", AgencyLevel.City);
        await factory.PublishedAsync(agency.Id, "第一条缓存测试信息");
        var client = factory.Browser();
        (await client.GetStringAsync($"/catalog?agency={agency.Id}")).ShouldContain("共 1 条");

        await factory.PublishedAsync(agency.Id, "第二条缓存测试信息");

        var after = await client.GetStringAsync($"/catalog?agency={agency.Id}");
        after.ShouldContain("第二条缓存测试信息");
        after.ShouldContain("共 2 条");
    }

    [Fact]
    public async Task Catalogue_DocumentSavedByAnotherProcess_OnTheCachedPageOnceTheRowsFindIt()
    {
        var agency = await factory.AgencyAsync("另一进程测试市人民政府", AgencyLevel.City);
        await factory.PublishedAsync(agency.Id, "本服务器发布的信息");
        var rows = factory.Services.GetRequiredService<CatalogueRows>();
        await rows.LoadAsync(CancellationToken.None);
        var page = $"/catalog?agency={agency.Id}";
        (await factory.Browser().GetStringAsync(page)).ShouldContain("本服务器发布的信息");

        // Saved and announced to nobody, as a command-line import or a server without Redis does.
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<GongkaiDbContext>>().CreateDbContextAsync())
        {
            var now = DateTime.UtcNow;
            db.Documents.Add(new Document
            {
                AgencyId = agency.Id, Title = "另一进程发布的信息", Publisher = agency.Name, Status = PublishingStatus.Published, PublishedAt = now,
                PublishedOn = DateOnly.FromDateTime(Core.ChinaTime.FromUtc(now)), CreatedAt = now, UpdatedAt = now, Version = 1,
            });
            await db.SaveChangesAsync();
        }
        var before = await factory.Browser().GetAsync(page);
        await rows.RefreshAsync(CancellationToken.None);
        var after = await factory.Browser().GetAsync(page);

        before.Headers.Age.ShouldNotBeNull("until the rows find it, the cached page stays");
        (await before.Content.ReadAsStringAsync()).ShouldNotContain("另一进程发布的信息");
        after.Headers.Age.ShouldBeNull("the refresh evicted the page it changed");
        (await after.Content.ReadAsStringAsync()).ShouldContain("另一进程发布的信息");
    }

    [Fact]
    public async Task Catalogue_SignedIn_NeverServedNorStoresTheCachedPage()
    {
        var agency = await factory.AgencyAsync("登录缓存测试市人民政府", AgencyLevel.City);
        await factory.PublishedAsync(agency.Id, "登录缓存测试信息");
        await factory.UserAsync("cache.staff", Roles.Handler, agency.Id);
        var staff = factory.Browser();
        await staff.LogInAsync("cache.staff");
        var page = $"/catalog?agency={agency.Id}";
        const string StaffLink = "<a href=\"/staff\">工作台</a>";

        var staffFirst = await staff.GetStringAsync(page);
        var anonymous = await factory.Browser().GetStringAsync(page);
        var staffAgain = await staff.GetStringAsync(page);
        var anonymousAgain = await factory.Browser().GetAsync(page);

        staffFirst.ShouldContain(StaffLink);
        anonymous.ShouldNotContain(StaffLink);
        staffAgain.ShouldContain(StaffLink);
        anonymousAgain.Headers.Age.ShouldNotBeNull("the anonymous page comes from the output cache");
        (await anonymousAgain.Content.ReadAsStringAsync()).ShouldNotContain(StaffLink);
    }

    /// <summary>The benchmark's "rendered on every request" header must not let anyone past the cache of a real portal.</summary>
    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task Catalogue_RenderHeader_BypassesTheCacheInBenchmarkModeOnly(bool benchmark, bool fromCache)
    {
        using var portal = new GongkaiFactory(new() { ["Gongkai:Benchmark"] = benchmark ? "true" : "false" });
        var agency = await portal.AgencyAsync("渲染头测试市人民政府", AgencyLevel.City);
        await portal.PublishedAsync(agency.Id, "渲染头测试信息");
        var page = $"/catalog?agency={agency.Id}";
        await portal.Browser().GetStringAsync(page);

        using var request = new HttpRequestMessage(HttpMethod.Get, page) { Headers = { { Web.Catalogue.CatalogueWeb.RenderHeader, "1" } } };
        var again = await portal.Browser().SendAsync(request);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (again.Headers.Age is not null).ShouldBe(fromCache);
    }

    [Fact]
    public async Task Feeds_ValidRssAtomAndJsonFeed()
    {
        var agency = await factory.AgencyAsync("订阅测试市人民政府", AgencyLevel.City);
        var document = await factory.PublishedAsync(agency.Id, "订阅测试 & <特殊> 字符", "正文摘要。");
        var client = factory.Browser();

        var rss = XDocument.Parse(await client.GetStringAsync($"/feeds/rss.xml?agency={agency.Id}"));
        var atom = XDocument.Parse(await client.GetStringAsync($"/feeds/atom.xml?agency={agency.Id}"));
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/feeds/feed.json?agency={agency.Id}"));

        var item = rss.Root!.Element("channel")!.Elements("item").ShouldHaveSingleItem();
        item.Element("title")!.Value.ShouldBe("订阅测试 & <特殊> 字符");
        item.Element("link")!.Value.ShouldBe($"http://localhost/documents/{document.Id}");
        item.Element("description")!.Value.ShouldContain("索引号：" + document.IndexNumber);
        XNamespace a = "http://www.w3.org/2005/Atom";
        atom.Root!.Name.ShouldBe(a + "feed");
        atom.Root.Elements(a + "entry").ShouldHaveSingleItem().Element(a + "title")!.Value.ShouldBe("订阅测试 & <特殊> 字符");
        json.RootElement.GetProperty("version").GetString().ShouldBe("https://jsonfeed.org/version/1.1");
        json.RootElement.GetProperty("items")[0].GetProperty("url").GetString().ShouldBe($"http://localhost/documents/{document.Id}");
    }

    [Fact]
    public async Task Sitemap_IndexAndDocumentBlocks()
    {
        var agency = await factory.AgencyAsync("地图测试市人民政府", AgencyLevel.City);
        var document = await factory.PublishedAsync(agency.Id, "网站地图测试");
        var client = factory.Browser();
        XNamespace s = "http://www.sitemaps.org/schemas/sitemap/0.9";

        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var locations = index.Root!.Elements(s + "sitemap").Select(e => e.Element(s + "loc")!.Value).ToList();
        var block = XDocument.Parse(await client.GetStringAsync(new Uri(locations.Last()).PathAndQuery));

        locations.ShouldContain("http://localhost/sitemaps/pages.xml");
        block.Root!.Elements(s + "url").Select(e => e.Element(s + "loc")!.Value).ShouldContain($"http://localhost/documents/{document.Id}");
    }

    [Theory]
    [InlineData("/catalog")]
    [InlineData("/search?q=%E9%80%9A%E7%9F%A5")]
    public async Task CataloguePages_NoInlineScriptOrStyle(string path)
    {
        var agency = await factory.AgencyAsync("内联测试市人民政府" + path.Length, AgencyLevel.City);
        var document = await factory.PublishedAsync(agency.Id, "内联测试通知", "<p style=\"color:red\" onclick=\"x()\">通知<script>alert(1)</script></p>");
        var client = factory.Browser();

        foreach (var page in new[] { path, $"/documents/{document.Id}", $"/documents/{document.Id}/print" })
        {
            var html = await client.GetStringAsync(page);
            html.ShouldNotContain("<script");
            html.ShouldNotContain(" style=");
            System.Text.RegularExpressions.Regex.IsMatch(html, @"\son[a-z]+\s*=").ShouldBeFalse(page);
        }
    }
}
