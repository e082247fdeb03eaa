using System.Globalization;
using System.Text.Json;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Domain.Reports.Generation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.AnnualReports;

/// <summary>A unit a government's report sums, as the report keeps it: which agency, its name and 统一社会信用代码 then.</summary>
public sealed record ReportUnitRef(int AgencyId, string Name, string Code)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string? Write(IReadOnlyList<ReportUnitRef> units) => units.Count == 0 ? null : JsonSerializer.Serialize(units, Options);

    public static IReadOnlyList<ReportUnitRef> Read(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<ReportUnitRef>>(json, Options) ?? [];

    public static ReportUnitRef Of(Agency agency) => new(agency.Id, agency.Name, agency.OrganizationCode);
}

/// <summary>One unit directly under a government, and whether the government's report covers it.</summary>
public sealed record ScopeChoice(Agency Unit, bool Covered, bool Chosen);

/// <summary>
/// The scope of the governments' reports (docs/decisions/0022): which units each 人民政府's report
/// covers, read as a <see cref="ReportScope"/> over the whole hierarchy, and the government's choices.
/// </summary>
public sealed class ReportScopes(GongkaiDbContext db, AuditLog audit)
{
    private (ReportScope Scope, IReadOnlyList<Agency> Agencies)? loaded;

    /// <summary>The scope of every government, loaded once per unit of work.</summary>
    public async Task<(ReportScope Scope, IReadOnlyList<Agency> Agencies)> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (loaded is { } done)
            return done;
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var choices = await db.ReportScopeUnits.AsNoTracking().ToDictionaryAsync(c => (c.GovernmentId, c.UnitId), c => c.Included, cancellationToken);
        var scope = new ReportScope(agencies.Select(a => new ScopeNode(a.Id, a.ParentId, a.Level)), choices);
        loaded = (scope, agencies);
        return (scope, agencies);
    }

    /// <summary>The units directly under a government with whether its report covers them; empty for an agency that is not a government.</summary>
    public async Task<IReadOnlyList<ScopeChoice>> ChoicesAsync(int governmentId, CancellationToken cancellationToken = default)
    {
        var (scope, agencies) = await LoadAsync(cancellationToken);
        if (!scope.IsGovernment(governmentId))
            return [];
        var chosen = await db.ReportScopeUnits.AsNoTracking().Where(c => c.GovernmentId == governmentId).Select(c => c.UnitId).ToListAsync(cancellationToken);
        return [.. agencies.Where(a => a.ParentId == governmentId).Select(a => new ScopeChoice(a, scope.Covers(governmentId, a.Id), chosen.Contains(a.Id)))];
    }

    /// <summary>
    /// Sets which units directly under a government its report covers; every other unit under it is
    /// recorded as not covered. Only the government's office head or an administrator decides it.
    /// </summary>
    public async Task<Result<IReadOnlyList<ScopeChoice>>> SaveAsync(int governmentId, IReadOnlyCollection<int> covered, RequestActor actor,
        CancellationToken cancellationToken = default)
    {
        var government = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == governmentId, cancellationToken);
        if (government is null || !ReportScope.IsGovernment(government.Level))
            return Result<IReadOnlyList<ScopeChoice>>.Failure("", "只有人民政府的年度报告可以设置统计范围。");
        if (!actor.IsOfficeHeadOf(governmentId) && !actor.Roles.Contains(Accounts.Roles.Admin))
            return Result<IReadOnlyList<ScopeChoice>>.Failure("", "统计范围由本级人民政府的公开办负责人或系统管理员设置。");
        var units = await db.Agencies.AsNoTracking().Where(a => a.ParentId == governmentId).OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        if (covered.Except(units.Select(u => u.Id)).Any())
            return Result<IReadOnlyList<ScopeChoice>>.Failure("Units", "只能选择本级人民政府直属的单位。");
        var stored = await db.ReportScopeUnits.Where(c => c.GovernmentId == governmentId).ToListAsync(cancellationToken);
        foreach (var unit in units)
        {
            var row = stored.Find(c => c.UnitId == unit.Id);
            if (row is null)
                db.ReportScopeUnits.Add(row = new ReportScopeUnit { GovernmentId = governmentId, UnitId = unit.Id });
            row.Included = covered.Contains(unit.Id);
        }
        var names = units.Where(u => covered.Contains(u.Id)).Select(u => u.Name).ToList();
        audit.Record(actor.Audit, AuditAction.AnnualReportScopeChanged, "Agency", governmentId.ToString(CultureInfo.InvariantCulture),
            $"{government.Name}年度报告统计范围：本级" + (names.Count == 0 ? "" : "及" + string.Join("、", names)));
        await db.SaveChangesAsync(cancellationToken);
        loaded = null;
        return Result<IReadOnlyList<ScopeChoice>>.Success(await ChoicesAsync(governmentId, cancellationToken));
    }
}
