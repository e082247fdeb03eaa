using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Catalogue;
using Gongkai.Domain.Catalogue;

namespace Gongkai.Web.Catalogue;

/// <summary>
/// Endpoints of benchmark mode only (<c>Gongkai:Benchmark=true</c>, never in production): the bare
/// endpoint the catalogue is measured against, a request that stays in flight (to see a stopping
/// server finish it), one publication through the real steps (the cluster benchmark's steady
/// publishing), and whether the catalogue's list rows are loaded.
/// </summary>
internal static class BenchmarkEndpoints
{
    private static readonly Topic[] Topics = Enum.GetValues<Topic>();

    public static void MapBenchmarkEndpoints(this WebApplication app)
    {
        app.MapGet("/bench/bare", () => Results.Text("ok")).ExcludeFromDescription();
        // At most 10 s.
        app.MapGet("/bench/wait", async (int ms) =>
        {
            await Task.Delay(Math.Clamp(ms, 0, 10_000), CancellationToken.None);
            return Results.Text("ok");
        }).ExcludeFromDescription();
        app.MapPost("/bench/publish", PublishAsync).ExcludeFromDescription().DisableAntiforgery();
        // Whether the catalogue's list rows are loaded: a benchmark measures the server once they are.
        app.MapGet("/bench/warm", (CatalogueRows rows) => rows.Loaded ? Results.Text("ok") : Results.StatusCode(StatusCodes.Status503ServiceUnavailable))
            .ExcludeFromDescription();
    }

    /// <summary>
    /// Drafts, submits, approves and publishes a document of a random agency and topic, as the demo's
    /// handler and reviewer: the same use cases and the same eviction as a publication from the staff
    /// pages. Answers the document's id.
    /// </summary>
    private static async Task<IResult> PublishAsync(AgencyDirectory directory, UserDirectory users, DocumentDrafts drafts, Publishing publishing,
        CancellationToken cancellationToken)
    {
        var agencies = (await directory.ListAsync(cancellationToken)).Select(a => a.Id).ToList();
        var staff = new Dictionary<string, AuditActor>(StringComparer.Ordinal);
        foreach (var name in new[] { "shi.chengban", "shi.baomi" })
            if (await users.FindByUserNameAsync(name, cancellationToken) is { } user)
                staff[name] = new AuditActor(user.Id, user.DisplayName, null);
        if (agencies.Count == 0 || staff.Count < 2) return Results.Problem("基准测试发布需要演示数据（--demo）。", statusCode: StatusCodes.Status409Conflict);
        var agency = agencies[Random.Shared.Next(agencies.Count)];
        CatalogueUser As(string userName, string role) => new(staff[userName], [role], agency, AgencyScope.Everything);
        var handler = As("shi.chengban", Roles.Handler);
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var steps = await drafts.CreateAsync(new DocumentInput
        {
            AgencyId = agency,
            Title = $"基准测试公告{stamp}",
            Kind = DocumentKind.Ordinary,
            Topic = Topics[Random.Shared.Next(Topics.Length)],
            Body = "本公告由集群基准测试按每秒一件的速度发布，用于检验发布时目录页缓存的清除范围。",
        }, handler, cancellationToken);
        if (steps.Value is { } draft) steps = await publishing.SubmitAsync(draft.Id, draft.Version, handler, cancellationToken);
        if (steps.Value is { } submitted) steps = await publishing.ApproveAsync(submitted.Id, submitted.Version, null, As("shi.baomi", Roles.Reviewer), cancellationToken);
        if (steps.Value is { } approved) steps = await publishing.PublishAsync(approved.Id, approved.Version, handler, cancellationToken);
        return steps.Value is { } published
            ? Results.Text(published.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : Results.Problem(string.Join(" ", steps.Errors.Select(e => e.Message)), statusCode: StatusCodes.Status422UnprocessableEntity);
    }
}
