using System.Net;
using Gongkai.Domain.Security;
using Gongkai.Tests;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests.Attacks;

/// <summary>
/// The attacks whose defence lives in the database — wrong answers per 查询码, failed sign-ins per
/// account, files staged until their record commits — through the web app on PostgreSQL (the other
/// attack tests run it on SQLite; the Core tests run these rules on both).
/// </summary>
[Trait(TestCategory.Name, TestCategory.PostgreSQL)]
public sealed class PostgresAttackTests : IAsyncLifetime
{
    private sealed class Factory(Dictionary<string, string?> settings) : RequestsFactory(settings);

    private PostgresDatabase? postgres;

    public async Task InitializeAsync() => postgres = await PostgresDatabase.CreateMigratedAsync("gongkai_attacks");

    [Fact]
    public async Task Attacks_OnPostgreSQL_TrackingLockedSignInSlowedAndNoFileLeft()
    {
        using var factory = new Factory(postgres!.Configuration);
        var (office, handler, _) = await factory.OfficeAsync("pgattack");
        var request = await factory.RegisterAsync(office, handler, "2026-03-16");
        var attacker = factory.Browser();

        for (var i = 0; i < TrackingLockout.MaxFailures; i++)
            await attacker.PostFormAsync("/track", ("Code", request.TrackingCode), ("Factor", "9999"));
        var locked = await attacker.PostFormAsync("/track", ("Code", request.TrackingCode), ("Factor", "0000"));
        for (var i = 0; i < SignInBackoff.FreeFailures + 1; i++)
            await attacker.LogInAsync(handler.UserName!, "Wrong-Password-1");
        var waiting = await factory.Browser().LogInAsync(handler.UserName!);
        var before = factory.StoredFiles();
        var refused = await attacker.PostMultipartAsync("/requests/new", RequestsFactory.FormFields(office.Id),
            [("IdentityProof", "身份证.png", RequestsFactory.Png), ("Supporting", "病毒.png", "MZ\x90\0"u8.ToArray())]);

        (await locked.Content.ReadAsStringAsync()).ShouldContain("已暂停查询");
        waiting.StatusCode.ShouldBe(HttpStatusCode.OK, "the right password waits too");
        (await refused.Content.ReadAsStringAsync()).ShouldContain("不支持的文件类型");
        factory.StoredFiles().ShouldBe(before);
    }

    public async Task DisposeAsync()
    {
        if (postgres is not null)
            await postgres.DisposeAsync();
    }
}
