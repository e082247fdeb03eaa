using Gongkai.Domain.Text;

namespace Gongkai.Domain.Reports.Checks;

/// <summary>Every check of one report: what the reader noticed, the arithmetic, the prose, the quality rules.</summary>
public static class ReportChecks
{
    public static IReadOnlyList<Finding> Check(AnnualReport report)
    {
        // The prose of each section in matching form, normalised once for every prose rule.
        var prose = report.Sections.Select(s => ChineseText.Normalize(s.Text)).ToList();
        var findings = new List<Finding>(report.ReadingFindings);
        findings.AddRange(TableChecks.Check(report));
        findings.AddRange(LegacyChecks.Check(report));
        findings.AddRange(ProseChecks.Check(report, prose));
        findings.AddRange(ProseChecks.Fees(report, prose));
        findings.AddRange(QualityChecks.Check(report, prose));
        return findings;
    }

    /// <summary>Whether a list of findings leaves the report clean (infos only).</summary>
    public static bool IsClean(IEnumerable<Finding> findings) => findings.All(f => f.Severity == Severity.Info);
}
