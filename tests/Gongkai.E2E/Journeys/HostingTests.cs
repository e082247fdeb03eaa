using System.Net;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text.Json;
using Gongkai.E2E.Support;

namespace Gongkai.E2E.Journeys;

/// <summary>
/// Attack #11 of issue 11: started from another working directory the app found no appsettings.json
/// nor wwwroot and logged SQL at Information; gongkai.db and stored files were world-readable.
/// </summary>
public sealed class HostingTests
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Server_StartedFromAnotherFolder_FindsItsSettingsAndPagesAndKeepsItsDataPrivate()
    {
        await using var server = await WebServer.StartWithoutContentRootAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        (await http.GetAsync("/css/site.css")).StatusCode.ShouldBe(HttpStatusCode.OK, "wwwroot found");
        var agencies = JsonDocument.Parse(await http.GetStringAsync("/api/v1/agencies")).RootElement;
        agencies.GetArrayLength().ShouldBe(0);
        var submitted = await http.PostAsJsonAsync("/api/v1/requests", new { application = new { }, attachments = Array.Empty<object>() });
        ((int)submitted.StatusCode).ShouldBeInRange(400, 499);
        await server.StopAsync();

        server.Output.ShouldNotContain("Executed DbCommand", Case.Sensitive, "appsettings.json found: EF Core logs at Warning");
        File.GetUnixFileMode(server.DataDirectory).ShouldBe(OwnerOnlyFolder);
        File.GetUnixFileMode(Path.Combine(server.DataDirectory, "gongkai.db")).ShouldBe(OwnerOnlyFile);
        Directory.Exists(Path.Combine(server.DataDirectory, "keys")).ShouldBeFalse("the keys that protect cookies are in the database");
    }
}
