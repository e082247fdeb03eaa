using Gongkai.Core.OpenData;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.OpenData;

/// <summary>/open-data: the newest daily dump of everything published, each file with its count and SHA-256.</summary>
public sealed class IndexModel(OpenDataFolder folder) : PageModel
{
    public DumpManifest? Manifest { get; private set; }

    public void OnGet() => Manifest = folder.Current();
}
