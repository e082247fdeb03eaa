namespace Gongkai.Core.Security;

/// <summary>
/// The file types Gongkai accepts, recognised from their bytes: by <see cref="UploadInspector"/>, or —
/// for the text kinds, which only published annual reports may be — by the report engine.
/// </summary>
public enum FileKind
{
    Pdf,
    Ofd,
    Docx,
    Xlsx,
    Png,
    Jpeg,
    Text,
    Html,
    Json,
    Csv,
}

public static class FileKinds
{
    public static string ContentType(this FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Ofd => "application/ofd",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Png => "image/png",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Text => "text/plain",
        FileKind.Html => "text/html",
        FileKind.Json => "application/json",
        FileKind.Csv => "text/csv",
    };

    public static string Extension(this FileKind kind) => kind switch
    {
        FileKind.Pdf => ".pdf",
        FileKind.Ofd => ".ofd",
        FileKind.Docx => ".docx",
        FileKind.Xlsx => ".xlsx",
        FileKind.Png => ".png",
        FileKind.Jpeg => ".jpg",
        FileKind.Text => ".txt",
        FileKind.Html => ".html",
        FileKind.Json => ".json",
        FileKind.Csv => ".csv",
    };

    public static string Label(this FileKind kind) => kind switch
    {
        FileKind.Pdf => "PDF",
        FileKind.Ofd => "OFD 版式文件",
        FileKind.Docx => "Word 文档",
        FileKind.Xlsx => "Excel 表格",
        FileKind.Png => "PNG 图片",
        FileKind.Jpeg => "JPEG 图片",
        FileKind.Text => "纯文本",
        FileKind.Html => "网页（HTML）",
        FileKind.Json => "JSON 数据",
        FileKind.Csv => "CSV 表格",
    };
}
