using Gongkai.Core.Cluster;
using Gongkai.Core.Files.Backends;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Storage;

/// <summary>Several servers on one database (migration 0009_scale_out).</summary>
public sealed partial class GongkaiDbContext : IDataProtectionKeyContext
{
    /// <summary>The keys that protect sign-in cookies and tokens, shared by every server.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ClusterLease> ClusterLeases => Set<ClusterLease>();

    public DbSet<FileContent> FileContents => Set<FileContent>();
}
