using System.Net;
using Gongkai.Core.Accounts;
using Gongkai.Core.Storage;
using Gongkai.Domain.Agencies;
using Gongkai.Tests;
using Gongkai.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Pages;

/// <summary>
/// The same web app on PostgreSQL, configured as an operator does (Gongkai:Database and the
/// connection string). Needs the server test.sh starts (GONGKAI_TEST_POSTGRES); fails without it.
/// </summary>
[Trait(TestCategory.Name, TestCategory.PostgreSQL)]
public sealed class PostgresTests : IAsyncLifetime
{
    private PostgresDatabase? postgres;

    public async Task InitializeAsync() => postgres = await PostgresDatabase.CreateAsync("gongkai_web");

    [Fact]
    public async Task WebApp_OnPostgreSQL_MigratesCreatesAdministratorAndScopesStaff()
    {
        using var factory = new GongkaiFactory(postgres!.Configuration);
        var health = await factory.Browser().GetStringAsync("/health");
        var city = await factory.AgencyAsync("PG测试市人民政府", AgencyLevel.City);
        var office = await factory.AgencyAsync("PG测试市人民政府办公室", AgencyLevel.Department, city.Id);
        await factory.UserAsync("pg.handler", Roles.Handler, office.Id);
        var client = factory.Browser();
        await client.LogInAsync("pg.handler");

        health.ShouldBe("{\"status\":\"ok\",\"database\":\"ok\",\"redis\":\"none\",\"files\":\"ok\"}");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<StorageSettings>().Provider.ShouldBe(DatabaseProvider.PostgreSQL);
            (await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByNameAsync("admin"))!.MustChangePassword.ShouldBeTrue();
        }
        (await client.GetAsync($"/staff/agencies/{office.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/staff/agencies/{city.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    public async Task DisposeAsync()
    {
        if (postgres is not null)
            await postgres.DisposeAsync();
    }
}
