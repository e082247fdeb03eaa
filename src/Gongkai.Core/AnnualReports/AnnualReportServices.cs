using Gongkai.Core.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.AnnualReports;

public static class AnnualReportServices
{
    /// <summary>Annual reports from live data and their part of the demo region.</summary>
    public static IServiceCollection AddAnnualReports(this IServiceCollection services) =>
        services.AddScoped<ReportGenerator>()
            .AddScoped<AnnualReportService>()
            .AddScoped<ReportDrillDown>()
            .AddScoped<PublishedReports>()
            .AddScoped<RegionSummary>()
            .AddScoped<ReportScopes>()
            .AddScoped<PublishedYears>()
            .AddDemoStep<Demo.AnnualReportDemo>();
}
