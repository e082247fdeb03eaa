using Gongkai.Core.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Supervision;

public static class SupervisionServices
{
    /// <summary>The supervision workspace's use cases and its part of the demo region.</summary>
    public static IServiceCollection AddSupervision(this IServiceCollection services) =>
        services.AddScoped<WorkspaceService>()
            .AddScoped<ReportCollector>()
            .AddScoped<WorkspaceReports>()
            .AddScoped<FindingDecisions>()
            .AddScoped<ReportEvidence>()
            .AddDemoStep<Demo.SupervisionDemo>();
}
