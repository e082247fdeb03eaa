namespace Gongkai.Core.Audit;

/// <summary>One line of the audit log. Written once, never changed: the database refuses UPDATE and DELETE.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTime At { get; init; }
    public Guid? ActorId { get; init; }
    public required string ActorName { get; init; }
    public AuditAction Action { get; init; }
    public required string EntityType { get; init; }
    public required string EntityId { get; init; }
    /// <summary>What happened, in Chinese, for the people who read the log.</summary>
    public required string Summary { get; init; }
    public string? ClientIp { get; init; }
}
