using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Demo;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Agencies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Demo;

public sealed class DemoSeederTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SeedAsync_Twice_LoadsTheRegionOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();

        var first = await seeder.SeedAsync(AuditActor.System);
        var second = await seeder.SeedAsync(AuditActor.System);

        first.Seeded.ShouldBeTrue();
        second.Seeded.ShouldBeFalse();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var agencies = await db.Agencies.AsNoTracking().ToListAsync();
        agencies.Count.ShouldBe(26);
        agencies.ShouldAllBe(a => CreditCode.IsValid(a.OrganizationCode) && a.Guide.Contains(a.OfficeName));
        agencies.Select(a => a.Level).Distinct().ShouldBe([AgencyLevel.City, AgencyLevel.Department, AgencyLevel.County, AgencyLevel.Township], ignoreOrder: true);
        first.Accounts.Select(a => a.Role).Distinct().ShouldBe(Roles.All.Where(r => r != Roles.Admin), ignoreOrder: true);
        (await db.AuditEntries.CountAsync(e => e.Action == AuditAction.DemoSeeded)).ShouldBe(1);
    }

    [Fact]
    public async Task SeedAsync_DemoAccount_SignsInWithPrintedPassword()
    {
        var result = await TestDatabase.DemoSeededAsync();
        await using var database = await TestDatabase.CreateDemoAsync();
        await using var scope = database.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();

        result.Accounts.Count.ShouldBe(16, "each role's staff across the region and one applicant");
        foreach (var account in result.Accounts)
        {
            var user = (await users.FindByNameAsync(account.UserName))!;
            (await users.CheckPasswordAsync(user, account.Password)).ShouldBeTrue(account.UserName);
            (await users.GetRolesAsync(user)).ShouldBe([account.Role]);
        }
    }

    [Fact]
    public void CityCode_IsTheCodeTheRegionGivesTheCity() =>
        DemoRegion.CreditCodeFor("990100", 1).ShouldBe(DemoRegion.CityCode);
}
