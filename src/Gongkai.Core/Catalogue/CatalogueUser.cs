using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;

namespace Gongkai.Core.Catalogue;

/// <summary>
/// A member of staff acting on the catalogue: who (for the history and the audit log), in which
/// roles, and which agencies' documents they can see. Handlers and office heads draft, publish and
/// withdraw; reviewers and office heads carry out the 保密审查; supervisors only look.
/// </summary>
public sealed record CatalogueUser(AuditActor Actor, IReadOnlyCollection<string> Roles, int? AgencyId, AgencyScope Scope)
{
    public bool CanDraft => Has(Accounts.Roles.Handler) || Has(Accounts.Roles.OfficeHead) || Has(Accounts.Roles.Admin);
    public bool CanReview => Has(Accounts.Roles.Reviewer) || Has(Accounts.Roles.OfficeHead) || Has(Accounts.Roles.Admin);
    public bool CanManageCategories => Has(Accounts.Roles.OfficeHead) || Has(Accounts.Roles.Admin);

    private bool Has(string role) => Roles.Contains(role);
}
