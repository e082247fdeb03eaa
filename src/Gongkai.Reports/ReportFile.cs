using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Reports.Formats;
using Gongkai.Reports.Reading;

namespace Gongkai.Reports;

/// <summary>The file formats the engine reads and writes.</summary>
public enum ReportFormat
{
    Text,
    Html,
    Docx,
    Pdf,
    Json,
    Csv,
    Markdown,
}

/// <summary>A report as read from a file, with every finding of its checks.</summary>
public sealed record ReadReport(AnnualReport Report, IReadOnlyList<Finding> Findings, ReportFormat Format);

/// <summary>
/// Reads any report file: sniffs the format from the content (not the extension), enforces size
/// limits, and turns every failure into a <see cref="ReportReadException"/> with a Chinese message.
/// </summary>
public static class ReportFile
{
    /// <summary>Larger files are refused: published reports, even as PDF, are far smaller.</summary>
    public const long MaxBytes = 30L * 1024 * 1024;

    public static ReadReport Read(string path)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (Directory.Exists(path))
                throw new ReportReadException($"这是文件夹，不是文件：{path}");
            if (!info.Exists)
                throw new ReportReadException($"文件不存在：{path}");
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ReportReadException($"无法打开文件：{path}（{e.Message}）", e);
        }
        CheckSize(info.Length);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportReadException($"无法读取文件：{path}（{e.Message}）", e);
        }
        return Read(bytes);
    }

    public static ReadReport Read(byte[] bytes)
    {
        CheckSize(bytes.LongLength);
        if (bytes.Length == 0)
            throw new ReportReadException("文件为空");
        var format = Sniff(bytes, out var text);
        var report = format switch
        {
            ReportFormat.Json => JsonReport.Read(text!),
            ReportFormat.Csv => CsvReport.Read(text!),
            ReportFormat.Text => Parse(TextSource.Read(text!)),
            ReportFormat.Html => Parse(HtmlSource.Read(text!)),
            ReportFormat.Docx => Parse(DocxSource.Read(bytes)),
            ReportFormat.Pdf => Parse(PdfSource.Read(bytes)),
            ReportFormat.Markdown => Parse(MarkdownSource.Read(text!)),
        };
        report.Source.Format = FormatId(format);
        return new ReadReport(report, ReportChecks.Check(report), format);
    }

    /// <summary>Reads text already decoded (pasted into a form, say).</summary>
    public static ReadReport ReadText(string text) => Read(Encoding.UTF8.GetBytes(text));

    private static AnnualReport Parse(SourceDocument document)
    {
        var report = ReportParser.Parse(document);
        if (report.Title is null && report.Requests.IsEmpty && report.Proactive.IsEmpty
            && report.ReviewLitigation.IsEmpty && report.Indicators.Count == 0
            && report.Sections.Count(s => s.Number > 0) < 2)
            throw new ReportReadException("文件中没有找到政府信息公开工作年度报告的标题、章节或统计表");
        return report;
    }

    public static string FormatId(ReportFormat format) => format switch
    {
        ReportFormat.Text => "text",
        ReportFormat.Html => "html",
        ReportFormat.Docx => "docx",
        ReportFormat.Pdf => "pdf",
        ReportFormat.Json => "json",
        ReportFormat.Csv => "csv",
        ReportFormat.Markdown => "markdown",
    };

    public static ReportFormat? FormatFromId(string? id) => id?.ToLowerInvariant() switch
    {
        "text" or "txt" => ReportFormat.Text,
        "html" or "htm" => ReportFormat.Html,
        "docx" => ReportFormat.Docx,
        "pdf" => ReportFormat.Pdf,
        "json" => ReportFormat.Json,
        "csv" => ReportFormat.Csv,
        "markdown" or "md" => ReportFormat.Markdown,
        _ => null,
    };

    private static void CheckSize(long length)
    {
        if (length > MaxBytes)
            throw new ReportReadException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"文件过大（{length / 1048576.0:0.0} MB），超过 {MaxBytes / 1048576} MB 的上限；年度报告文件通常远小于此"));
    }

    /// <summary>Decides the format from the bytes; decodes text formats on the way.</summary>
    internal static ReportFormat Sniff(byte[] bytes, out string? text)
    {
        text = null;
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, 8));
        if (head.StartsWith("%PDF"u8))
            return ReportFormat.Pdf;
        if (head.StartsWith("PK\x03\x04"u8))
            return ReportFormat.Docx;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            throw new ReportReadException("这是旧版 Word（.doc）或 Excel（.xls）文件，请另存为 DOCX 后再读取");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) || head.StartsWith("Rar!"u8) || head.StartsWith("7z"u8))
            throw new ReportReadException("这是压缩文件，请先解压");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) || head.StartsWith("GIF8"u8))
            throw new ReportReadException("这是图片文件；图片中的文字无法直接读取，请提供文本、网页、DOCX 或 PDF 版本");
        text = TextSource.Decode(bytes);
        if (LooksBinary(text))
            throw new ReportReadException("文件内容不是可识别的文本、网页、DOCX 或 PDF（可能是二进制文件或已损坏）");
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith('{'))
            return ReportFormat.Json;
        if (start.StartsWith(CsvReport.Header, StringComparison.Ordinal))
            return ReportFormat.Csv;
        var probe = start.Length > 4096 ? start[..4096] : start;
        if (MarkdownSource.Looks(probe))
            return ReportFormat.Markdown;
        if (probe.StartsWith('<') || probe.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || probe.Contains("<table", StringComparison.OrdinalIgnoreCase) || probe.Contains("<body", StringComparison.OrdinalIgnoreCase))
            return ReportFormat.Html;
        return ReportFormat.Text;
    }

    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 65536));
        var bad = 0;
        foreach (var c in sample)
        {
            if (c == '\uFFFD' || char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f')
                bad++;
        }
        return bad > sample.Length / 20 + 2;
    }
}
