using Gongkai.Core.Imports;
using Gongkai.Core.Storage;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Import;

/// <summary>
/// /admin/import: the migration imports of <c>gongkai import</c> in the browser. 预览 checks the file
/// (nothing changes) and shows its first rows and every refused row; 导入 imports it. Files larger
/// than the page takes go through the command line.
/// </summary>
[RequestSizeLimit(MaxBytes * 2 + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes * 2 + 1024 * 1024)]
public sealed class IndexModel(Importer importer, StorageSettings storage, CurrentUser me) : PageModel
{
    public const long MaxBytes = 100 * 1024 * 1024;
    private const int PreviewRows = 10;

    [BindProperty] public ImportKind Kind { get; set; } = ImportKind.Agencies;

    public ImportReport? Report { get; private set; }
    public IReadOnlyList<ImportRow> Preview { get; private set; } = [];
    public IReadOnlyList<ImportColumn> Columns => Importer.Columns(Kind);
    public IReadOnlyList<ImportRun> Runs { get; private set; } = [];
    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadRunsAsync(cancellationToken);

    public Task<IActionResult> OnPostCheckAsync(IFormFile? file, IFormFile? attachments, CancellationToken cancellationToken) =>
        RunAsync(file, attachments, check: true, cancellationToken);

    public Task<IActionResult> OnPostImportAsync(IFormFile? file, IFormFile? attachments, CancellationToken cancellationToken) =>
        RunAsync(file, attachments, check: false, cancellationToken);

    private async Task<IActionResult> RunAsync(IFormFile? file, IFormFile? attachments, bool check, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(Kind)) Error = "请选择导入的内容。";
        else if (file is null || file.Length == 0) Error = "请选择要导入的文件。";
        else if (file.Length > MaxBytes || attachments?.Length > MaxBytes) Error = "文件超过100 MB，请使用命令行 gongkai import 导入。";
        if (Error is not null)
        {
            await LoadRunsAsync(cancellationToken);
            return Page();
        }
        // Uploads are kept on disk in the data folder for the run, never whole in memory, and removed after it.
        var staging = Path.Combine(storage.DataDirectory, "import-uploads", Guid.NewGuid().ToString("N"));
        PrivateFiles.CreateDirectory(staging);
        try
        {
            var content = await StageAsync(file!, Path.Combine(staging, "file"), cancellationToken);
            using var source = attachments is { Length: > 0 } && Kind == ImportKind.Documents
                ? AttachmentSource.Zip(System.IO.File.OpenRead(await StageAsync(attachments, Path.Combine(staging, "attachments.zip"), cancellationToken)))
                : null;
            Report = await importer.ImportAsync(Kind, () => System.IO.File.OpenRead(content), file!.FileName, new ImportOptions(me.Actor, check), source, cancellationToken);
            if (check && Report.FileError is null)
                Preview = [.. ImportFile.Read(() => System.IO.File.OpenRead(content), file.FileName, Columns).Rows.Take(PreviewRows)];
        }
        catch (ImportFileException e)
        {
            Error = e.Message;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
        await LoadRunsAsync(cancellationToken);
        return Page();
    }

    private static async Task<string> StageAsync(IFormFile file, string path, CancellationToken cancellationToken)
    {
        await using var output = PrivateFiles.Create(path);
        await file.CopyToAsync(output, cancellationToken);
        return path;
    }

    private async Task LoadRunsAsync(CancellationToken cancellationToken) =>
        Runs = await importer.RecentRunsAsync(20, cancellationToken);
}
