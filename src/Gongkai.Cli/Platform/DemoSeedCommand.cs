using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Platform;

/// <summary>gongkai demo seed: the schema and administrator if needed, then the demo region 示范市.</summary>
internal static class DemoSeedCommand
{
    public static Task<int> RunAsync(CliConsole console, string? dataDirectory) =>
        PlatformServices.RunAsync(console, dataDirectory, async services =>
        {
            await DatabaseCommand.MigrateAndEnsureAdministratorAsync(console, services);
            var result = await services.GetRequiredService<DemoSeeder>().SeedAsync(AuditActor.CommandLine);
            foreach (var line in result.Summary)
                console.Out.WriteLine((result.Seeded ? "已载入" : "") + line);
            if (result.Accounts.Count > 0)
            {
                console.Out.WriteLine($"演示账号（密码均为 {result.Accounts[0].Password}）：");
                foreach (var a in result.Accounts)
                    console.Out.WriteLine($"  {a.UserName}\t{Roles.Label(a.Role)}\t{a.DisplayName}\t{a.AgencyName}");
            }
            return ExitCodes.Ok;
        });
}
