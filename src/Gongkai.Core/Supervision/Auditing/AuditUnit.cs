using Gongkai.Domain.Agencies;
using Gongkai.Domain.Supervision;

namespace Gongkai.Core.Supervision.Auditing;

/// <summary>
/// A unit whose reports are audited: a registered agency under the supervisor (with its place in
/// the tree), or — when a report matches none — the agency as the report names it, so that no
/// report drops out of sight.
/// </summary>
public sealed record AuditUnit(string Key, string Name, PublisherKind Kind, int? AgencyId, int Depth)
{
    public bool IsRegistered => AgencyId is not null;

    public static AuditUnit ForAgency(int id, string name, AgencyLevel level, int depth) =>
        new($"agency:{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}", name, PublicationDeadline.KindOf(level), id, depth);

    /// <summary>One unit per printed name in matching form, so 深圳市住房和建設局 and 深圳市住房和建设局 are one.</summary>
    public static AuditUnit ForPrintedName(string name) =>
        new("name:" + AgencyNames.Key(name), Gongkai.Domain.Text.ChineseText.ToSimplified(name.Trim()), PublicationDeadline.KindOf(name), null, 0);
}
