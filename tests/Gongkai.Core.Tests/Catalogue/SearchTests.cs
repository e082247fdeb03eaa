using Gongkai.Core.Catalogue;
using Gongkai.Core.Search;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Catalogue;
using Gongkai.Domain.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Catalogue;

/// <summary>The same search behaviour on SQLite (FTS5) and PostgreSQL (tsvector).</summary>
public sealed class SearchTests
{
    private static async Task<SearchResults> SearchAsync(TestDatabase database, SearchRequest request)
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.GetRequiredService<CatalogueSearch>().SearchAsync(request);
    }

    private static Task<SearchResults> SearchAsync(TestDatabase database, string query) => SearchAsync(database, new SearchRequest { Query = query });

    /// <summary>A search that counts and ranks at most <paramref name="rankAtMost"/> matches, as a common word among a million documents makes it.</summary>
    private static async Task<SearchResults> CappedSearchAsync(TestDatabase database, string query, int rankAtMost)
    {
        await using var scope = database.Scope();
        var search = ActivatorUtilities.CreateInstance<CatalogueSearch>(scope.ServiceProvider);
        search.RankAtMost = rankAtMost;
        return await search.SearchAsync(new SearchRequest { Query = query });
    }

    private static string Marked(IEnumerable<TextSegment> segments) => string.Concat(segments.Select(s => s.Marked ? $"[{s.Text}]" : s.Text));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_TwoCharacterWord_FoundInBodyWithHighlightedSnippet(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CatalogueWorld.CreateAsync(database);
        var housing = await world.PublishedAsync("关于调整公积金缴存基数的通知", "为保障职工住房需求，现调整缴存基数。");
        await world.PublishedAsync("关于做好防汛工作的通知", "各单位要做好防汛准备。");

        var results = await SearchAsync(database, "住房");

        results.Mode.ShouldBe(SearchMode.Relevance);
        var hit = results.Hits.ShouldHaveSingleItem();
        hit.Document.Id.ShouldBe(housing.Id);
        Marked(hit.Snippet).ShouldBe("为保障职工[住房]需求，现调整缴存基数。");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_TitleHits_RankedBeforeBodyHits(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CatalogueWorld.CreateAsync(database);
        // The body hit is newer and says 住房 forty times: only the title rule puts the other first.
        var title = await world.PublishedAsync("示范市住房保障办法", "本办法规定保障对象和标准。");
        var body = await world.PublishedAsync("关于加强城市管理的意见", string.Concat(Enumerable.Repeat("住房保障是民生大事，住房问题关系千家万户。", 20)));

        var results = await SearchAsync(database, "住房");

        results.Hits.Select(h => h.Document.Id).ShouldBe([title.Id, body.Id]);
        Marked(results.Hits[0].Title).ShouldBe("示范市[住房]保障办法");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_TraditionalQuery_FindsSimplifiedDocument(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CatalogueWorld.CreateAsync(database);
        var document = await world.PublishedAsync("住房公积金管理办法", "规范住房公积金的缴存和提取。");

        var results = await SearchAsync(database, "住房公積金");

        results.Hits.ShouldHaveSingleItem().Document.Id.ShouldBe(document.Id);
        Marked(results.Hits[0].Title).ShouldBe("[住房公积金]管理办法");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_Phrase_OnlyWhereTheCharactersAreConsecutive(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CatalogueWorld.CreateAsync(database);
        var together = await world.PublishedAsync("公积金提取", "租房提取公积金。");
        await world.PublishedAsync("公共积分", "社区公共服务积分金额。");

        (await SearchAsync(database, "公积金")).Hits.Select(h => h.Document.Id).ShouldBe([together.Id]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_ExactIndexNumberOrDocumentNumber_GoesStraightToTheDocument(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CatalogueWorld.CreateAsync(database);
        var rule = await world.PublishedAsync(world.Input("示范市规范性文件管理办法", "正文。", DocumentKind.NormativeDocument) with { DocumentNumber = "示府规〔2026〕7号" });
        var citing = await world.PublishedAsync("政策解读", "根据示府规〔2026〕7号文件精神，作如下解读。");

        var byIndex = await SearchAsync(database, rule.IndexNumber!);
        var byNumber = await SearchAsync(database, "示府规[2026]第7号");
        var fullText = await SearchAsync(database, new SearchRequest { Query = "示府规〔2026〕7号", FullText = true });

        byIndex.Mode.ShouldBe(SearchMode.Exact);
        byIndex.Hits.ShouldHaveSingleItem().Document.Id.ShouldBe(rule.Id);
        byNumber.Mode.ShouldBe(SearchMode.Exact);
        byNumber.Hits.ShouldHaveSingleItem().Document.Id.ShouldBe(rule.Id);
        fullText.Hits.Select(h => h.Document.Id).ShouldBe([rule.Id, citing.Id], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_Filters_AgencyYearKindAndValidity(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CatalogueWorld.CreateAsync(database);
        var other = await CatalogueWorld.CreateAsync(database, "另一个区人民政府");
        var valid = await world.PublishedAsync("教育收费管理办法", "规范教育收费。", DocumentKind.NormativeDocument);
        var repealed = await world.PublishedAsync("教育收费暂行规定", "规范教育收费。", DocumentKind.NormativeDocument);
        var expired = await world.PublishedAsync("教育收费试行办法", "规范教育收费。", DocumentKind.NormativeDocument);
        var notice = await world.PublishedAsync(world.Input("教育收费公示", "公示教育收费标准。") with { Topic = Topic.ScienceAndEducation });
        var elsewhere = await other.PublishedAsync("教育收费通知", "教育收费。");
        await using (var scope = database.Scope())
        {
            var validity = scope.ServiceProvider.GetRequiredService<DocumentValidity>();
            CatalogueWorld.Ok(await validity.ChangeAsync(repealed.Id, repealed.Version, new ValidityInput(null, new DateOnly(2026, 1, 6), "依据废止决定"), world.Handler));
            CatalogueWorld.Ok(await validity.ChangeAsync(expired.Id, expired.Version, new ValidityInput(new DateOnly(2026, 1, 6), null, "试行期满"), world.Handler));
        }
        var year = valid.PublishedOn!.Value.Year;

        async Task<int[]> Ids(SearchRequest request) =>
            [.. (await SearchAsync(database, request with { Query = "教育收费" })).Hits.Select(h => h.Document.Id).Order()];

        (await Ids(new SearchRequest())).ShouldBe(new[] { valid.Id, repealed.Id, expired.Id, notice.Id, elsewhere.Id }.Order());
        (await Ids(new SearchRequest { AgencyId = other.Agency.Id })).ShouldBe([elsewhere.Id]);
        (await Ids(new SearchRequest { Topic = Topic.ScienceAndEducation })).ShouldBe([notice.Id]);
        (await Ids(new SearchRequest { Kind = DocumentKind.NormativeDocument })).ShouldBe(new[] { valid.Id, repealed.Id, expired.Id }.Order());
        (await Ids(new SearchRequest { Kind = DocumentKind.NormativeDocument, Validity = Validity.Valid })).ShouldBe([valid.Id]);
        (await Ids(new SearchRequest { Validity = Validity.Repealed })).ShouldBe([repealed.Id]);
        (await Ids(new SearchRequest { Validity = Validity.Expired })).ShouldBe([expired.Id]);
        (await Ids(new SearchRequest { Year = year - 1 })).ShouldBeEmpty();
        (await Ids(new SearchRequest { Year = year, AgencyId = world.Agency.Id })).Length.ShouldBe(4);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_WithdrawnOrUnpublished_NotFound(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CatalogueWorld.CreateAsync(database);
        await world.DraftAsync(world.Input("垃圾分类草稿"));
        var withdrawn = await world.PublishedAsync("垃圾分类公告");
        await using (var scope = database.Scope())
            CatalogueWorld.Ok(await scope.ServiceProvider.GetRequiredService<Publishing>().WithdrawAsync(withdrawn.Id, withdrawn.Version, "重复发布", world.Handler));

        (await SearchAsync(database, "垃圾分类")).Hits.ShouldBeEmpty();
        (await SearchAsync(database, withdrawn.IndexNumber!)).Hits.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_ManyMatches_TitleHitsThenNewestFirst(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CatalogueWorld.CreateAsync(database);
        var bodyOld = await world.PublishedAsync("甲", "通知内容一。");
        var titleOld = await world.PublishedAsync("通知一", "内容。");
        var bodyNew = await world.PublishedAsync("乙", "通知内容二。");
        var titleNew = await world.PublishedAsync("通知二", "内容。");

        var first = await CappedSearchAsync(database, "通知", rankAtMost: 3);

        first.Mode.ShouldBe(SearchMode.Newest);
        (first.Total, first.MoreThanTotal).ShouldBe((3, true));
        first.Hits.Select(h => h.Document.Id).ShouldBe([titleNew.Id, titleOld.Id, bodyNew.Id, bodyOld.Id]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_MoreTitleHitsThanCounted_NewestTitleHitsThenNewestOthersWithThePhrase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CatalogueWorld.CreateAsync(database);
        var titleOld = await world.PublishedAsync("公积金提取办法", "内容。");
        // 公积 and 积金 both, but not 公积金: no match.
        await world.PublishedAsync("甲", "办公积极性高，累积金额大。");
        var bodyOld = await world.PublishedAsync("乙", "租房提取公积金。");
        var titleMid = await world.PublishedAsync("公积金缴存通知", "内容。");
        var titleNew = await world.PublishedAsync("公积金贷款公告", "内容。");
        var bodyNew = await world.PublishedAsync("丙", "公积金管理中心。");

        var results = await CappedSearchAsync(database, "公积金", rankAtMost: 2);

        results.Mode.ShouldBe(SearchMode.Newest);
        (results.Total, results.MoreThanTotal).ShouldBe((2, true));
        results.Hits.Select(h => h.Document.Id).ShouldBe([titleNew.Id, titleMid.Id, titleOld.Id, bodyNew.Id, bodyOld.Id]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_SeveralWords_TitleHitsThenNewestFirst(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CatalogueWorld.CreateAsync(database);
        var bodyOld = await world.PublishedAsync("甲", "防汛工作的通知，防汛工作的通知。");
        var titleOld = await world.PublishedAsync("防汛通知", "内容。");
        var bodyNew = await world.PublishedAsync("乙", "防汛的通知。");
        var titleNew = await world.PublishedAsync("关于防汛的通知", "内容。");
        await world.PublishedAsync("防汛", "只有一个词。");

        var results = await SearchAsync(database, "防汛 通知");

        results.Mode.ShouldBe(SearchMode.Newest);
        (results.Total, results.MoreThanTotal).ShouldBe((4, false));
        results.Hits.Select(h => h.Document.Id).ShouldBe([titleNew.Id, titleOld.Id, bodyNew.Id, bodyOld.Id]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_WordOnlyInAnAttachment_FoundWithTheAttachmentAsSnippet(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CatalogueWorld.CreateAsync(database);
        var draft = await world.DraftAsync(world.Input("部门预算公开", "详见附件。"));
        await using (var scope = database.Scope())
        {
            using var docx = new MemoryStream(Core.Catalogue.Demo.DemoAttachments.Docx("预算表", [["项目", "金额"], ["公务接待费", "12万元"]]));
            var withFile = CatalogueWorld.Ok(await scope.ServiceProvider.GetRequiredService<DocumentDrafts>()
                .AddAttachmentAsync(draft.Id, draft.Version, docx, "预算表.docx", world.Handler));
            var publishing = scope.ServiceProvider.GetRequiredService<Publishing>();
            var submitted = CatalogueWorld.Ok(await publishing.SubmitAsync(withFile.Id, withFile.Version, world.Handler));
            var approved = CatalogueWorld.Ok(await publishing.ApproveAsync(submitted.Id, submitted.Version, null, world.Reviewer));
            CatalogueWorld.Ok(await publishing.PublishAsync(approved.Id, approved.Version, world.Handler));
        }

        var hit = (await SearchAsync(database, "接待费")).Hits.ShouldHaveSingleItem();

        hit.SnippetSource.ShouldBe("附件“预算表.docx”");
        Marked(hit.Snippet).ShouldContain("公务[接待费]");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_NothingSearchable_Empty(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CatalogueWorld.CreateAsync(database);

        (await SearchAsync(database, "，。！ ")).Mode.ShouldBe(SearchMode.Empty);
    }
}
