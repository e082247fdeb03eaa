using Gongkai.Core.Catalogue;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Catalogue;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Catalogue;

/// <summary>Table 二 §20(一) from the documents an agency has published, through their whole lives.</summary>
public sealed class NormativeReportTests
{
    private static DateTimeOffset Beijing(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ForAsync_IssuedRepealedRevisedAndInForce(DatabaseProvider provider)
    {
        var clock = new ManualClock(Beijing(2024, 3, 1));
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        var world = await CatalogueWorld.CreateAsync(database);
        DocumentInput Normative(string title, DateOnly issued, DocumentKind kind = DocumentKind.NormativeDocument) =>
            world.Input(title, "第一条　为了规范管理，制定本办法。", kind) with { IssuedOn = issued };

        var old = await world.PublishedAsync(Normative("旧办法", new DateOnly(2024, 2, 20)));
        var toRepeal = await world.PublishedAsync(Normative("将废止的规定", new DateOnly(2024, 2, 25)));
        await world.PublishedAsync(Normative("政府规章", new DateOnly(2024, 2, 26), DocumentKind.Rule));
        await world.PublishedAsync(world.Input("普通通知"));
        clock.Now = Beijing(2025, 5, 10);
        var termed = await world.PublishedAsync(Normative("两年期措施", new DateOnly(2025, 5, 1)) with { ValidUntil = new DateOnly(2025, 11, 30) });
        var revision = await world.PublishedAsync(Normative("旧办法（修订）", new DateOnly(2025, 5, 8)) with { Replaces = old.IndexNumber });
        clock.Now = Beijing(2025, 9, 1);
        await using (var scope = database.Scope())
        {
            var latest = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Documents.FindAsync(toRepeal.Id);
            CatalogueWorld.Ok(await scope.ServiceProvider.GetRequiredService<DocumentValidity>().ChangeAsync(toRepeal.Id, latest!.Version,
                new ValidityInput(null, new DateOnly(2025, 9, 1), "依据《关于废止部分规范性文件的决定》"), world.Handler));
        }
        var withdrawn = await world.PublishedAsync(Normative("发布有误的办法", new DateOnly(2025, 8, 30)));
        await using (var scope = database.Scope())
            CatalogueWorld.Ok(await scope.ServiceProvider.GetRequiredService<Publishing>().WithdrawAsync(withdrawn.Id, withdrawn.Version, "发布有误", world.Handler));

        await using var check = database.Scope();
        var report = check.ServiceProvider.GetRequiredService<NormativeReport>();
        var y2024 = await report.ForAsync(world.Agency.Id, 2024);
        var y2025 = await report.ForAsync(world.Agency.Id, 2025);

        y2024.ShouldBe([new(NormativeKind.Rule, 1, 1, 0, 0, 1), new(NormativeKind.NormativeDocument, 2, 2, 0, 0, 2)]);
        // 2025: the term and the revision issued and published; three ended, two of them by expiry (the old one replaced
        // on 2025-05-10, the term run out on 2025-11-30) and one repealed on 2025-09-01; at the year's end only the
        // revision is in force: 2 + 2 − 3 = 1.
        y2025.ShouldBe([new(NormativeKind.Rule, 0, 0, 0, 0, 1), new(NormativeKind.NormativeDocument, 2, 2, 3, 2, 1)]);
        var replaced = await check.ServiceProvider.GetRequiredService<GongkaiDbContext>().Documents.FindAsync(old.Id);
        replaced!.ValidUntil.ShouldBe(new DateOnly(2025, 5, 9));
        replaced.ValidityNote.ShouldBe($"被《旧办法（修订）》（{revision.DocumentNumber}）替代");
        termed.ValidityOn(new DateOnly(2026, 1, 1)).ShouldBe(Validity.Expired);
    }
}
