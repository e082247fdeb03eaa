using System.Globalization;
using System.IO.Compression;

namespace Gongkai.Reports.Formats;

/// <summary>
/// Inspects a DOCX as a plain zip before OpenXml opens it, so that a damaged file or a zip bomb
/// dressed as a report fails at once with a Chinese message instead of exhausting memory.
/// </summary>
internal static class DocxArchive
{
    /// <summary>A report has a few dozen parts; images rarely add more than a few hundred.</summary>
    public const int MaxEntries = 2000;

    /// <summary>All parts inflated together; a report with photographs stays well below this.</summary>
    public const long MaxInflatedBytes = 100L * 1024 * 1024;

    private const string MainPart = "word/document.xml";

    /// <summary>Other zip-based formats people mistake for DOCX, told apart by a part only they have.</summary>
    private static readonly (string Part, string Name)[] OtherFormats =
    [
        ("xl/workbook.xml", "Excel（.xlsx）表格"),
        ("ppt/presentation.xml", "PowerPoint（.pptx）演示文稿"),
        ("content.xml", "OpenDocument（.odt/.ods）文档"),
    ];

    public static void Check(byte[] bytes)
    {
        if (HasMoreEntriesThan(bytes, MaxEntries))
            throw new ReportReadException(string.Create(CultureInfo.InvariantCulture,
                $"DOCX 文件包含超过 {MaxEntries} 个部件，超出上限，可能是恶意构造的文件，已拒绝读取"));
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry(MainPart) is null)
                throw new ReportReadException(NotDocxMessage(zip));
            CheckInflatedSize(zip);
        }
        catch (InvalidDataException e)
        {
            throw new ReportReadException("DOCX 文件已损坏，无法作为压缩包打开（可能下载不完整），请重新获取原文件", e);
        }
    }

    /// <summary>
    /// Counts central directory headers (PK\x01\x02) in the raw bytes. Every entry a zip reader
    /// accepts starts with one, so the count bounds the entries from above, and it is known before
    /// ZipArchive builds an object per entry (a 30 MB file can hold hundreds of thousands).
    /// </summary>
    private static bool HasMoreEntriesThan(ReadOnlySpan<byte> bytes, int limit)
    {
        var count = 0;
        for (var at = bytes.IndexOf("PK\x01\x02"u8); at >= 0; at = bytes.IndexOf("PK\x01\x02"u8))
        {
            if (++count > limit)
                return true;
            bytes = bytes[(at + 4)..];
        }
        return false;
    }

    /// <summary>
    /// Inflates every entry and counts the bytes actually produced: the sizes a zip declares are
    /// written by whoever made it and prove nothing.
    /// </summary>
    private static void CheckInflatedSize(ZipArchive zip)
    {
        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                total += read;
                if (total > MaxInflatedBytes)
                    throw new ReportReadException(string.Create(CultureInfo.InvariantCulture,
                        $"DOCX 文件解压后超过 {MaxInflatedBytes / 1048576} MB（“{entry.FullName}”异常膨胀），可能是恶意构造的压缩炸弹，已拒绝读取"));
            }
        }
    }

    private static string NotDocxMessage(ZipArchive zip)
    {
        foreach (var (part, name) in OtherFormats)
        {
            if (zip.GetEntry(part) is not null)
                return $"不是 DOCX 文件：这是{name}，请将报告另存为 Word（.docx）后再读取";
        }
        return "不是 DOCX 文件：压缩包中没有 Word 正文（word/document.xml）";
    }
}
