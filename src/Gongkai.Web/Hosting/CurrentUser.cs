using System.Globalization;
using System.Security.Claims;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;

namespace Gongkai.Web.Hosting;

/// <summary>The person behind this request: who to write in the audit log, and which agencies they may see.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, AgencyDirectory agencies)
{
    private AgencyScope? scope;

    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;
    public Guid? Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    public string UserName => Principal.Identity?.Name ?? "";
    public string DisplayName => Principal.FindFirstValue(GongkaiClaimsFactory.DisplayNameClaim) ?? UserName;
    public int? AgencyId => int.TryParse(Principal.FindFirstValue(GongkaiClaimsFactory.AgencyClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    public IReadOnlyList<string> Roles => Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();

    public AuditActor Actor => new(Id, IsSignedIn ? $"{DisplayName}（{UserName}）" : "访客", ClientIp(accessor.HttpContext));

    public async Task<AgencyScope> ScopeAsync(CancellationToken cancellationToken = default) =>
        scope ??= await agencies.ScopeOfAsync(AgencyId, Roles, cancellationToken);

    public static string? ClientIp(HttpContext? context) => context?.Connection.RemoteIpAddress?.ToString();
}
