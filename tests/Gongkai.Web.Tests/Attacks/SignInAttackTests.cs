using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Accounts;
using Gongkai.Core.Storage;
using Gongkai.Domain.Security;
using Gongkai.Core.Tests.Support;
using Gongkai.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Attacks;

/// <summary>
/// Attacks #4 and #12 of issue 11: five wrong passwords locked any account for 15 minutes, so anyone
/// could keep staff out; the "locked" message appeared only for real accounts; turning two-factor
/// sign-in off asked for nothing; a failed sign-in wrote the typed user name to the audit log.
/// </summary>
public sealed partial class SignInAttackTests : IClassFixture<SignInAttackTests.Factory>
{
    /// <summary>The web app on a clock the test moves.</summary>
    public sealed class Factory : GongkaiFactory
    {
        public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
        }
    }

    private readonly Factory factory;

    public SignInAttackTests(Factory factory) => this.factory = factory;

    [GeneratedRegex("<div class=\"validation-summary[^\"]*\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex Summary();

    private static async Task<string> MessageAsync(HttpResponseMessage response) =>
        Summary().Match(await response.Content.ReadAsStringAsync()) is { Success: true } m ? m.Groups[1].Value : "(no message)";

    [Fact]
    public async Task Login_EveryKindOfFailure_OneIdenticalMessage()
    {
        await factory.UserAsync("same.message", Roles.Handler, (await factory.AgencyAsync("同一提示市人民政府", Domain.Agencies.AgencyLevel.City)).Id);
        await factory.UserAsync("same.disabled", Roles.Applicant, null);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("same.disabled"))!, DateTimeOffset.MaxValue);
        }
        var client = factory.Browser();

        var unknown = await MessageAsync(await client.LogInAsync("nobody.here", "Wrong-Password-1"));
        var wrong = new List<string>();
        for (var i = 0; i < SignInBackoff.FreeFailures + 1; i++)
            wrong.Add(await MessageAsync(await client.LogInAsync("same.message", "Wrong-Password-1")));
        var rightWhileWaiting = await client.LogInAsync("same.message");
        var disabled = await MessageAsync(await client.LogInAsync("same.disabled"));

        rightWhileWaiting.StatusCode.ShouldBe(HttpStatusCode.OK, "the right password does not sign in during the wait");
        var waiting = await MessageAsync(rightWhileWaiting);
        unknown.ShouldContain("用户名或密码不正确");
        new[] { wrong.Distinct().Single(), waiting, disabled }.ShouldAllBe(m => m == unknown);
    }

    [Fact]
    public async Task Login_ManyWrongPasswords_AWaitThatGrowsNotALock()
    {
        await factory.UserAsync("backoff.user", Roles.Applicant, null);
        var client = factory.Browser();

        for (var i = 0; i < SignInBackoff.FreeFailures + 2; i++)
            await client.LogInAsync("backoff.user", "Wrong-Password-1");
        (await client.LogInAsync("backoff.user")).StatusCode.ShouldBe(HttpStatusCode.OK, "refused while waiting");
        factory.Clock.Now += SignInBackoff.After(SignInBackoff.FreeFailures + 2);
        var right = await client.LogInAsync("backoff.user");

        right.StatusCode.ShouldBe(HttpStatusCode.Redirect, "after the wait the right password signs in: no 15-minute lock");
        SignInBackoff.After(SignInBackoff.FreeFailures + 2).ShouldBeGreaterThan(SignInBackoff.After(SignInBackoff.FreeFailures + 1));
    }

    [Fact]
    public async Task Login_Backoff_ListedForAdministratorsWhoCanClearIt()
    {
        await factory.UserAsync("watched.user", Roles.Applicant, null);
        await factory.UserAsync("guard.admin", Roles.Admin, null);
        var attacker = factory.Browser();
        for (var i = 0; i < SignInBackoff.FreeFailures + 1; i++)
            await attacker.LogInAsync("watched.user", "Wrong-Password-1");
        var admin = factory.Browser();
        await admin.LogInAsync("guard.admin");

        var page = await admin.GetStringAsync("/admin/sign-in");
        page.ShouldContain("watched.user");
        var cleared = await admin.PostFormAsync("/admin/sign-in", [KeyValuePair.Create("userName", "watched.user")], "/admin/sign-in?handler=ClearAccount");

        cleared.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/admin/sign-in")).ShouldNotContain("watched.user");
        (await factory.Browser().LogInAsync("watched.user")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Login_UnknownUserName_AuditedWithoutWhatWasTyped()
    {
        const string typed = "Mistyped-Secret-77";
        var client = factory.Browser();

        await client.LogInAsync(typed, "Wrong-Password-1");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var failures = await db.AuditEntries.Where(e => e.Action == Core.Audit.AuditAction.LoginFailed).ToListAsync();
        failures.ShouldNotBeEmpty();
        failures.ShouldAllBe(e => !e.ActorName.Contains(typed) && !e.Summary.Contains(typed) && !e.EntityId.Contains(typed));
    }

    [Theory]
    [InlineData("Disable")]
    [InlineData("Enable")]
    public async Task TwoFactor_ChangeWithoutThePassword_Refused(string handler)
    {
        var userName = "totp.guard." + handler.ToLowerInvariant();
        await factory.UserAsync(userName, Roles.Applicant, null);
        var client = factory.Browser();
        await client.LogInAsync(userName);
        var key = Regex.Match(await client.GetStringAsync("/account/security"), "<span class=\"secret\">([a-z2-7 ]+)</span>").Groups[1].Value;
        if (handler == "Disable")
            (await client.PostFormAsync("/account/security", [KeyValuePair.Create("Code", Totp.Code(key, DateTimeOffset.UtcNow)),
                KeyValuePair.Create("Password", GongkaiFactory.Password)], "/account/security?handler=Enable")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await client.PostFormAsync("/account/security", [KeyValuePair.Create("Code", Totp.Code(key, DateTimeOffset.UtcNow)),
            KeyValuePair.Create("Password", "Wrong-Password-1")], $"/account/security?handler={handler}");

        (await refused.Content.ReadAsStringAsync()).ShouldContain("密码不正确");
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        (await users.GetTwoFactorEnabledAsync((await users.FindByNameAsync(userName))!)).ShouldBe(handler == "Disable", "nothing changed");
    }
}
