using Gongkai.Reports;

namespace Gongkai.Core.Supervision.Intake;

/// <summary>A file handed in for auditing: its name (with its path inside a ZIP) and its bytes.</summary>
public sealed record IntakeFile(string Name, byte[] Content);

/// <summary>A file read as a report: its bytes (to keep the original) and what the engine read.</summary>
public sealed record IntakeReport(string Name, byte[] Content, ReadReport Read);
