namespace Gongkai.Core.Catalogue;

/// <summary>
/// A count of the catalogue's changes shared by every server (in Redis): a server that changed the
/// catalogue advances it after its commit and before its response, and a server about to show a
/// list from its <see cref="CatalogueRows"/> first reads it, and reads the changed documents when it
/// is behind. So a document published on one server is on every server's list the moment the
/// publishing step returns, not only once the announcement arrives. One server alone has none: its
/// own changes reach its rows before the step returns.
/// </summary>
public interface ICatalogueStamp
{
    /// <summary>The count now; null when it cannot be read (the list then shows what the rows hold).</summary>
    Task<long?> CurrentAsync();

    /// <summary>Counts a committed change.</summary>
    Task AdvanceAsync();
}
