using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Storage;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalogue;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Support;

/// <summary>An agency with a handler and a reviewer, and the shortest honest way to get a document published.</summary>
public sealed class CatalogueWorld
{
    private CatalogueWorld(TestDatabase database, Agency agency, CatalogueUser handler, CatalogueUser reviewer)
    {
        Database = database;
        Agency = agency;
        Handler = handler;
        Reviewer = reviewer;
    }

    public TestDatabase Database { get; }
    public Agency Agency { get; }
    public CatalogueUser Handler { get; }
    public CatalogueUser Reviewer { get; }

    /// <summary>A new agency (another one each call: staff of one never see the other's documents).</summary>
    public static async Task<CatalogueWorld> CreateAsync(TestDatabase database, string agencyName = "测试市人民政府")
    {
        await using var scope = database.Scope();
        var agency = await Agencies.CreateAsync(scope.ServiceProvider.GetRequiredService<AgencyService>(), agencyName, AgencyLevel.City);
        return new CatalogueWorld(database, agency,
            await UserAsync(database, agency.Id, Roles.Handler, "承办人"), await UserAsync(database, agency.Id, Roles.Reviewer, "审查员"));
    }

    /// <summary>A member of staff of one agency, with the scope the web app would give them.</summary>
    public static async Task<CatalogueUser> UserAsync(TestDatabase database, int agencyId, string role, string name)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        return new(new AuditActor(Guid.NewGuid(), name, "127.0.0.1"), [role], agencyId, await AgencyScope.ForAsync(db, agencyId, [role]));
    }

    public DocumentInput Input(string title, string body = "正文。", DocumentKind kind = DocumentKind.Ordinary) => new()
    {
        Title = title,
        Body = body,
        Kind = kind,
        DocumentNumber = kind.Normative() is null ? null : $"测规〔2026〕{Interlocked.Increment(ref numbers)}号",
        IssuedOn = kind.Normative() is null ? null : new DateOnly(2026, 1, 5),
    };

    private static int numbers;

    public async Task<Document> DraftAsync(DocumentInput input)
    {
        await using var scope = Database.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<DocumentDrafts>().CreateAsync(input, Handler);
        return result.Value ?? throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    /// <summary>Drafted by the handler, submitted, approved by the reviewer: ready to publish.</summary>
    public async Task<Document> ApprovedAsync(DocumentInput input)
    {
        var draft = await DraftAsync(input);
        await using var scope = Database.Scope();
        var publishing = scope.ServiceProvider.GetRequiredService<Publishing>();
        var submitted = Ok(await publishing.SubmitAsync(draft.Id, draft.Version, Handler));
        return Ok(await publishing.ApproveAsync(submitted.Id, submitted.Version, null, Reviewer));
    }

    public async Task<Document> PublishedAsync(DocumentInput input)
    {
        var approved = await ApprovedAsync(input);
        await using var scope = Database.Scope();
        return Ok(await scope.ServiceProvider.GetRequiredService<Publishing>().PublishAsync(approved.Id, approved.Version, Handler));
    }

    public Task<Document> PublishedAsync(string title, string body = "正文。", DocumentKind kind = DocumentKind.Ordinary) =>
        PublishedAsync(Input(title, body, kind));

    public static Document Ok(Result<Document> result) =>
        result.Value ?? throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
}
