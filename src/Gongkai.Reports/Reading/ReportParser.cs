using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Reading;

/// <summary>
/// Finds the structure of a report in a <see cref="SourceDocument"/>: metadata, the template,
/// the sections and the statistics tables. Deterministic; never guesses a figure.
/// </summary>
public static class ReportParser
{
    public static AnnualReport Parse(SourceDocument document)
    {
        var lines = new List<ParsedLine>(document.Lines.Count);
        foreach (var line in document.Lines)
        {
            var parsed = new ParsedLine(lines.Count, line);
            if (parsed.Tokens.Length == 1 && ValueParser.IsPageMarker(parsed.Head))
                continue;
            if (parsed.Tokens.Length == 1 && PageChrome.IsChrome(parsed.Head))
                continue;
            parsed.Index = lines.Count;
            lines.Add(parsed);
        }

        var report = new AnnualReport();
        report.Source.Format = document.Format;
        var (titleLine, signature) = MetadataReader.Read(lines, report);
        var headings = SectionFinder.Find(lines, titleLine);
        report.Template = TemplateDetector.Detect(lines, report.Year);

        var consumed = new bool[lines.Count];
        // The signature block closes the report; it is not prose of the last section.
        for (var i = signature?.First ?? 0; signature is not null && i <= signature.Last; i++)
            consumed[i] = true;
        List<IncompleteTable> incomplete = [];
        if (report.Template == ReportTemplate.Legacy)
            LegacyReader.Read(lines, report, consumed);
        else
            incomplete = TableReader.Read(lines, headings, report, consumed);
        SectionFinder.FillSections(lines, headings, titleLine, consumed, report);
        // Recovery by position is confirmed by the prose, so it comes after the sections; the
        // lines of a recovered table then leave the prose.
        if (incomplete.Count > 0 && PositionRecovery.Apply(lines, report, incomplete, consumed))
        {
            report.Sections.Clear();
            SectionFinder.FillSections(lines, headings, titleLine, consumed, report);
        }
        return report;
    }
}
