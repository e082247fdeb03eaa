using Gongkai.Core.Agencies;
using Gongkai.Core.Storage;
using Gongkai.Domain.Agencies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>/api/v1/agencies: the public directory of agencies, their disclosure offices and 公开指南.</summary>
public static class AgenciesApi
{
    public sealed record Office(string Name, string Address, string? PostalCode, string Phone, string? Fax, string? Email, string? Hours);

    public sealed record AgencySummary(int Id, int? ParentId, string Name, AgencyLevel Level, string LevelLabel, string OrganizationCode, Office Office);

    public sealed record AgencyDetail(int Id, int? ParentId, string Name, AgencyLevel Level, string LevelLabel, string OrganizationCode,
        Office Office, string Guide, DateTime? GuideUpdatedAt);

    public static void MapAgenciesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/agencies").WithTags("机关");

        api.MapGet("/", async (GongkaiDbContext db, CancellationToken cancellationToken) =>
        {
            var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(cancellationToken);
            return TypedResults.Ok(agencies.Select(a => new AgencySummary(a.Id, a.ParentId, a.Name, a.Level, a.Level.Label(), a.OrganizationCode, OfficeOf(a))).ToList());
        }).WithName("ListAgencies").WithSummary("全部机关及其政府信息公开工作机构");

        api.MapGet("/{id:int}", async Task<Results<Ok<AgencyDetail>, NotFound>> (int id, GongkaiDbContext db, CancellationToken cancellationToken) =>
        {
            var a = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
            return a is null
                ? TypedResults.NotFound()
                : TypedResults.Ok(new AgencyDetail(a.Id, a.ParentId, a.Name, a.Level, a.Level.Label(), a.OrganizationCode, OfficeOf(a), a.Guide, a.GuideUpdatedAt));
        }).WithName("GetAgency").WithSummary("一个机关及其政府信息公开指南");
    }

    private static Office OfficeOf(Agency a) =>
        new(a.OfficeName, a.OfficeAddress, a.PostalCode, a.OfficePhone, a.OfficeFax, a.OfficeEmail, a.OfficeHours);
}
