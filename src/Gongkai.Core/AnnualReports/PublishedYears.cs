using System.Globalization;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.AnnualReports;

/// <summary>
/// A published year's figures never move (docs/decisions/0022): a step that would change what a
/// published report counts — its own agency's, or that of a government whose report covers the
/// agency — is refused, so the next year's 上年结转, taken from the published report, stays true.
/// </summary>
public sealed class PublishedYears(GongkaiDbContext db, ReportScopes scopes)
{
    /// <summary>The latest published report that counts the agency's records: its own, or a covering government's.</summary>
    public async Task<AnnualReportRecord?> LastAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        var (scope, _) = await scopes.LoadAsync(cancellationToken);
        var counting = scope.CountedIn(agencyId).ToList();
        return await db.AnnualReports.AsNoTracking()
            .Where(r => counting.Contains(r.AgencyId) && r.Status == ReportStatus.Published)
            .OrderByDescending(r => r.Year).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Why a step that brings the request to <paramref name="after"/> is refused, or null when it moves no published figure.</summary>
    public async Task<string?> RefusalAsync(InformationRequest request, RequestClock after, CancellationToken cancellationToken = default)
    {
        if (RequestTable.CountingChangesFrom(request.ReceivedOn, request.DecidedOn, request.Outcome,
                after.Receipt?.Date, after.DecidedOn, after.Outcome) is not { } from)
            return null;
        if (await LastAsync(request.AgencyId, cancellationToken) is not { } published || from.Year > published.Year)
            return null;
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == published.AgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        var year = published.Year.ToString(CultureInfo.InvariantCulture);
        var on = published.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{agency}{year}年度报告已于{on}发布，这一步骤涉及{from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}，"
            + $"会改变已发布报告的统计数据，不能登记。已发布年度的数据不再变动：请核实日期；确属漏登的，请以实际登记之日登记，并在说明中注明原来的日期。";
    }
}
