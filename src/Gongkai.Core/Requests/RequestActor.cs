using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;

namespace Gongkai.Core.Requests;

/// <summary>
/// Who acts on a request: the audit identity, the agency and roles, and what they may see. Handlers
/// and office heads act on their own agency's requests; only an office head approves an extension or
/// signs a letter off; the legal reviewer checks the agency's refusals.
/// </summary>
public sealed record RequestActor(AuditActor Audit, int? AgencyId, IReadOnlyCollection<string> Roles, AgencyScope Scope)
{
    public bool CanHandle(int agencyId) =>
        AgencyId == agencyId && (Roles.Contains(Accounts.Roles.Handler) || Roles.Contains(Accounts.Roles.OfficeHead));

    public bool IsOfficeHeadOf(int agencyId) => AgencyId == agencyId && Roles.Contains(Accounts.Roles.OfficeHead);

    /// <summary>法制审核员 of the agency: reviews its refusals before they are signed off.</summary>
    public bool IsLegalReviewerOf(int agencyId) => AgencyId == agencyId && Roles.Contains(Accounts.Roles.LegalReviewer);
}
