using Gongkai.Domain.Text;

namespace Gongkai.Domain.Reports.Checks;

/// <summary>Every check of one report: what the reader noticed, the arithmetic, the prose, the quality rules.</summary>
public static class ReportChecks
{
    public static IReadOnlyList<Finding> Check(AnnualReport report)
    {
        // The prose of each section in matching form, normalised once for every prose rule.
        var prose = Prose(report);
        var findings = new List<Finding>(report.ReadingFindings);
        findings.AddRange(TableChecks.Check(report));
        findings.AddRange(LegacyChecks.Check(report));
        findings.AddRange(ProseChecks.Check(report, prose));
        findings.AddRange(ProseChecks.Fees(report, prose));
        findings.AddRange(QualityChecks.Check(report, prose));
        return findings;
    }

    /// <summary>
    /// Each section's prose in matching form, without the control characters a broken text layer
    /// leaves inside words (信\u0007息处理费 is 信息处理费 to a reader). Figures in tables keep them:
    /// there a control character may stand for a digit that was lost.
    /// </summary>
    internal static List<string> Prose(AnnualReport report) =>
        [.. report.Sections.Select(s => ChineseText.Normalize(s.Text)).Select(t => t.Any(char.IsControl) ? string.Concat(t.Where(c => !char.IsControl(c))) : t)];

    /// <summary>Whether a list of findings leaves the report clean (infos only).</summary>
    public static bool IsClean(IEnumerable<Finding> findings) => findings.All(f => f.Severity == Severity.Info);
}
