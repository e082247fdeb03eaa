using System.Net;
using Gongkai.Core.Accounts;
using Gongkai.Core.Storage;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongkai.Web.Tests.Pages;

/// <summary>
/// The same web app on PostgreSQL, configured as an operator does (Gongkai:Database and the
/// connection string). Needs the server test.sh starts (GONGKAI_TEST_POSTGRES); fails without it.
/// </summary>
public sealed class PostgresTests : IAsyncLifetime
{
    private readonly string database = "gongkai_web_" + Guid.NewGuid().ToString("N")[..12];
    private string server = "";

    public async Task InitializeAsync()
    {
        server = Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("GONGKAI_TEST_POSTGRES is not set: run the tests through ./test.sh.");
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
        await create.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task WebApp_OnPostgreSQL_MigratesCreatesAdministratorAndScopesStaff()
    {
        using var factory = new GongkaiFactory(new()
        {
            ["Gongkai:Database"] = "PostgreSQL",
            ["ConnectionStrings:Gongkai"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString(),
        });
        var health = await factory.Browser().GetStringAsync("/health");
        var city = await factory.AgencyAsync("PG测试市人民政府", AgencyLevel.City);
        var office = await factory.AgencyAsync("PG测试市人民政府办公室", AgencyLevel.Department, city.Id);
        await factory.UserAsync("pg.handler", Roles.Handler, office.Id);
        var client = factory.Browser();
        await client.LogInAsync("pg.handler");

        health.ShouldBe("{\"status\":\"ok\",\"database\":\"ok\"}");
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
        if (server.Length == 0) return;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
