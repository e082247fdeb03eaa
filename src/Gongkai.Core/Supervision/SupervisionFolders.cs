using Microsoft.Extensions.Configuration;

namespace Gongkai.Core.Supervision;

/// <summary>
/// The server folders an administrator allows supervisors to read reports from
/// (<c>Gongkai:Supervision:Folders</c>, a list of absolute paths). A browser only ever picks one
/// of them by its number; it never sends a path.
/// </summary>
public sealed record SupervisionFolders(IReadOnlyList<string> Paths)
{
    public const string Section = "Gongkai:Supervision:Folders";

    public static SupervisionFolders From(IConfiguration configuration) =>
        new([.. configuration.GetSection(Section).GetChildren().Select(c => c.Value).OfType<string>()
            .Where(p => p.Length > 0 && Path.IsPathFullyQualified(p))]);

    public string? At(int index) => index >= 0 && index < Paths.Count ? Paths[index] : null;
}
