using System.Globalization;
using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Files.Backends;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Requests;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Support;

/// <summary>
/// A migrated database with a city government, its office and its police bureau, a handler and an
/// office head at the office and a handler at the police, and a clock the test sets (北京时间 noon).
/// </summary>
public sealed class RequestsWorld : IAsyncDisposable
{
    private RequestsWorld(TestDatabase database, ManualClock clock) => (Database, Clock) = (database, clock);

    public TestDatabase Database { get; }
    public ManualClock Clock { get; }
    public Agency City { get; private set; } = null!;
    public Agency Office { get; private set; } = null!;
    public Agency Police { get; private set; } = null!;
    public RequestActor Handler { get; private set; } = null!;
    public RequestActor Head { get; private set; } = null!;
    public RequestActor PoliceHandler { get; private set; } = null!;

    public static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<RequestsWorld> CreateAsync(DatabaseProvider provider, string today = "2026-03-20", FileBackendKind files = FileBackendKind.Local)
    {
        var clock = new ManualClock(Noon(today));
        var world = new RequestsWorld(await TestDatabase.CreateAsync(provider, clock, files), clock);
        await using var scope = world.Database.Scope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<FirstRun>().EnsureRolesAsync();
        var agencies = services.GetRequiredService<AgencyService>();
        world.City = await Agencies.CreateAsync(agencies, "示范市人民政府", AgencyLevel.City);
        world.Office = await Agencies.CreateAsync(agencies, "示范市人民政府办公室", AgencyLevel.Department, world.City.Id);
        world.Police = await Agencies.CreateAsync(agencies, "示范市公安局", AgencyLevel.Department, world.City.Id);
        world.Handler = await StaffAsync(services, "handler", "王志强", Roles.Handler, world.Office.Id);
        world.Head = await StaffAsync(services, "head", "李秀梅", Roles.OfficeHead, world.Office.Id);
        world.PoliceHandler = await StaffAsync(services, "police", "马超", Roles.Handler, world.Police.Id);
        return world;
    }

    public void Today(string date) => Clock.Now = Noon(date);

    /// <summary>Another member of staff in a role (a legal reviewer, a second office head …).</summary>
    public async Task<RequestActor> StaffAsync(string userName, string name, string role, int agencyId)
    {
        await using var scope = Database.Scope();
        return await StaffAsync(scope.ServiceProvider, userName, name, role, agencyId);
    }

    /// <summary>Noon in Beijing on the date.</summary>
    private static DateTimeOffset Noon(string date) => new(D(date).ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero);

    private static async Task<RequestActor> StaffAsync(IServiceProvider services, string userName, string name, string role, int agencyId)
    {
        var users = services.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = userName, DisplayName = name, AgencyId = agencyId, Email = userName + "@example.gov.cn", LockoutEnabled = true };
        (await users.CreateAsync(user, "Test-Password-2026")).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        var db = services.GetRequiredService<GongkaiDbContext>();
        return new RequestActor(new AuditActor(user.Id, $"{name}（{userName}）", "127.0.0.1"), agencyId, [role],
            await AgencyScope.ForAsync(db, agencyId, [role]));
    }

    public static RequestInput Application(int agencyId, string description = "请公开示范市2025年老旧小区改造项目清单。", string name = "张三",
        string phone = "13800000000", string id = "11010519491231002X") => new()
    {
        AgencyId = agencyId, ApplicantType = ApplicantType.NaturalPerson, ApplicantName = name,
        IdentityDocument = IdentityDocument.ResidentIdCard, IdentityNumber = id, Phone = phone,
        Description = description, DeliveryForm = DeliveryForm.Electronic,
    };

    /// <summary>A request registered at the office as received in person on <paramref name="received"/>.</summary>
    public async Task<InformationRequest> RegisterAsync(string received, RequestInput? input = null)
    {
        await using var scope = Database.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<RequestIntake>().RegisterAsync(
            input ?? Application(Office.Id), new RegistrationInput { Channel = Channel.InPerson, ReceivedOn = D(received) }, [], Handler);
        return result.Value ?? throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    /// <summary>Takes a step with the request's current version, as someone on a fresh page does.</summary>
    public async Task<Result<RequestEventRecord>> StepAsync(int requestId, StepInput input, RequestActor? actor = null)
    {
        await using var scope = Database.Scope();
        var version = await VersionAsync(requestId);
        return await scope.ServiceProvider.GetRequiredService<RequestCommands>().PerformAsync(requestId, input with { Version = version }, actor ?? Handler, []);
    }

    public async Task<int> VersionAsync(int requestId)
    {
        await using var scope = Database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        return db.Requests.Where(r => r.Id == requestId).Select(r => r.Version).Single();
    }

    public async Task<RequestCase> CaseAsync(int requestId, RequestActor? actor = null)
    {
        await using var scope = Database.Scope();
        return (await scope.ServiceProvider.GetRequiredService<RequestCases>().FindAsync(requestId, (actor ?? Handler).Scope))!;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
