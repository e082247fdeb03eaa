using System.Text;
using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Gongkai.Core.Supervision.Auditing;

namespace Gongkai.Core.Supervision.Exports;

/// <summary>
/// The audit as one CSV table, a row per unit and year (<see cref="AuditTables.UnitYears"/>):
/// UTF-8 with BOM so Excel and WPS read Chinese, RFC 4180 quoting, and text that a spreadsheet
/// would run as a formula defused as in the audit log export.
/// </summary>
public static class AuditCsvExport
{
    /// <summary>The first bytes of every export: the byte-order mark and the quoted header.</summary>
    private static readonly byte[] Signature = Encoding.UTF8.GetBytes(Header(AuditTables.UnitYearHeader));

    /// <summary>Whether a file is an earlier export: it may sit among the reports it was made from.</summary>
    public static bool IsExport(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && FileSignature.Matches(path, Signature);

    public static byte[] Write(SupervisionAudit audit)
    {
        var table = AuditTables.UnitYears(audit);
        var sb = new StringBuilder(Header(table.Header));
        foreach (var row in table.Rows)
            Line(sb, row.Select(AuditTable.Text));
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string Header(IReadOnlyList<string> header)
    {
        var sb = new StringBuilder("\uFEFF");
        Line(sb, header);
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, IEnumerable<string> cells) =>
        sb.AppendJoin(',', cells.Select(Csv.Cell)).Append("\r\n");
}
