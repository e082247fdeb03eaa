using System.Text;
using Gongkai.Reports;
using Gongkai.Reports.Formats;
using Gongkai.Reports.Writing;

namespace Gongkai.Cli.Report;

/// <summary>A format <c>report parse</c> and <c>report render</c> write: text to print, or bytes only fit for a file.</summary>
internal sealed record OutputFormat(string Id, Func<ReadReport, string>? WriteText, Func<ReadReport, byte[]>? WriteBinary)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static readonly IReadOnlyList<OutputFormat> All =
    [
        Text("html", r => HtmlReport.Write(r.Report, r.Findings)),
        new("docx", null, r => DocxReport.Write(r.Report)),
        Text("json", r => JsonReport.Write(r.Report, r.Findings)),
        Text("csv", r => CsvReport.Write(r.Report, r.Findings)),
        Text("text", r => TextReport.Write(r.Report)),
    ];

    public static IEnumerable<string> Ids => All.Select(f => f.Id);

    public bool IsBinary => WriteBinary is not null;

    /// <summary>The file content. Text is UTF-8 without an added BOM: the CSV writer puts its own.</summary>
    public byte[] Bytes(ReadReport read) => WriteBinary?.Invoke(read) ?? Utf8.GetBytes(WriteText!(read));

    public static OutputFormat? Find(string? id) => All.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.Ordinal));

    /// <summary>The format an output file's extension names (.htm, .txt and the like included).</summary>
    public static OutputFormat? ForFile(string path) =>
        ReportFile.FormatFromId(Path.GetExtension(path).TrimStart('.')) is { } format ? Find(ReportFile.FormatId(format)) : null;

    private static OutputFormat Text(string id, Func<ReadReport, string> write) => new(id, write, null);
}
