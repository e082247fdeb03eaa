using Gongkai.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Storage;

/// <summary>Protection against guessing (migration 0007_security).</summary>
public sealed partial class GongkaiDbContext
{
    public DbSet<TrackingFailure> TrackingFailures => Set<TrackingFailure>();
}
