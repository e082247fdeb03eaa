using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.RequestsWorld;

namespace Gongkai.Core.Tests.Requests;

/// <summary>Two staff on one case: neither edit is lost; the second is refused with a clear message and can be redone.</summary>
public sealed class ConcurrencyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoStaff_SameVersion_SecondRefusedFirstKept(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var request = await world.RegisterAsync("2026-03-02");
        var seen = await world.VersionAsync(request.Id);
        await using var a = world.Database.Scope();
        await using var b = world.Database.Scope();

        var assigned = await a.ServiceProvider.GetRequiredService<RequestCommands>().AssignAsync(request.Id, world.Head.Audit.Id, seen, world.Head);
        var corrected = await b.ServiceProvider.GetRequiredService<RequestCommands>().PerformAsync(request.Id,
            new StepInput { Step = RequestStep.RequestCorrection, Version = seen, Date = D("2026-03-04"), Items = "请写明文号", PeriodWorkingDays = 10 }, world.Handler, []);

        assigned.Succeeded.ShouldBeTrue();
        corrected.Succeeded.ShouldBeFalse();
        corrected.Errors.ShouldHaveSingleItem().ShouldBe(new Core.FieldError(RequestCommands.ConflictField, "此申请已被他人更新，请刷新后再操作。"));
        var afterRefusal = await world.CaseAsync(request.Id);
        afterRefusal.Request.AssigneeId.ShouldBe(world.Head.Audit.Id);
        afterRefusal.History.Count.ShouldBe(1);

        (await world.StepAsync(request.Id, new StepInput { Step = RequestStep.RequestCorrection, Date = D("2026-03-04"), Items = "请写明文号", PeriodWorkingDays = 10 }))
            .Succeeded.ShouldBeTrue("redone on the refreshed page");
        var done = await world.CaseAsync(request.Id);
        (done.Request.AssigneeId, done.Request.Status).ShouldBe((world.Head.Audit.Id, RequestStatus.AwaitingCorrection));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoContexts_BothSaveTheSameRow_DatabaseRefusesTheSecond(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var request = await world.RegisterAsync("2026-03-02");
        await using var a = world.Database.Scope();
        await using var b = world.Database.Scope();
        var first = await a.ServiceProvider.GetRequiredService<GongkaiDbContext>().Requests.SingleAsync(r => r.Id == request.Id);
        var second = await b.ServiceProvider.GetRequiredService<GongkaiDbContext>().Requests.SingleAsync(r => r.Id == request.Id);

        first.AssigneeId = world.Head.Audit.Id;
        first.Version++;
        await a.ServiceProvider.GetRequiredService<GongkaiDbContext>().SaveChangesAsync();
        second.ExtensionReason = "同时修改";
        second.Version++;

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => b.ServiceProvider.GetRequiredService<GongkaiDbContext>().SaveChangesAsync());
        (await world.CaseAsync(request.Id)).Request.AssigneeId.ShouldBe(world.Head.Audit.Id);
    }
}
