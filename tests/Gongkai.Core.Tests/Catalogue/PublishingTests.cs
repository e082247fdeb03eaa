using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Catalogue;

public sealed class PublishingTests
{
    private static async Task<(TestDatabase Database, CatalogueWorld World)> WorldAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var world = await CatalogueWorld.CreateAsync(database);
        await using var scope = database.Scope();
        await scope.ServiceProvider.GetRequiredService<WordList>().ImportAsync(
            "词语,类型,更正,处理方式,说明\n截止目前,错误表述,截至目前,提示,\n秘密★,敏感词,,禁止发布,\n", false, AuditActor.System);
        return (database, world);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublishAsync_WithoutReview_Refused(DatabaseProvider provider)
    {
        var (database, world) = await WorldAsync(provider);
        await using var _ = database;
        var draft = await world.DraftAsync(world.Input("未经审查"));
        await using var scope = database.Scope();
        var publishing = scope.ServiceProvider.GetRequiredService<Publishing>();

        var fromDraft = await publishing.PublishAsync(draft.Id, draft.Version, world.Handler);
        var submitted = CatalogueWorld.Ok(await publishing.SubmitAsync(draft.Id, draft.Version, world.Handler));
        var fromReview = await publishing.PublishAsync(submitted.Id, submitted.Version, world.Handler);

        fromDraft.Errors.ShouldHaveSingleItem().Message.ShouldContain("先审查、后公开");
        fromReview.Errors.ShouldHaveSingleItem().Message.ShouldContain("先审查、后公开");
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var stored = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == draft.Id);
        stored.Status.ShouldBe(PublishingStatus.InReview);
        stored.IndexNumber.ShouldBeNull();
        (await db.CatalogueCounts.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApproveAsync_ByTheAuthor_Refused(DatabaseProvider provider)
    {
        var (database, world) = await WorldAsync(provider);
        await using var _ = database;
        var head = world.Handler with { Roles = [Roles.OfficeHead] };
        await using var scope = database.Scope();
        var drafted = CatalogueWorld.Ok(await scope.ServiceProvider.GetRequiredService<DocumentDrafts>().CreateAsync(world.Input("自己审自己"), head));
        var publishing = scope.ServiceProvider.GetRequiredService<Publishing>();
        var submitted = CatalogueWorld.Ok(await publishing.SubmitAsync(drafted.Id, drafted.Version, head));

        var result = await publishing.ApproveAsync(submitted.Id, submitted.Version, null, head);

        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("以外的人员");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApproveAsync_HandlerWithoutReviewRole_Refused(DatabaseProvider provider)
    {
        var (database, world) = await WorldAsync(provider);
        await using var _ = database;
        var draft = await world.DraftAsync(world.Input("承办人不能审查"));
        await using var scope = database.Scope();
        var publishing = scope.ServiceProvider.GetRequiredService<Publishing>();
        var submitted = CatalogueWorld.Ok(await publishing.SubmitAsync(draft.Id, draft.Version, world.Handler));
        var colleague = await CatalogueWorld.UserAsync(database, world.Agency.Id, Roles.Handler, "另一位承办人");

        (await publishing.ApproveAsync(submitted.Id, submitted.Version, null, colleague)).Errors.ShouldHaveSingleItem().Message.ShouldContain("保密审查员");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SubmitAsync_BlockingWord_RefusedUntilFixed(DatabaseProvider provider)
    {
        var (database, world) = await WorldAsync(provider);
        await using var _ = database;
        var draft = await world.DraftAsync(world.Input("含涉密标志", "本文件为秘密★1年，截止目前尚未解密。"));
        await using var scope = database.Scope();
        var publishing = scope.ServiceProvider.GetRequiredService<Publishing>();

        var refused = await publishing.SubmitAsync(draft.Id, draft.Version, world.Handler);
        var fixedDraft = CatalogueWorld.Ok(await scope.ServiceProvider.GetRequiredService<DocumentDrafts>()
            .UpdateAsync(draft.Id, draft.Version, world.Input("含涉密标志", "截止目前，本文件可以公开。"), world.Handler));
        var submitted = await publishing.SubmitAsync(fixedDraft.Id, fixedDraft.Version, world.Handler);

        refused.Errors.ShouldHaveSingleItem().Message.ShouldContain("禁止发布");
        submitted.Succeeded.ShouldBeTrue("a warning does not block");
        var note = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().DocumentEvents
            .Where(e => e.DocumentId == draft.Id && e.Kind == DocumentEventKind.Submitted).Select(e => e.Note).SingleAsync();
        note.ShouldBe("错敏词检查：禁止发布0处，提示1处（截止目前）");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RejectAsync_OpinionRecordedAndBackToDraft(DatabaseProvider provider)
    {
        var (database, world) = await WorldAsync(provider);
        await using var _ = database;
        var draft = await world.DraftAsync(world.Input("退回修改"));
        await using var scope = database.Scope();
        var publishing = scope.ServiceProvider.GetRequiredService<Publishing>();
        var submitted = CatalogueWorld.Ok(await publishing.SubmitAsync(draft.Id, draft.Version, world.Handler));

        var withoutOpinion = await publishing.RejectAsync(submitted.Id, submitted.Version, " ", world.Reviewer);
        var rejected = CatalogueWorld.Ok(await publishing.RejectAsync(submitted.Id, submitted.Version, "附件含有个人身份证号码，请删除。", world.Reviewer));

        withoutOpinion.Errors.ShouldHaveSingleItem().Field.ShouldBe("Opinion");
        rejected.Status.ShouldBe(PublishingStatus.Draft);
        var events = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().DocumentEvents.AsNoTracking()
            .Where(e => e.DocumentId == draft.Id).OrderBy(e => e.Id).ToListAsync();
        events.Select(e => e.Kind).ShouldBe([DocumentEventKind.Created, DocumentEventKind.Submitted, DocumentEventKind.Rejected]);
        events[^1].Note.ShouldBe("附件含有个人身份证号码，请删除。");
        events[^1].ActorName.ShouldBe("审查员");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateAsync_AfterApproval_BackToDraftAndNeedsReviewAgain(DatabaseProvider provider)
    {
        var (database, world) = await WorldAsync(provider);
        await using var _ = database;
        var approved = await world.ApprovedAsync(world.Input("审查后修改"));
        await using var scope = database.Scope();

        var edited = CatalogueWorld.Ok(await scope.ServiceProvider.GetRequiredService<DocumentDrafts>()
            .UpdateAsync(approved.Id, approved.Version, world.Input("审查后修改", "新的正文。"), world.Handler));
        var publish = await scope.ServiceProvider.GetRequiredService<Publishing>().PublishAsync(edited.Id, edited.Version, world.Handler);

        edited.Status.ShouldBe(PublishingStatus.Draft);
        publish.Succeeded.ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Actions_OnAnOutdatedPage_Refused(DatabaseProvider provider)
    {
        var (database, world) = await WorldAsync(provider);
        await using var _ = database;
        var draft = await world.DraftAsync(world.Input("两人同时操作"));
        await using var scope = database.Scope();
        CatalogueWorld.Ok(await scope.ServiceProvider.GetRequiredService<DocumentDrafts>()
            .UpdateAsync(draft.Id, draft.Version, world.Input("两人同时操作", "甲改的正文。"), world.Handler));

        var stale = await scope.ServiceProvider.GetRequiredService<DocumentDrafts>()
            .UpdateAsync(draft.Id, draft.Version, world.Input("两人同时操作", "乙改的正文。"), world.Handler);

        stale.Errors.ShouldHaveSingleItem().Message.ShouldContain("最新内容");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WithdrawAsync_ReasonKeptAndOutOfTheCatalogue(DatabaseProvider provider)
    {
        var (database, world) = await WorldAsync(provider);
        await using var _ = database;
        var published = await world.PublishedAsync("将被撤回的公告");
        await using var scope = database.Scope();
        var publishing = scope.ServiceProvider.GetRequiredService<Publishing>();

        (await publishing.WithdrawAsync(published.Id, published.Version, "", world.Handler)).Errors.ShouldHaveSingleItem().Field.ShouldBe("Reason");
        var withdrawn = CatalogueWorld.Ok(await publishing.WithdrawAsync(published.Id, published.Version, "公告内容已变更", world.Handler));

        withdrawn.Status.ShouldBe(PublishingStatus.Withdrawn);
        withdrawn.WithdrawalReason.ShouldBe("公告内容已变更");
        var page = await scope.ServiceProvider.GetRequiredService<CatalogueList>().PageAsync(new CatalogueFilter(), null, null);
        page.Items.ShouldBeEmpty();
        (await scope.ServiceProvider.GetRequiredService<CatalogueList>().SnapshotAsync()).Facets(new CatalogueFilter()).Total.ShouldBe(0);
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        (await db.DocumentEvents.Where(e => e.DocumentId == published.Id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync())
            .ShouldBe([DocumentEventKind.Created, DocumentEventKind.Submitted, DocumentEventKind.Approved, DocumentEventKind.Published, DocumentEventKind.Withdrawn]);
        (await db.AuditEntries.Where(e => e.Action == AuditAction.DocumentWithdrawn).Select(e => e.Summary).SingleAsync()).ShouldEndWith("：公告内容已变更");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DocumentEvents_AppendOnlyInTheDatabase(DatabaseProvider provider)
    {
        var (database, world) = await WorldAsync(provider);
        await using var _ = database;
        var draft = await world.DraftAsync(world.Input("历史不可改"));
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();

        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE document_events SET note = 'x'"));
        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM document_events"));
        (await db.DocumentEvents.CountAsync(e => e.DocumentId == draft.Id)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnotherAgencysDocument_NotFound(DatabaseProvider provider)
    {
        var (database, world) = await WorldAsync(provider);
        await using var _ = database;
        var other = await CatalogueWorld.CreateAsync(database, "另一机关");
        var draft = await other.DraftAsync(other.Input("别人的草稿"));
        await using var scope = database.Scope();

        await Should.ThrowAsync<KeyNotFoundException>(() =>
            scope.ServiceProvider.GetRequiredService<Publishing>().SubmitAsync(draft.Id, draft.Version, world.Handler));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DiscardAsync_DraftKeptWithHistoryAndNoLongerPending(DatabaseProvider provider)
    {
        var (database, world) = await WorldAsync(provider);
        await using var _ = database;
        var draft = await world.DraftAsync(world.Input("不要了"));
        await using var scope = database.Scope();

        var discarded = CatalogueWorld.Ok(await scope.ServiceProvider.GetRequiredService<DocumentDrafts>().DiscardAsync(draft.Id, draft.Version, world.Handler));
        var list = await scope.ServiceProvider.GetRequiredService<StaffDocuments>().ListAsync(world.Handler, StaffView.Pending, null, 1);

        discarded.Status.ShouldBe(PublishingStatus.Discarded);
        list.Rows.ShouldBeEmpty();
        list.Counts[StaffView.Discarded].ShouldBe(1);
    }
}
