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
