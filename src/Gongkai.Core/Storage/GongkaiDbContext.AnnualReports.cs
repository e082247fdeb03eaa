using Gongkai.Core.AnnualReports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Storage;

/// <summary>The annual reports' tables (migration 0005).</summary>
public sealed partial class GongkaiDbContext
{
    public DbSet<AnnualReportRecord> AnnualReports => Set<AnnualReportRecord>();
    public DbSet<ReportFigure> ReportFigures => Set<ReportFigure>();
    public DbSet<ReportText> ReportTexts => Set<ReportText>();
    public DbSet<ReportScopeUnit> ReportScopeUnits => Set<ReportScopeUnit>();
}
