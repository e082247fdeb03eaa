using Gongkai.Core.Audit;
using Gongkai.Core.Requests;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Requests.SignOff;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.RequestsWorld;
using static Gongkai.Core.Tests.Support.SignOffWorld;

namespace Gongkai.Core.Tests.Requests;

/// <summary>文号: a yearly series per agency and kind of letter, assigned at issue, gap-free, never reused.</summary>
public sealed class LetterNumberTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignOff_FourAtOnce_EachGetsItsOwnNumberWithoutGaps(DatabaseProvider provider)
    {
        await using var world = await SignOffWorld.CreateAsync(provider);
        var drafts = new List<LetterDraft>();
        foreach (var day in new[] { "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05" })
            drafts.Add(await world.AtSignOffAsync((await world.Requests.RegisterAsync(day)).Id));

        // Each office head's click is its own scope, DbContext and connection, as concurrent web requests are.
        var signed = await Task.WhenAll(drafts.Select(d => Task.Run(() => world.SignOffAsync(d.Id))));

        signed.Select(s => Ok(s).Number).Order().ShouldBe(["示府办依复〔2026〕1号", "示府办依复〔2026〕2号", "示府办依复〔2026〕3号", "示府办依复〔2026〕4号"]);
        (await world.DbAsync(db => db.LetterSeries.SingleAsync(s => s.Kind == LetterKind.Reply))).LastSerial.ShouldBe(4);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignOff_SameDraftTwiceAtOnce_OneLetterOneNumber(DatabaseProvider provider)
    {
        await using var world = await SignOffWorld.CreateAsync(provider);
        var draft = await world.AtSignOffAsync((await world.Requests.RegisterAsync("2026-03-02")).Id);

        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => world.DraftsAsync(d => d.SignOffAsync(draft.Id, draft.Version, world.Head)))));

        both.Count(r => r.Succeeded).ShouldBe(1);
        (await world.DbAsync(db => db.RequestLetters.CountAsync(l => l.Kind == LetterKind.Reply))).ShouldBe(1);
        (await world.DbAsync(db => db.LetterSeries.SingleAsync(s => s.Kind == LetterKind.Reply))).LastSerial.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Number_StoredTwice_RefusedByTheDatabase(DatabaseProvider provider)
    {
        await using var world = await SignOffWorld.CreateAsync(provider);
        var first = Ok(await world.SignOffAsync((await world.AtSignOffAsync((await world.Requests.RegisterAsync("2026-03-02")).Id)).Id));
        Ok(await world.SignOffAsync((await world.AtSignOffAsync((await world.Requests.RegisterAsync("2026-03-03")).Id)).Id));

        await using var scope = world.Requests.Database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var second = await db.RequestLetters.SingleAsync(l => l.Number == "示府办依复〔2026〕2号");
        second.Number = first.Number;

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Prefix_AfterANumberOfTheYear_RefusedUntilTheNextYear(DatabaseProvider provider)
    {
        await using var world = await SignOffWorld.CreateAsync(provider);
        var office = world.Requests.Office.Id;
        Ok(await world.SignOffAsync((await world.AtSignOffAsync((await world.Requests.RegisterAsync("2026-03-02")).Id)).Id));

        Result<string> changed = null!;
        await world.AgencyAsync(async a => changed = await a.SetPrefixAsync(office, LetterKind.Reply, "示政办依复", AuditActor.System));
        changed.Errors.ShouldHaveSingleItem().Message.ShouldBe("答复书的文号前缀“示府办依复”2026年已编至第1号，本年度内不能修改，以免文号重复或断号；可在下一年度开始前修改。");
        await world.AgencyAsync(async a => changed = await a.SetPrefixAsync(world.Requests.Police.Id, LetterKind.Reply, "示府办依复", AuditActor.System));
        changed.Errors.ShouldHaveSingleItem().Message.ShouldBe("文号前缀“示府办依复”已由“示范市人民政府办公室”的答复书使用，请使用其他前缀，以免文号重复。");

        world.Requests.Today("2027-01-05");
        await world.AgencyAsync(async a => changed = await a.SetPrefixAsync(office, LetterKind.Reply, "", AuditActor.System));
        changed.Errors.ShouldHaveSingleItem().Message.ShouldBe("答复书已按文号前缀“示府办依复”编号，不能取消编号，只能在新的年度改用其他前缀。");
        await world.AgencyAsync(async a => Ok(await a.SetPrefixAsync(office, LetterKind.Reply, "示政办依复", AuditActor.System)));
        var next = Ok(await world.SignOffAsync((await world.AtSignOffAsync((await world.Requests.RegisterAsync("2027-01-04")).Id)).Id));
        next.Number.ShouldBe("示政办依复〔2027〕1号");
        (await world.DbAsync(db => db.RequestLetters.CountAsync(l => l.Number == "示府办依复〔2026〕1号"))).ShouldBe(1, "last year's letters keep their numbers");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NewYear_SamePrefix_NumbersStartAgainAtOne(DatabaseProvider provider)
    {
        await using var world = await SignOffWorld.CreateAsync(provider);
        Ok(await world.SignOffAsync((await world.AtSignOffAsync((await world.Requests.RegisterAsync("2026-03-02")).Id)).Id));
        world.Requests.Today("2027-01-05");

        var next = Ok(await world.SignOffAsync((await world.AtSignOffAsync((await world.Requests.RegisterAsync("2027-01-04")).Id)).Id));

        next.Number.ShouldBe("示府办依复〔2027〕1号");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChainOff_LetterIssuedWithItsStep_NumberedToo_KindsWithoutASeriesKeepTheCaseNumber(DatabaseProvider provider)
    {
        await using var world = await SignOffWorld.CreateAsync(provider, new ChainInput(false, false, false, false));
        var request = await world.Requests.RegisterAsync("2026-03-02");

        Ok(await world.Requests.StepAsync(request.Id, new StepInput { Step = RequestStep.Decide, Date = D("2026-03-19"), Outcome = Outcome.Granted }));

        (await world.Requests.CaseAsync(request.Id)).Letters.Select(l => l.Number).ShouldBe([request.Number + "-01", "示府办依复〔2026〕1号"]);
    }
}
