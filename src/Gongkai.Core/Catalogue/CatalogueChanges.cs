namespace Gongkai.Core.Catalogue;

/// <summary>
/// Tells whoever caches the public catalogue (the web app's output cache) that it changed: a
/// document was published or withdrawn, or a published document's validity changed. Raised after
/// the change is committed.
/// </summary>
public sealed class CatalogueChanges
{
    public event Action? Changed;

    public void Notify() => Changed?.Invoke();
}
