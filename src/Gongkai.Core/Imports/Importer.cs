using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Imports;

/// <summary>
/// The imports an office moving onto Gongkai runs, in this order: agencies, staff, documents (with
/// their attachments), requests, reviews. The command line (<c>gongkai import …</c>) and
/// /admin/import call this; each file goes through <see cref="ImportRunner"/>.
/// </summary>
public sealed class Importer(IServiceProvider services, ImportRunner runner, Storage.GongkaiDbContext db)
{
    /// <summary>The latest runs, newest first, for the administrator's page.</summary>
    public async Task<IReadOnlyList<ImportRun>> RecentRunsAsync(int take, CancellationToken cancellationToken = default) =>
        await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(take).ToListAsync(cancellationToken);

    public static IReadOnlyList<ImportColumn> Columns(ImportKind kind) => kind switch
    {
        ImportKind.Agencies => AgencyColumns.All,
        ImportKind.Staff => StaffColumns.All,
        ImportKind.Documents => OpenData.DocumentColumns.All,
        ImportKind.Requests => RequestColumns.All,
        ImportKind.Reviews => ReviewColumns.All,
    };

    /// <summary>Imports (or with <see cref="ImportOptions.Check"/>, checks) one file; <paramref name="attachments"/> for documents only.</summary>
    public async Task<ImportReport> ImportAsync(ImportKind kind, Func<Stream> open, string fileName, ImportOptions options,
        AttachmentSource? attachments = null, CancellationToken cancellationToken = default)
    {
        var source = ImportFile.Read(open, fileName, Columns(kind));
        switch (kind)
        {
            case ImportKind.Staff:
                var staff = ActivatorUtilities.CreateInstance<StaffImport>(services);
                var report = await runner.RunAsync(staff, source, options, cancellationToken);
                return options.Check ? report : report with { Issued = [.. staff.Issued] };
            case ImportKind.Documents:
                var documents = ActivatorUtilities.CreateInstance<DocumentImport>(services);
                documents.Attachments = attachments;
                return await CatalogueShowsAsync(await runner.RunAsync(documents, source, options, cancellationToken), options);
            case ImportKind.Agencies:
                return await CatalogueShowsAsync(await runner.RunAsync(ActivatorUtilities.CreateInstance<AgencyImport>(services), source, options, cancellationToken), options);
            case ImportKind.Requests:
                return await runner.RunAsync(ActivatorUtilities.CreateInstance<RequestImport>(services), source, options, cancellationToken);
            case ImportKind.Reviews:
                return await runner.RunAsync(ActivatorUtilities.CreateInstance<ReviewImport>(services), source, options, cancellationToken);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>
    /// The portal's cached pages, its counts and its agency filter must show what came in: told once,
    /// after the import's last commit (each row's use case is inside a batch's transaction).
    /// </summary>
    private async Task<ImportReport> CatalogueShowsAsync(ImportReport imported, ImportOptions options)
    {
        if (imported.Added > 0 && !options.Check)
            await services.GetRequiredService<Catalogue.CatalogueChanges>().NotifyAsync(Catalogue.CatalogueChange.Everything);
        return imported;
    }

    /// <summary>A file on disk.</summary>
    public Task<ImportReport> ImportAsync(ImportKind kind, string path, ImportOptions options, AttachmentSource? attachments = null,
        CancellationToken cancellationToken = default) =>
        ImportAsync(kind, () => File.OpenRead(path), path, options, attachments, cancellationToken);
}
