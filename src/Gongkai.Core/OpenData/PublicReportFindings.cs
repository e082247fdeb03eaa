using Gongkai.Core.AnnualReports;
using Gongkai.Domain.Reports;

namespace Gongkai.Core.OpenData;

/// <summary>The findings of a public report, as the portal's readers get them: every check of the engine and the cross-year rules against the agency's public report of the year before.</summary>
public static class PublicReportFindings
{
    public static async Task<IReadOnlyList<Finding>> ForAsync(PublishedReports reports, PublicReport report, CancellationToken cancellationToken = default)
    {
        var previous = (await reports.ListAsync(report.Record.Year - 1, report.Record.AgencyId, cancellationToken)).FirstOrDefault();
        return AnnualReportService.Check(report.Report, previous?.Report);
    }
}
