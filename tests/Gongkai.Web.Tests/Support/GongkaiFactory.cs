using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Domain.Agencies;
using Gongkai.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Support;

/// <summary>
/// The real web app on a fresh SQLite data folder of its own, holding a copy of the process's
/// migrated database (<see cref="DatabaseTemplates"/>), unless the settings choose PostgreSQL.
/// </summary>
public class GongkaiFactory : WebApplicationFactory<Program>
{
    public const string Password = "Test-Password-2026";
    private static int codes;
    private readonly Dictionary<string, string?> settings;

    public GongkaiFactory() : this(new Dictionary<string, string?>()) { }

    internal GongkaiFactory(Dictionary<string, string?> settings)
    {
        DataDirectory = Directory.CreateTempSubdirectory("gongkai-web-test-").FullName;
        this.settings = new Dictionary<string, string?>
        {
            ["GONGKAI_DATA_DIR"] = DataDirectory,
            ["Gongkai:PublicFormsPerMinute"] = "1000",
            ["Gongkai:PublicReadsPerMinute"] = "100000",
            // The daily dump is built where a test asks for it, not by the worker in every test's app.
            ["Gongkai:OpenData:Enabled"] = "false",
        };
        foreach (var (key, value) in settings) this.settings[key] = value;
        if (!this.settings.TryGetValue("Gongkai:Database", out var provider) || provider is null or "Sqlite")
            Task.Run(() => DatabaseTemplates.CopySqliteAsync(DataDirectory)).GetAwaiter().GetResult();
    }

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>Every file under the data folder's files/, in order: what an upload left on disk.</summary>
    public string[] StoredFiles()
    {
        var folder = Path.Combine(DataDirectory, "files");
        return Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<Agency> AgencyAsync(string name, AgencyLevel level, int? parentId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var code = CreditCode.Complete("1199010000" + Interlocked.Increment(ref codes).ToString("D7", System.Globalization.CultureInfo.InvariantCulture));
        var result = await scope.ServiceProvider.GetRequiredService<AgencyService>().CreateAsync(new AgencyInput
        {
            Name = name, Level = level, ParentId = parentId, OrganizationCode = code,
            OfficeName = name + "办公室", OfficeAddress = "示范市政务大道1号", OfficePhone = "0999-12345678", Guide = "一、主动公开\n" + name + "主动公开政府信息。",
        }, AuditActor.System);
        return result.Value ?? throw new InvalidOperationException(string.Join(" ", result.Errors));
    }

    public async Task<User> UserAsync(string userName, string role, int? agencyId, string? phone = null, bool mustChangePassword = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User
        {
            UserName = userName, DisplayName = "测试" + userName, AgencyId = agencyId, PhoneNumber = phone,
            MustChangePassword = mustChangePassword, LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, Password);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, role);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        return user;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
