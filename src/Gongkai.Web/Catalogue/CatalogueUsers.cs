using Gongkai.Core.Catalogue;
using Gongkai.Web.Hosting;

namespace Gongkai.Web.Catalogue;

public static class CatalogueUsers
{
    /// <summary>The signed-in member of staff as the catalogue's use cases take them.</summary>
    public static async Task<CatalogueUser> CatalogueUserAsync(this CurrentUser me, CancellationToken cancellationToken = default) =>
        new(me.Actor, me.Roles, me.AgencyId, await me.ScopeAsync(cancellationToken));
}
