using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;

namespace Gongkai.Core.Requests;

/// <summary>
/// Who acts on a request: the audit identity, the agency and roles, and what they may see. Handlers
/// and office heads act on their own agency's requests; only an office head approves an extension.
/// </summary>
public sealed record RequestActor(AuditActor Audit, int? AgencyId, IReadOnlyCollection<string> Roles, AgencyScope Scope)
{
    /// <summary>A member of the public: sees nothing in the staff sense, acts only through the tracking code or an account.</summary>
    public static RequestActor Public(AuditActor audit) => new(audit, null, [], AgencyScope.Nothing);

    public bool CanHandle(int agencyId) =>
        AgencyId == agencyId && (Roles.Contains(Accounts.Roles.Handler) || Roles.Contains(Accounts.Roles.OfficeHead));

    public bool IsOfficeHeadOf(int agencyId) => AgencyId == agencyId && Roles.Contains(Accounts.Roles.OfficeHead);
}
