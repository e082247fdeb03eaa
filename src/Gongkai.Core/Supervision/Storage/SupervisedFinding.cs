using Gongkai.Domain.Reports;

namespace Gongkai.Core.Supervision.Storage;

/// <summary>A finding of a report's own checks, as the engine raised it when the report was taken in.</summary>
public sealed class SupervisedFinding
{
    public long Id { get; set; }
    public int ReportId { get; set; }
    /// <summary>Position among the report's findings, to list them in the engine's order.</summary>
    public int Ordinal { get; set; }
    public required string Rule { get; set; }
    public Severity Severity { get; set; }
    public FindingOrigin Origin { get; set; }
    public required string Message { get; set; }
    /// <summary>Cell paths (docs/annual-report.md), separated by <see cref="CellSeparator"/>.</summary>
    public required string Cells { get; set; }

    public const char CellSeparator = ';';

    public Finding ToFinding() =>
        new(Rule, Severity, Message, Cells.Length == 0 ? [] : Cells.Split(CellSeparator), Origin);
}
