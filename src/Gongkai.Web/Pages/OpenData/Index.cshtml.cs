using Gongkai.Core.OpenData;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.OpenData;

/// <summary>/open-data: the newest daily dump of everything published, each file with its count and SHA-256.</summary>
public sealed class IndexModel(IOpenDataStore store) : PageModel
{
    public DumpManifest? Manifest { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Manifest = await store.CurrentAsync(cancellationToken);
}
