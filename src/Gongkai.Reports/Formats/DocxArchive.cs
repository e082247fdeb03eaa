using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Gongkai.Reports.Formats;

/// <summary>
/// Inspects a DOCX as a plain zip before OpenXml opens it, so that a damaged file, a zip bomb
/// or a part nested deep enough to overflow the parser's stack fails at once with a Chinese
/// message instead of exhausting memory or ending the process.
/// </summary>
internal static class DocxArchive
{
    /// <summary>A report has a few dozen parts; images rarely add more than a few hundred.</summary>
    public const int MaxEntries = 2000;

    /// <summary>All parts inflated together; a report with photographs stays well below this.</summary>
    public const long MaxInflatedBytes = 100L * 1024 * 1024;

    /// <summary>The body of a long report is a few million characters; OpenXml refuses larger parts too.</summary>
    public const long MaxCharactersInPart = 20_000_000;

    /// <summary>
    /// Element nesting any real part stays far below: a paragraph in a table nested in a table
    /// is about a dozen levels deep.
    /// </summary>
    public const int MaxXmlDepth = 256;

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
            CheckEntries(zip);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
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
    /// Inflates every entry through a stream that counts the bytes actually produced (the sizes a
    /// zip declares are written by whoever made it and prove nothing), and measures how deeply
    /// each XML part nests its elements on the way.
    /// </summary>
    private static void CheckEntries(ZipArchive zip)
    {
        var budget = new InflationBudget(MaxInflatedBytes);
        foreach (var entry in zip.Entries)
        {
            using var stream = new BudgetedStream(entry.Open(), budget, entry.FullName);
            if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                CheckDepth(stream, entry.FullName);
            stream.CopyTo(Stream.Null);
        }
    }

    /// <summary>
    /// OpenXml loads a part recursively, one call per level: a few hundred thousand nested
    /// elements overflow the stack, and that ends the process rather than throwing. Whether the
    /// XML is well formed is left to OpenXml, which reports it for the parts it reads.
    /// </summary>
    private static void CheckDepth(Stream stream, string name)
    {
        // No stricter than the reader OpenXml uses, so this never stops short of where OpenXml
        // would go on; stopping at OpenXml's character limit too, as nothing beyond it is parsed.
        // Whitespace is skipped rather than collected (a bomb of spaces would be a 200 MB string).
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            CheckCharacters = false,
            IgnoreWhitespace = true,
            MaxCharactersInDocument = MaxCharactersInPart,
            CloseInput = false,
        };
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            while (reader.Read())
            {
                if (reader.Depth > MaxXmlDepth)
                    throw new ReportReadException(string.Create(CultureInfo.InvariantCulture,
                        $"DOCX 文件的“{name}”嵌套超过 {MaxXmlDepth} 层，可能是恶意构造的文件，已拒绝读取"));
            }
        }
        catch (XmlException)
        {
        }
    }

    /// <summary>The inflated bytes all entries together may still produce.</summary>
    private sealed class InflationBudget(long limit)
    {
        private long _used;

        public void Spend(int bytes, string entry)
        {
            _used += bytes;
            if (_used > limit)
                throw new ReportReadException(string.Create(CultureInfo.InvariantCulture,
                    $"DOCX 文件解压后超过 {limit / 1048576} MB（“{entry}”异常膨胀），可能是恶意构造的压缩炸弹，已拒绝读取"));
        }
    }

    /// <summary>An entry's inflated content, read-only, charged to the archive's budget as it is read.</summary>
    private sealed class BudgetedStream(Stream inner, InflationBudget budget, string entry) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            budget.Spend(read, entry);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
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
