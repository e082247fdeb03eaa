using Gongkai.Core.Requests;
using Gongkai.Web.Hosting;

namespace Gongkai.Web.Requests;

public static class RequestActors
{
    /// <summary>The signed-in person as the requests feature sees them: audit identity, agency, roles and scope.</summary>
    public static async Task<RequestActor> RequestActorAsync(this CurrentUser me, CancellationToken cancellationToken = default) =>
        new(me.Actor, me.AgencyId, me.Roles, await me.ScopeAsync(cancellationToken));
}
