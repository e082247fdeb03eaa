using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Imports;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Imports;

/// <summary>The example files of docs/import are what an office copies: each imports cleanly into an empty platform, in the documented order.</summary>
public sealed class ExampleFilesTests
{
    [Fact]
    public async Task ImportAsync_ExampleFilesOfTheDocs_EveryRowImported()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var scope = database.Scope()) await scope.ServiceProvider.GetRequiredService<FirstRun>().EnsureRolesAsync();
        var folder = Gongkai.Reports.Tests.TestFiles.Root + "/docs/import";
        var reports = new List<ImportReport>();
        foreach (var (kind, file) in new[]
        {
            (ImportKind.Agencies, "agencies.csv"), (ImportKind.Staff, "staff.csv"), (ImportKind.Documents, "documents.csv"),
            (ImportKind.Requests, "requests.csv"), (ImportKind.Reviews, "reviews.csv"),
        })
        {
            await using var scope = database.Scope();
            using var attachments = AttachmentSource.Open(folder);
            reports.Add(await scope.ServiceProvider.GetRequiredService<Importer>().ImportAsync(kind, Path.Combine(folder, file),
                new ImportOptions(AuditActor.System), attachments));
        }

        reports.SelectMany(r => r.Refusals.Select(x => $"{r.Kind} {x}")).ShouldBeEmpty();
        reports.Select(r => r.Added).ShouldBe([2, 3, 4, 5, 3]);
    }
}
