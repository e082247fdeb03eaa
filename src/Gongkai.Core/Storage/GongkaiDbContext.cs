using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Storage;

/// <summary>
/// The one EF Core model, on SQLite and PostgreSQL alike. Its schema is not created by EF: the SQL
/// migrations in Storage/Migrations create it, and a test proves the two agree.
/// </summary>
public sealed partial class GongkaiDbContext(DbContextOptions<GongkaiDbContext> options)
    : IdentityDbContext<User, Role, Guid>(options)
{
    /// <summary>
    /// Files of the unit of work (the DI scope) this context is lent to, moved into place when their
    /// records commit; none for a context made outside DI. Dropped when the context goes back to the pool.
    /// </summary>
    internal StagedFiles? StagedFiles { get; set; }

    public override void Dispose()
    {
        StagedFiles = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        StagedFiles = null;
        return base.DisposeAsync();
    }

    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GongkaiDbContext).Assembly);
        SnakeCaseNames.Apply(builder);
    }
}
