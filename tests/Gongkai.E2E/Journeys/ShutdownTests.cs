using System.Text.Json;
using Gongkai.E2E.Support;

namespace Gongkai.E2E.Journeys;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Server_Sigterm_StopsCleanlyWithJsonLogsAndNoWriteAheadLog()
    {
        await using var server = await WebServer.StartAsync();
        using (var http = new HttpClient())
            (await http.GetStringAsync(server.BaseUrl + "/health")).ShouldContain("ok");

        var exitCode = await server.StopAsync();

        exitCode.ShouldBe(0);
        server.Output.ShouldContain("Application is shutting down");
        var logLines = server.Output.Split('\n').Where(l => l.StartsWith('{')).ToList();
        logLines.ShouldNotBeEmpty();
        foreach (var line in logLines)
        {
            using var entry = JsonDocument.Parse(line);
            entry.RootElement.GetProperty("Timestamp").GetString()!.ShouldEndWith("Z");
            entry.RootElement.GetProperty("LogLevel").GetString().ShouldNotBeNullOrEmpty();
            entry.RootElement.GetProperty("Category").GetString().ShouldNotBeNullOrEmpty();
        }
        var wal = new FileInfo(Path.Combine(server.DataDirectory, "gongkai.db-wal"));
        (!wal.Exists || wal.Length == 0).ShouldBeTrue("the write-ahead log is checkpointed on a clean stop");
    }
}
