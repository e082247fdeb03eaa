using Gongkai.Core.Catalogue.Demo;
using Gongkai.Core.Demo;
using Gongkai.Core.Search;
using Gongkai.Domain.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongkai.Core.Catalogue;

public static class CatalogueServices
{
    /// <summary>The proactive catalogue: drafting, publishing, the 错敏词 list, search, and its demo data.</summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        // Article 26's 20 working days run on the official calendar; a feature with a maintained holiday table may register its own first.
        services.TryAddSingleton<WorkingCalendar>(NationalCalendar.Default);
        services.AddSingleton<CatalogueChanges>();
        services.AddSingleton<CatalogueSnapshotCache>();
        services.AddSingleton<CatalogueRows>();
        services.AddScoped<DocumentDrafts>();
        services.AddScoped<Publishing>();
        services.AddScoped<DocumentValidity>();
        services.AddScoped<CatalogueCategories>();
        services.AddScoped<StaffDocuments>();
        services.AddScoped<NormativeReport>();
        services.AddScoped<CatalogueList>();
        services.AddScoped<PublicDocuments>();
        services.AddScoped<CatalogueSearch>();
        services.AddScoped<WordList>();
        services.AddDemoStep<DemoWords>();
        services.AddDemoStep<DemoCatalogue>();
        return services;
    }
}
