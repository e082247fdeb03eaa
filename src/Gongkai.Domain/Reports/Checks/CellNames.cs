namespace Gongkai.Domain.Reports.Checks;

/// <summary>Human names of rows and cells for messages: 表三“（一）予以公开”行“自然人”栏.</summary>
public static class CellNames
{
    public static string TableName(ReportTable table) => table switch
    {
        ReportTable.Proactive => "表二",
        ReportTable.Requests => "表三",
        ReportTable.ReviewLitigation => "表四",
    };

    public static string Label(RowDef row) => row.Group is { } g && row.Table != ReportTable.Requests
        ? $"{g}·{row.Label}"
        : row.Group is { } group ? $"{group}{row.Label}" : row.Label;

    public static string Describe(RowDef row, int column) =>
        $"{TableName(row.Table)}“{Label(row)}”行“{row.Columns[column].Label}”栏";

    /// <summary>Describes a cell path such as <c>requests.newReceived.total</c>.</summary>
    public static string Describe(ReportTemplate template, string path)
    {
        foreach (var table in ReportSchema.Tables)
        {
            foreach (var row in ReportSchema.Rows(template, table))
            {
                for (var c = 0; c < row.Columns.Count; c++)
                {
                    if (row.CellPath(c) == path)
                        return Describe(row, c);
                }
            }
        }
        return path;
    }
}
