using Gongkai.Domain.Reports;

namespace Gongkai.Core.AnnualReports;

/// <summary>A cell path of docs/annual-report.md taken apart: <c>requests.results.granted.naturalPerson</c>.</summary>
public sealed record CellPath(ReportTable Table, string Row, int Column)
{
    /// <summary>The cell of a template's table the path names, or null when it names none.</summary>
    public static CellPath? Parse(ReportTemplate template, string? path)
    {
        if (string.IsNullOrEmpty(path))
            return null;
        var first = path.IndexOf('.', StringComparison.Ordinal);
        var last = path.LastIndexOf('.');
        if (first < 0 || last <= first)
            return null;
        var table = ReportSchema.Tables.Where(t => ReportSchema.TableId(t) == path[..first]).Cast<ReportTable?>().FirstOrDefault();
        if (table is null || ReportSchema.Row(template, table.Value, path[(first + 1)..last]) is not { } row)
            return null;
        for (var c = 0; c < row.Columns.Count; c++)
        {
            if (row.Columns[c].Key == path[(last + 1)..])
                return new CellPath(table.Value, row.Key, c);
        }
        return null;
    }
}
