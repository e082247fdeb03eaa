using Gongkai.Core.Audit;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Catalogue;

public sealed class WordListTests
{
    private const string Header = "词语,类型,更正,处理方式,说明\n";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_AnyBadLine_NothingChangedAndEveryBadLineReported(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var words = scope.ServiceProvider.GetRequiredService<WordList>();

        var result = await words.ImportAsync(Header +
            "截止目前,错误表述,截至目前,提示,\n" +
            "既使,错别字,,提示,\n" +
            "秘密★,敏感,,禁止,\n" +
            "截止目前,错误表述,截至目前,提示,\n", dryRun: false, AuditActor.System);

        result.Applied.ShouldBeFalse();
        result.Errors.ShouldBe([
            "第3行：错误表述须填写更正后的写法。",
            "第4行：类型“敏感”无效，应为“敏感词”或“错误表述”；处理方式“禁止”无效，应为“禁止发布”或“提示”。",
            "第5行：“截止目前”与第2行重复。",
        ]);
        (await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().WordList.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_DryRun_ReportsChangesAndMakesNone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var words = scope.ServiceProvider.GetRequiredService<WordList>();
        await words.ImportAsync(Header + "既使,错误表述,即使,提示,\n按装,错误表述,安装,提示,\n", dryRun: false, AuditActor.System);

        var dry = await words.ImportAsync(Header + "既使,错误表述,即使,禁止发布,\n按装,错误表述,安装,提示,\n绝密★,敏感词,,禁止发布,涉密\n", dryRun: true, AuditActor.System);
        var entries = await words.ListAsync(null);

        (dry.Applied, dry.Added, dry.Updated, dry.Unchanged).ShouldBe((false, 1, 1, 1));
        entries.Select(e => (e.Word, e.Action)).ShouldBe([("按装", WordAction.Warn), ("既使", WordAction.Warn)], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExportThenImport_RoundTripsEveryField(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var words = scope.ServiceProvider.GetRequiredService<WordList>();
        var imported = await words.ImportAsync(WordList.DefaultListCsv(), dryRun: false, AuditActor.System);
        await words.AddAsync(new WordInput("=HYPERLINK", WordKind.Sensitive, null, WordAction.Warn, "说明里有,逗号和\"引号\""), AuditActor.System);

        using var csv = new MemoryStream();
        await WordListCsv.WriteAsync(await words.ListAsync(null), csv);
        var text = System.Text.Encoding.UTF8.GetString(csv.ToArray());
        var again = await words.ImportAsync(text, dryRun: true, AuditActor.System);

        imported.Added.ShouldBeGreaterThan(20);
        csv.ToArray().Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        text.ShouldContain("\"'=HYPERLINK\"");
        again.Errors.ShouldBeEmpty();
        (again.Added, again.Updated, again.Unchanged).ShouldBe((0, 0, imported.Added + 1));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddAsync_DuplicateWord_Refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var words = scope.ServiceProvider.GetRequiredService<WordList>();
        await words.AddAsync(new WordInput("既使", WordKind.Wrong, "即使", WordAction.Warn, null), AuditActor.System);

        var again = await words.AddAsync(new WordInput(" 既使 ", WordKind.Wrong, "即使", WordAction.Block, null), AuditActor.System);

        again.Errors.ShouldHaveSingleItem().Message.ShouldBe("词表中已有“既使”。");
    }

    [Fact]
    public async Task ImportAsync_WithoutHeader_Refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.Scope();

        var result = await scope.ServiceProvider.GetRequiredService<WordList>().ImportAsync("既使,错误表述,即使,提示,\n", dryRun: false, AuditActor.System);

        result.Errors.ShouldHaveSingleItem().ShouldStartWith("第1行应为表头");
    }
}
