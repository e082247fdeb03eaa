namespace Gongkai.Core.AnnualReports;

/// <summary>
/// A government's decision whether its annual report covers one of the units directly under it
/// (docs/decisions/0022). Units without a decision follow the default of <see cref="Domain.Reports.Generation.ReportScope"/>.
/// </summary>
public sealed class ReportScopeUnit
{
    public int GovernmentId { get; set; }
    public int UnitId { get; set; }
    public bool Included { get; set; }
}
