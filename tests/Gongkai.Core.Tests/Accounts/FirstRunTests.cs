using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Accounts;

public sealed class FirstRunTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EnsureAdministratorAsync_EmptyDatabase_CreatesAdminOnceWithOneTimePassword(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var firstRun = scope.ServiceProvider.GetRequiredService<FirstRun>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();

        var issued = await firstRun.EnsureAdministratorAsync();
        var again = await firstRun.EnsureAdministratorAsync();

        issued.ShouldNotBeNull();
        again.ShouldBeNull();
        var admin = await users.FindByNameAsync("admin");
        admin.ShouldNotBeNull();
        admin.MustChangePassword.ShouldBeTrue();
        (await users.CheckPasswordAsync(admin, issued.Password)).ShouldBeTrue();
        (await users.IsInRoleAsync(admin, Roles.Admin)).ShouldBeTrue();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        (await db.Roles.Select(r => r.Name).ToListAsync()).ShouldBe(Roles.All, ignoreOrder: true);
        (await db.AuditEntries.SingleAsync()).Action.ShouldBe(AuditAction.SystemInitialised);
        admin.PasswordHash!.ShouldNotContain(issued.Password);
    }
}
