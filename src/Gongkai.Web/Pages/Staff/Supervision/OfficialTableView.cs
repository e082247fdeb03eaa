using Gongkai.Domain.Reports;
using Gongkai.Reports.Writing;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>How a figure cell is marked on the rendered table: its class and the messages shown on hover.</summary>
public sealed record CellMark(string CssClass, IReadOnlyList<string> Messages);

/// <summary>
/// A statistics table in the official layout (<see cref="OfficialLayout"/>), each figure carrying
/// its cell path in data-cell, so a finding's exact cells can be marked: flagged for findings,
/// changed for differences between two years.
/// </summary>
public sealed record OfficialTableView(string Id, LayoutTable Table, IReadOnlyDictionary<string, CellMark> Marks)
{
    public static IReadOnlyList<OfficialTableView> For(AnnualReport report, IReadOnlyDictionary<string, CellMark> marks)
    {
        var tables = OfficialLayout.Tables(report);
        return report.Template == ReportTemplate.Legacy
            ? [new OfficialTableView("indicators", tables[0], marks)]
            : [.. tables.Select((t, i) => new OfficialTableView(ReportSchema.TableId(ReportSchema.Tables[i]), t, marks))];
    }

    /// <summary>Marks the cells of findings (those of this report; a previous year's cells are named with a year prefix and skipped).</summary>
    public static Dictionary<string, CellMark> Flags(IEnumerable<Finding> findings)
    {
        var messages = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            foreach (var path in finding.Cells.Where(p => !p.Contains(':', StringComparison.Ordinal)))
            {
                if (!messages.TryGetValue(path, out var list))
                    messages[path] = list = [];
                if (!list.Contains(finding.Message, StringComparer.Ordinal))
                    list.Add(finding.Message);
            }
        }
        return messages.ToDictionary(m => m.Key, m => new CellMark("flagged", m.Value), StringComparer.Ordinal);
    }

    public static bool IsHeaderRow(IReadOnlyList<LayoutCell> row) => row.All(c => c.IsHeader);
}
