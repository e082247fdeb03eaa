using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Core.Requests;

/// <summary>
/// Wrong answers given for one 查询码 (known or not: a lock must not tell which codes exist), kept
/// until the next successful access so the applicant can be told of them. See <see cref="TrackingFailures"/>.
/// </summary>
public sealed class TrackingFailure
{
    public required string TrackingCode { get; init; }
    /// <summary>Attempts in a row not (yet) successful since the last lock ended; an attempt counts when it begins.</summary>
    public int Failures { get; set; }
    /// <summary>Locks in a row; each lasts longer (<see cref="Domain.Security.TrackingLockout"/>).</summary>
    public int Locks { get; set; }
    public DateTime? LockedUntil { get; set; }
    /// <summary>Wrong answers since the last successful access, to tell the applicant.</summary>
    public int Unnoticed { get; set; }
    public DateTime? LastFailureAt { get; set; }
}

internal sealed class TrackingFailureConfiguration : IEntityTypeConfiguration<TrackingFailure>
{
    public void Configure(EntityTypeBuilder<TrackingFailure> failure)
    {
        failure.HasKey(f => f.TrackingCode);
        failure.Property(f => f.TrackingCode).HasMaxLength(14);
        failure.HasIndex(f => f.LastFailureAt);
    }
}
