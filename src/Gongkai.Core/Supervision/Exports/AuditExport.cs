using Gongkai.Core.Supervision.Auditing;

namespace Gongkai.Core.Supervision.Exports;

/// <summary>The files an audit can be exported as.</summary>
public enum AuditExportFormat
{
    Xlsx,
    Csv,
    Docx,
}

/// <summary>Writes an audit in any export format: the workspace's download and the command line share it.</summary>
public static class AuditExport
{
    public static byte[] Write(SupervisionAudit audit, AuditExportFormat format, DateOnly writtenOn) => format switch
    {
        AuditExportFormat.Xlsx => XlsxWorkbook.Write([AuditTables.Status(audit), AuditTables.Findings(audit), AuditTables.Ranking(audit), AuditTables.Rejections(audit)]),
        AuditExportFormat.Csv => AuditCsvExport.Write(audit),
        AuditExportFormat.Docx => AuditMemo.Write(audit, writtenOn),
    };

    public static string Id(this AuditExportFormat format) => format switch
    {
        AuditExportFormat.Xlsx => "xlsx",
        AuditExportFormat.Csv => "csv",
        AuditExportFormat.Docx => "docx",
    };

    public static AuditExportFormat? FromId(string? id) => id?.ToLowerInvariant() switch
    {
        "xlsx" => AuditExportFormat.Xlsx,
        "csv" => AuditExportFormat.Csv,
        "docx" => AuditExportFormat.Docx,
        _ => null,
    };

    public static string ContentType(this AuditExportFormat format) => format switch
    {
        AuditExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        AuditExportFormat.Csv => "text/csv; charset=utf-8",
        AuditExportFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };
}
