using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Search;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Catalogue;

public sealed class DemoCatalogueTests
{
    [Fact]
    public async Task Seed_DemoCatalogue_AliveWithLivesPairsAndWorkInHand()
    {
        await using var database = await TestDatabase.CreateDemoAsync();
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var city = await db.Agencies.SingleAsync(a => a.Name == "示范市人民政府");
        var office = await db.Agencies.SingleAsync(a => a.Name == "示范市人民政府办公室");
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(DateTime.UtcNow));

        var documents = await db.Documents.AsNoTracking().ToListAsync();
        documents.Count(d => d.Status == PublishingStatus.Published).ShouldBeGreaterThan(100);
        documents.Where(d => d.Status == PublishingStatus.Published).Select(d => d.IndexNumber).ShouldBeUnique();
        documents.Where(d => d.Kind == DocumentKind.Interpretation).ShouldAllBe(d => d.InterpretsId != null);
        documents.ShouldContain(d => d.RepealedOn != null && d.ValidityNote!.StartsWith("依据《示范市人民政府关于废止部分行政规范性文件的决定》", StringComparison.Ordinal));
        documents.ShouldContain(d => d.ValidityNote != null && d.ValidityNote.StartsWith("被《示范市住房公积金管理办法》", StringComparison.Ordinal));
        (await db.DocumentAttachments.CountAsync(a => a.Text != null)).ShouldBeGreaterThan(50);
        (await db.WordList.CountAsync()).ShouldBeGreaterThan(20);

        var user = new CatalogueUser(AuditActor.System, [Roles.Handler], office.Id, await Core.Agencies.AgencyScope.ForAsync(db, office.Id, [Roles.Handler]));
        var work = await scope.ServiceProvider.GetRequiredService<StaffDocuments>().ListAsync(user, StaffView.Pending, null, 1);
        work.Rows.Select(r => r.Status).ShouldBe([PublishingStatus.Draft, PublishingStatus.InReview]);
        work.Counts[StaffView.Overdue].ShouldBe(1);
        var overdue = await db.Documents.Include(d => d.Attachments).SingleAsync(d => d.Id == work.Rows[0].Id);
        WordCheckReport.For(overdue, await scope.ServiceProvider.GetRequiredService<WordList>().CheckerAsync()).WarnCount.ShouldBe(1);

        var lastYear = await scope.ServiceProvider.GetRequiredService<NormativeReport>().ForAsync(city.Id, today.Year - 1);
        // One repealed by decision, one replaced by its revision (自然失效): both are 本年废止.
        lastYear.Single(f => f.Kind == NormativeKind.NormativeDocument).Repealed.ShouldBe(2);
        lastYear.Single(f => f.Kind == NormativeKind.NormativeDocument).Expired.ShouldBe(1);
        lastYear.Single(f => f.Kind == NormativeKind.Rule).Issued.ShouldBe(1);

        var found = await scope.ServiceProvider.GetRequiredService<CatalogueSearch>().SearchAsync(new SearchRequest { Query = "住房公积金" });
        found.Hits[0].Document.Title.ShouldContain("住房公积金");
    }
}
