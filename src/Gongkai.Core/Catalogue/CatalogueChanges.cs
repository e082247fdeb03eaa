using Gongkai.Domain.Catalogue;

namespace Gongkai.Core.Catalogue;

/// <summary>
/// A committed change of the public catalogue: which document, where it is listed (agency,
/// category, 主题分类, year), and whether it can be on any page of those lists (a withdrawal or a
/// validity change) or only at their head (a publication: the newest document). Documents whose
/// own page shows it (the one it interprets, the one it replaces) are named too.
/// </summary>
public sealed record CatalogueChange(int DocumentId, int AgencyId, int? CategoryId, Topic Topic, int Year, bool AnywhereInLists,
    IReadOnlyList<int> RelatedDocuments)
{
    /// <summary>
    /// Many documents at once (an import), or what every page shows beside its list (an agency's
    /// name or order, a 目录分类): every cached page of the catalogue is out of date.
    /// </summary>
    public static CatalogueChange Everything { get; } = new(0, 0, null, default, 0, true, []) { Whole = true };

    public bool Whole { get; private init; }

    /// <summary>A document changed on another server: which one, each server's <see cref="CatalogueRows"/> find out.</summary>
    public static CatalogueChange OnAnotherServer { get; } = new(0, 0, null, default, 0, true, []);

    internal static CatalogueChange Of(Document d, bool anywhereInLists) =>
        new(d.Id, d.AgencyId, d.CategoryId, d.Topic, d.PublishedOn?.Year ?? 0, anywhereInLists,
            [.. new[] { d.InterpretsId, d.ReplacesId }.OfType<int>()]);
}

/// <summary>
/// Tells whoever caches the public catalogue that it changed, after the change is committed. First
/// what each server keeps itself (<see cref="CatalogueSnapshotCache"/>, <see cref="CatalogueRows"/>),
/// added with <see cref="OnChangedAnywhere"/>, which hears of changes another server announced too;
/// then the handlers added with <see cref="OnChanged"/>, which hear of changes made by this server
/// (the web app evicts the output cache pages they touch and tells the other servers).
/// </summary>
public sealed class CatalogueChanges
{
    private readonly List<Func<CatalogueChange, Task>> handlers = [];
    private readonly List<Func<CatalogueChange, Task>> keptHere = [];

    public void OnChanged(Func<CatalogueChange, Task> handler)
    {
        lock (handlers) handlers.Add(handler);
    }

    public void OnChangedAnywhere(Func<CatalogueChange, Task> handler)
    {
        lock (keptHere) keptHere.Add(handler);
    }

    public async Task NotifyAsync(CatalogueChange change)
    {
        await KeptHereAsync(change);
        Func<CatalogueChange, Task>[] all;
        lock (handlers) all = [.. handlers];
        foreach (var handler in all) await handler(change);
    }

    /// <summary>Another server changed the catalogue: a document, or (<paramref name="whole"/>) everything.</summary>
    public Task NotifyFromElsewhereAsync(bool whole) => KeptHereAsync(whole ? CatalogueChange.Everything : CatalogueChange.OnAnotherServer);

    private async Task KeptHereAsync(CatalogueChange change)
    {
        Func<CatalogueChange, Task>[] all;
        lock (keptHere) all = [.. keptHere];
        foreach (var handler in all) await handler(change);
    }
}
