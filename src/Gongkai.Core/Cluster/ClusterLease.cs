namespace Gongkai.Core.Cluster;

/// <summary>
/// A row of cluster_leases: who holds the named piece of work and until when, and for a recurring
/// job when it runs next and who ran it last. A holder that stops renewing (stopped, crashed, cut
/// off) loses the lease when <see cref="LeasedUntil"/> passes, and another server takes it over.
/// </summary>
public sealed class ClusterLease
{
    public required string Name { get; init; }
    public string? Holder { get; set; }
    public DateTime? LeasedUntil { get; set; }
    public DateTime? NextRunAt { get; set; }
    public DateTime? LastRunAt { get; set; }
    public string? LastHolder { get; set; }
    public long Runs { get; set; }
}
