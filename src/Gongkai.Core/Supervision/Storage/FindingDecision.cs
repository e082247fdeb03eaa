using Gongkai.Core.Supervision.Auditing;

namespace Gongkai.Core.Supervision.Storage;

/// <summary>
/// One decision on a finding: confirmed or dismissed, why, by whom, when. Append-only (the
/// database refuses UPDATE and DELETE): a changed mind is a new decision, and the latest stands.
/// </summary>
public sealed class FindingDecision
{
    public long Id { get; init; }
    public long FindingId { get; init; }
    public Verdict Verdict { get; init; }
    public required string Note { get; init; }
    public DateTime DecidedAt { get; init; }
    public Guid? DecidedBy { get; init; }
    public required string DecidedByName { get; init; }
}
