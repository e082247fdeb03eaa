using Gongkai.Core.Imports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Storage;

/// <summary>Imports for an office moving onto Gongkai (migration 0010_open_data_and_imports).</summary>
public sealed partial class GongkaiDbContext
{
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ImportRefusal> ImportRefusals => Set<ImportRefusal>();
}
