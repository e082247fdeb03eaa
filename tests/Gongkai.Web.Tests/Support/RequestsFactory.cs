using System.Globalization;
using System.Net.Http.Headers;
using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Support;

/// <summary>The web app with "today" fixed at Friday 20 March 2026 for the statutory clock, and helpers to set up an office's cases.</summary>
public class RequestsFactory : GongkaiFactory
{
    public RequestsFactory() : this([]) { }

    /// <summary>With more settings, such as a limit a test needs lower.</summary>
    protected RequestsFactory(Dictionary<string, string?> settings) : base(new(settings) { ["Gongkai:Today"] = Today }) { }

    public const string Today = "2026-03-20";

    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGO4AwAAtgC1KWnr2AAAAABJRU5ErkJggg==");

    public static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A city government's office with a handler and an office head, named after the test.</summary>
    public async Task<(Agency Office, User Handler, User Head)> OfficeAsync(string prefix)
    {
        var city = await AgencyAsync(prefix + "市人民政府", AgencyLevel.City);
        var office = await AgencyAsync(prefix + "市人民政府办公室", AgencyLevel.Department, city.Id);
        var handler = await UserAsync(prefix + ".handler", Roles.Handler, office.Id, "13900000001");
        var head = await UserAsync(prefix + ".head", Roles.OfficeHead, office.Id, "13900000002");
        return (office, handler, head);
    }

    /// <summary>A request the office received in person on <paramref name="received"/>, from 张三 (phone ending 0000).</summary>
    public async Task<InformationRequest> RegisterAsync(Agency office, User handler, string received, string description = "请公开2025年老旧小区改造项目清单。")
    {
        await using var scope = Services.CreateAsyncScope();
        var actor = await ActorAsync(scope.ServiceProvider, handler, Roles.Handler);
        var result = await scope.ServiceProvider.GetRequiredService<RequestIntake>().RegisterAsync(Application(office.Id, description),
            new RegistrationInput { Channel = Channel.InPerson, ReceivedOn = D(received) }, [], actor);
        return result.Value ?? throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    public async Task StepAsync(InformationRequest request, User user, string role, StepInput input)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Storage.GongkaiDbContext>();
        var version = db.Requests.Where(r => r.Id == request.Id).Select(r => r.Version).Single();
        var result = await scope.ServiceProvider.GetRequiredService<RequestCommands>().PerformAsync(request.Id, input with { Version = version },
            await ActorAsync(scope.ServiceProvider, user, role), []);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    public static RequestInput Application(int agencyId, string description = "请公开2025年老旧小区改造项目清单。") => new()
    {
        AgencyId = agencyId, ApplicantType = ApplicantType.NaturalPerson, ApplicantName = "张三",
        IdentityDocument = IdentityDocument.ResidentIdCard, IdentityNumber = "11010519491231002X", Phone = "13800000000",
        Description = description, DeliveryForm = DeliveryForm.Electronic,
    };

    /// <summary>The online form's fields for <see cref="Application"/>, as a browser posts them.</summary>
    public static IEnumerable<(string, string)> FormFields(int agencyId, string name = "张三", string phone = "13800000000") =>
    [
        ("Input.AgencyId", agencyId.ToString(CultureInfo.InvariantCulture)), ("Input.ApplicantType", "NaturalPerson"),
        ("Input.ApplicantName", name), ("Input.IdentityDocument", "ResidentIdCard"), ("Input.IdentityNumber", "11010519491231002X"),
        ("Input.Phone", phone), ("Input.Description", "请公开2025年老旧小区改造项目清单。"), ("Input.DeliveryForm", "Electronic"),
    ];

    private static async Task<RequestActor> ActorAsync(IServiceProvider services, User user, string role) =>
        new(new AuditActor(user.Id, user.DisplayName, null), user.AgencyId, [role],
            await AgencyScope.ForAsync(services.GetRequiredService<Core.Storage.GongkaiDbContext>(), user.AgencyId, [role]));
}

public static class MultipartForms
{
    /// <summary>Posts a multipart form as a browser does: the page's antiforgery token, the fields, the files.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, string page, IEnumerable<(string Name, string Value)> fields,
        IEnumerable<(string Name, string FileName, byte[] Content)> files, string? action = null)
    {
        var token = await client.TokenAsync(page);
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
            content.Add(new StringContent(value), name);
        foreach (var (name, fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, name, fileName);
        }
        return await client.PostAsync(action ?? page, content);
    }
}
