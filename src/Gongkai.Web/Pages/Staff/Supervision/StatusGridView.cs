using Gongkai.Core.Supervision.Auditing;
using Gongkai.Core.Supervision.Storage;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>The units × years grid of a workspace, for some of its units.</summary>
public sealed record StatusGridView(SupervisionWorkspace Workspace, SupervisionAudit Audit, IReadOnlyList<AuditUnit> Units, string UnitHeading);
