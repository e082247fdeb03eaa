using Gongkai.Core;
using Gongkai.Core.Files.Backends;
using Gongkai.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Platform;

/// <summary>
/// The platform's services as the web app has them, from the same settings: environment variables
/// (GONGKAI_DATA_DIR, Gongkai__Database, ConnectionStrings__Gongkai), with --data-dir taking precedence.
/// </summary>
internal static class PlatformServices
{
    public static ServiceProvider Build(string? dataDirectory)
    {
        var builder = new ConfigurationBuilder().AddEnvironmentVariables();
        if (!string.IsNullOrWhiteSpace(dataDirectory))
            builder.AddInMemoryCollection([KeyValuePair.Create(StorageSettings.DataDirectoryVariable, (string?)dataDirectory)]);
        var configuration = builder.Build();
        var storage = StorageSettings.FromConfiguration(configuration);
        return new ServiceCollection().AddGongkaiCore(storage, FileBackendSettings.FromConfiguration(configuration, storage))
            .AddGongkaiIdentityCore().BuildServiceProvider();
    }

    /// <summary>Runs a platform command, turning the failures an operator can fix into exit code 2 with the reason.</summary>
    public static async Task<int> RunAsync(CliConsole console, string? dataDirectory, Func<IServiceProvider, Task<int>> command)
    {
        try
        {
            await using var services = Build(dataDirectory);
            await using var scope = services.CreateAsyncScope();
            return await command(scope.ServiceProvider);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException
                                      or System.Data.Common.DbException or System.ComponentModel.Win32Exception)
        {
            // EF wraps connection failures ("likely due to a transient failure"); the cause is what an operator needs.
            var cause = e.GetBaseException().Message;
            return console.Fail("操作失败：" + (cause == e.Message ? e.Message : $"{e.Message}（{cause}）"));
        }
    }
}
