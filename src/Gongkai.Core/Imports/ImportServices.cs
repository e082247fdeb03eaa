using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Imports;

public static class ImportServices
{
    /// <summary>Imports for an office moving onto Gongkai, and the export in the same formats.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddScoped<ImportRunner>();
        services.AddScoped<Importer>();
        services.AddScoped<DataExport>();
        return services;
    }
}
