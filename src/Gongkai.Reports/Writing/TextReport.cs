using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Writing;

/// <summary>The report as plain text with pipe tables: readable as is, and read back exactly.</summary>
public static class TextReport
{
    public static string Write(AnnualReport report)
    {
        var sb = new StringBuilder();
        var metadata = ReportOutline.Metadata(report);
        if (metadata.Count > 0)
            sb.Append("| ").AppendJoin(" | ", metadata.SelectMany(m => new[] { m.Key, m.Value })).Append(" |\n");
        sb.Append(ReportOutline.Title(report)).Append("\n\n");
        AppendProse(sb, ReportOutline.Preface(report));
        foreach (var section in ReportOutline.Sections(report))
        {
            if (section.Heading.Length > 0)
                sb.Append(section.Heading).Append('\n');
            AppendProse(sb, section.Text);
            if (section.Table is { } table)
            {
                // Framed rows (| a | b |), so a blank last cell is still a cell.
                foreach (var row in table.Rows)
                    sb.Append("| ").AppendJoin(" | ", row.Select(c => c.Text.Replace('|', '｜'))).Append(" |\n");
            }
            sb.Append('\n');
        }
        if (ReportOutline.Signature(report) is { } signature)
            sb.Append(signature).Append('\n');
        return sb.ToString();
    }

    private static void AppendProse(StringBuilder sb, string text)
    {
        if (text.Length == 0)
            return;
        sb.Append(text.Replace('|', '｜')).Append('\n');
    }
}
