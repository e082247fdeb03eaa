using Gongkai.Domain.Reports;
using Gongkai.Reports.Writing;
using Gongkai.Web.Pages.Staff.Supervision;

namespace Gongkai.Web.Pages.Reports;

/// <summary>
/// A statistics table of a report in the official layout (<see cref="OfficialLayout"/>): on the
/// staff page each figure of tables 三 and 四 links to the records it counts, the cells that changed
/// or are flagged carry a mark, and table 二's entered figures say where they came from.
/// </summary>
public sealed record ReportTableView(
    string Id,
    ReportTemplate Template,
    LayoutTable Table,
    IReadOnlyDictionary<string, CellMark> Marks,
    Func<string, string?> Link,
    Func<string, string?> Note)
{
    public static IReadOnlyList<ReportTableView> For(AnnualReport report, IReadOnlyDictionary<string, CellMark>? marks = null,
        Func<string, string?>? link = null, Func<string, string?>? note = null)
    {
        var tables = OfficialLayout.Tables(report);
        var empty = new Dictionary<string, CellMark>();
        return report.Template == ReportTemplate.Legacy
            ? [new ReportTableView("indicators", report.Template, tables[0], marks ?? empty, link ?? (_ => null), note ?? (_ => null))]
            : [.. tables.Select((t, i) => new ReportTableView(ReportSchema.TableId(ReportSchema.Tables[i]), report.Template, t, marks ?? empty, link ?? (_ => null), note ?? (_ => null)))];
    }
}
