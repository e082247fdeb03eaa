using System.Globalization;
using Gongkai.Core.Agencies;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Catalogue;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using static Gongkai.Web.Api.OpenDataViews;

namespace Gongkai.Web.Api;

/// <summary>/api/v1/agencies: the public directory of agencies, their disclosure offices and 公开指南, in the portal's order.</summary>
public static class AgenciesApi
{
    private const int PageSize = 100;

    public sealed record Office(string Name, string Address, string? PostalCode, string Phone, string? Fax, string? Email, string? Hours);

    public sealed record AgencySummary(int Id, int? ParentId, string Name, AgencyLevel Level, string LevelLabel, string OrganizationCode, Office Office, string GuideUrl);

    public sealed record AgencyDetail(int Id, int? ParentId, string Name, AgencyLevel Level, string LevelLabel, string OrganizationCode,
        Office Office, string Guide, DateTimeOffset? GuideUpdatedAt);

    public static void MapAgenciesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/agencies").WithTags("机关").RequireRateLimiting(RateLimits.PublicReads).CacheOutput(CatalogueWeb.CachePolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/", async Task<Results<Ok<Page<AgencySummary>>, ProblemHttpResult>> (string? cursor, AgencyDirectory directory, CancellationToken cancellationToken) =>
        {
            var agencies = await directory.ListAsync(cancellationToken);
            var start = 0;
            if (cursor is not null)
            {
                start = int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? agencies.FindIndex(a => a.Id == after) + 1 : 0;
                if (start == 0) return ApiProblems.Of(StatusCodes.Status400BadRequest, "cursor 无效：应为上一页返回的 next。");
            }
            var page = agencies.Skip(start).Take(PageSize).ToList();
            return TypedResults.Ok(new Page<AgencySummary>(
                [.. page.Select(a => new AgencySummary(a.Id, a.ParentId, a.Name, a.Level, a.Level.Label(), a.OrganizationCode, OfficeOf(a),
                    string.Create(CultureInfo.InvariantCulture, $"/api/v1/agencies/{a.Id}")))],
                start + page.Count < agencies.Count ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null));
        }).WithName("ListAgencies").WithSummary("全部机关及其政府信息公开工作机构，按门户网站的顺序；公开指南见每个机关的详情").ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/{id:int}", async Task<Results<Ok<AgencyDetail>, ProblemHttpResult>> (int id, AgencyDirectory directory, CancellationToken cancellationToken) =>
        {
            var a = await directory.FindAsync(id, cancellationToken);
            return a is null
                ? ApiProblems.Of(StatusCodes.Status404NotFound, "该机关不存在。")
                : TypedResults.Ok(new AgencyDetail(a.Id, a.ParentId, a.Name, a.Level, a.Level.Label(), a.OrganizationCode, OfficeOf(a), a.Guide, Beijing(a.GuideUpdatedAt)));
        }).WithName("GetAgency").WithSummary("一个机关及其政府信息公开指南").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Office OfficeOf(Agency a) =>
        new(a.OfficeName, a.OfficeAddress, a.PostalCode, a.OfficePhone, a.OfficeFax, a.OfficeEmail, a.OfficeHours);
}
