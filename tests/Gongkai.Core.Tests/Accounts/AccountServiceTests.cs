using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Agencies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Accounts;

public sealed class AccountServiceTests
{
    private static async Task<(AsyncServiceScope Scope, Agency Agency)> PrepareAsync(TestDatabase database)
    {
        var scope = database.Scope();
        await scope.ServiceProvider.GetRequiredService<FirstRun>().EnsureRolesAsync();
        var agency = await Support.Agencies.CreateAsync(scope.ServiceProvider.GetRequiredService<AgencyService>(), "示范市教育局", AgencyLevel.City);
        return (scope, agency);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateStaffAsync_Handler_GetsOneTimePasswordRoleAgencyAndAuditLine(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (scope, agency) = await PrepareAsync(database);
        await using var _ = scope;
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();

        var result = await accounts.CreateStaffAsync(new StaffInput
        {
            UserName = "wang.wei", DisplayName = "王伟", Role = Roles.Handler, AgencyId = agency.Id, PhoneNumber = "13912345678",
        }, AuditActor.System);

        result.Succeeded.ShouldBeTrue();
        var user = (await users.FindByNameAsync("wang.wei"))!;
        user.AgencyId.ShouldBe(agency.Id);
        user.MustChangePassword.ShouldBeTrue();
        (await users.CheckPasswordAsync(user, result.Value!.Password)).ShouldBeTrue();
        (await users.GetRolesAsync(user)).ShouldBe([Roles.Handler]);
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        (await db.AuditEntries.Where(e => e.Action == AuditAction.AccountCreated).SingleAsync()).Summary
            .ShouldBe("创建承办人账号 wang.wei（王伟），所属机关“示范市教育局”");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateStaffAsync_InvalidInput_RefusedAndNothingSaved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (scope, agency) = await PrepareAsync(database);
        await using var _ = scope;
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        await accounts.CreateStaffAsync(new StaffInput { UserName = "li.na", DisplayName = "李娜", AgencyId = agency.Id }, AuditActor.System);

        var noAgency = await accounts.CreateStaffAsync(new StaffInput { UserName = "x.y", DisplayName = "某人", Role = Roles.Handler }, AuditActor.System);
        var applicantRole = await accounts.CreateStaffAsync(new StaffInput { UserName = "x.z", DisplayName = "某人", Role = Roles.Applicant, AgencyId = agency.Id }, AuditActor.System);
        var badPhone = await accounts.CreateStaffAsync(new StaffInput { UserName = "x.w", DisplayName = "某人", AgencyId = agency.Id, PhoneNumber = "12ab" }, AuditActor.System);
        var duplicate = await accounts.CreateStaffAsync(new StaffInput { UserName = "LI.NA", DisplayName = "李娜", AgencyId = agency.Id }, AuditActor.System);

        noAgency.Errors.ShouldHaveSingleItem().Field.ShouldBe("AgencyId");
        applicantRole.Errors.ShouldHaveSingleItem().Field.ShouldBe("Role");
        badPhone.Errors.ShouldHaveSingleItem().Field.ShouldBe("PhoneNumber");
        duplicate.Errors.ShouldHaveSingleItem().Message.ShouldBe("该用户名已被使用。");
        (await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Users.CountAsync()).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChangePasswordAsync_AfterOneTimePassword_ClearsMustChange(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (scope, agency) = await PrepareAsync(database);
        await using var _ = scope;
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var issued = (await accounts.CreateStaffAsync(new StaffInput { UserName = "zhao.lei", DisplayName = "赵磊", AgencyId = agency.Id }, AuditActor.System)).Value!;

        var wrong = await accounts.ChangePasswordAsync(issued.User, "Wrong-Password1", "Brand-New-Pass9", AuditActor.System);
        var weak = await accounts.ChangePasswordAsync(issued.User, issued.Password, "short", AuditActor.System);
        var changed = await accounts.ChangePasswordAsync(issued.User, issued.Password, "Brand-New-Pass9", AuditActor.System);

        wrong.Errors.ShouldHaveSingleItem().Field.ShouldBe("CurrentPassword");
        weak.Errors.ShouldNotBeEmpty();
        changed.Succeeded.ShouldBeTrue();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = (await users.FindByNameAsync("zhao.lei"))!;
        user.MustChangePassword.ShouldBeFalse();
        (await users.CheckPasswordAsync(user, "Brand-New-Pass9")).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SetLockedAsync_Locked_AccountCannotSignInUntilUnlocked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (scope, agency) = await PrepareAsync(database);
        await using var _ = scope;
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var issued = (await accounts.CreateStaffAsync(new StaffInput { UserName = "sun.li", DisplayName = "孙丽", AgencyId = agency.Id }, AuditActor.System)).Value!;

        await accounts.SetLockedAsync(issued.User.Id, locked: true, AuditActor.System);
        (await users.IsLockedOutAsync((await users.FindByIdAsync(issued.User.Id.ToString()))!)).ShouldBeTrue();
        await accounts.SetLockedAsync(issued.User.Id, locked: false, AuditActor.System);
        (await users.IsLockedOutAsync((await users.FindByIdAsync(issued.User.Id.ToString()))!)).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegisterApplicantAsync_Valid_ApplicantWithoutAgency(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (scope, _) = await PrepareAsync(database);
        await using var __ = scope;
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();

        var result = await accounts.RegisterApplicantAsync(new ApplicantInput
        {
            UserName = "zhang.san", DisplayName = "张三", Email = "zs@example.com", Password = "Zhangsan-2026",
        }, new AuditActor(null, "访客", "198.51.100.7"));

        result.Succeeded.ShouldBeTrue();
        result.Value!.AgencyId.ShouldBeNull();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        (await users.GetRolesAsync(result.Value)).ShouldBe([Roles.Applicant]);
        var entry = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().AuditEntries.Where(e => e.Action == AuditAction.AccountRegistered).SingleAsync();
        (entry.ActorId, entry.ClientIp).ShouldBe((result.Value.Id, "198.51.100.7"));
    }

    [Fact]
    public async Task PasswordGenerator_Create_AlwaysMeetsThePolicy()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var passwords = Enumerable.Range(0, 200).Select(_ => PasswordGenerator.Create()).ToList();

        foreach (var password in passwords)
            foreach (var validator in users.PasswordValidators)
                (await validator.ValidateAsync(users, new User { DisplayName = "x" }, password)).Succeeded.ShouldBeTrue(password);
        passwords.Distinct().Count().ShouldBe(passwords.Count);
    }
}
