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
    private static readonly byte[] Signature = Write([AuditTables.UnitYearHeader]);

    /// <summary>Whether a file is an earlier export: it may sit among the reports it was made from.</summary>
    public static bool IsExport(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && FileSignature.Matches(path, Signature);

    public static byte[] Write(SupervisionAudit audit)
    {
        var table = AuditTables.UnitYears(audit);
        return Write([table.Header, .. table.Rows.Select(row => row.Select(AuditTable.Text).ToList())]);
    }

    private static byte[] Write(IEnumerable<IReadOnlyList<string>> records)
    {
        using var output = new MemoryStream();
        using (var csv = Csv.Writer(output, leaveOpen: true))
        {
            foreach (var record in records)
                csv.WriteRecord([.. record]);
        }
        return output.ToArray();
    }
}
