using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Audit;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Cluster;
using Gongkai.Core.Demo;
using Gongkai.Core.Files;
using Gongkai.Core.Files.Backends;
using Gongkai.Core.Imports;
using Gongkai.Core.OpenData;
using Gongkai.Core.Operations;
using Gongkai.Core.Requests;
using Gongkai.Core.Security;
using Gongkai.Core.Storage;
using Gongkai.Core.Supervision;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongkai.Core;

public static class CoreServices
{
    /// <summary>Storage and use cases, shared by the web app, the command line and the tests.</summary>
    /// <param name="files">Where stored files' bytes live; the data folder when not given.</param>
    public static IServiceCollection AddGongkaiCore(this IServiceCollection services, StorageSettings storage, FileBackendSettings? files = null)
    {
        services.AddSingleton(storage);
        var backend = files ?? new FileBackendSettings(FileBackendKind.Local);
        services.AddSingleton(backend);
        services.AddSingleton(_ => backend.Create(storage));
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<StagedFiles>();
        // Each scope borrows a context from a pool, whose options and EF services are built once for the
        // process instead of for every request; the scope's staged files reach the interceptor through it.
        services.AddPooledDbContextFactory<GongkaiDbContext>(options => UseProvider(options, storage).AddInterceptors(StagedFilesInterceptor.Instance));
        services.AddScoped(scope =>
        {
            var db = scope.GetRequiredService<IDbContextFactory<GongkaiDbContext>>().CreateDbContext();
            db.StagedFiles = scope.GetRequiredService<StagedFiles>();
            return db;
        });
        services.AddScoped<Migrator>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AgencyService>();
        services.AddScoped<AgencyDirectory>();
        services.AddScoped<AccountService>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<FirstRun>();
        services.AddScoped<FileStore>();
        services.AddScoped<FileSweep>();
        services.AddSingleton<ClusterLeases>();
        services.TryAddSingleton(new PdfRenderOptions());
        services.AddSingleton<PdfRenderQueue>();
        services.AddScoped<SignInGuard>();
        services.AddScoped<TrackingFailures>();
        services.AddRequests();
        services.AddSingleton(new UploadInspector());
        services.AddScoped<BackupService>();
        services.AddDemoSeeder();
        services.AddCatalogue();
        services.AddSupervision();
        services.AddAnnualReports();
        services.AddImports();
        services.AddOpenData();
        return services;
    }

    /// <summary>Accounts without the web's sign-in: for the command line and the tests.</summary>
    public static IServiceCollection AddGongkaiIdentityCore(this IServiceCollection services)
    {
        services.AddLogging();
        services.AddIdentityCore<User>(IdentityPolicy.Configure)
            .AddRoles<Role>()
            .AddEntityFrameworkStores<GongkaiDbContext>();
        return services;
    }

    public static DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder options, StorageSettings storage) => storage.Provider switch
    {
        DatabaseProvider.Sqlite => options.UseSqlite(storage.ConnectionString),
        DatabaseProvider.PostgreSQL => options.UseNpgsql(storage.ConnectionString),
    };
}
