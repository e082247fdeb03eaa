using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Gongkai.Reports.Formats;
using Gongkai.Reports.Writing;

namespace Gongkai.Reports.Tests;

/// <summary>Files that are not what they claim: each fails at once with a Chinese message, never hangs or exhausts memory.</summary>
public class DocxHostileInputTests
{
    [Fact]
    public void Read_ZipBombPosingAsDocx_RefusedQuicklyWithoutInflatingIt()
    {
        var bomb = Zip(("[Content_Types].xml", Utf8("<Types/>")), ("word/document.xml", Repeated(' ', 300L * 1024 * 1024)));
        bomb.Length.ShouldBeLessThan(1024 * 1024);

        var clock = Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var e = Should.Throw<ReportReadException>(() => ReportFile.Read(bomb));

        e.Message.ShouldContain("压缩炸弹");
        e.Message.ShouldContain("word/document.xml");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        (GC.GetAllocatedBytesForCurrentThread() - allocated).ShouldBeLessThan(32L * 1024 * 1024);
    }

    [Fact]
    public void Read_TensOfThousandsOfParts_RefusedBeforeTheyAreListed()
    {
        var parts = Enumerable.Range(0, 50_000).Select(i => ($"word/media/p{i}.xml", Utf8("")))
            .Append(("word/document.xml", Utf8("<w:document/>"))).ToArray();
        var zip = Zip(parts);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var e = Should.Throw<ReportReadException>(() => ReportFile.Read(zip));

        e.Message.ShouldContain($"超过 {DocxArchive.MaxEntries} 个部件");
        (GC.GetAllocatedBytesForCurrentThread() - allocated).ShouldBeLessThan(1024 * 1024);
    }

    [Fact]
    public void Read_TablesNestedAHundredThousandDeep_RefusedBeforeTheParserOverflowsItsStack()
    {
        const string w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        const int depth = 100_000;
        var xml = new StringBuilder($"<w:document xmlns:w=\"{w}\"><w:body>")
            .Append(string.Concat(Enumerable.Repeat("<w:tbl><w:tr><w:tc>", depth)))
            .Append("<w:p/>")
            .Append(string.Concat(Enumerable.Repeat("</w:tc></w:tr></w:tbl><w:p/>", depth)))
            .Append("</w:body></w:document>");
        var docx = Replace(DocxReport.Write(ReportFile.Read(TestFiles.Seed("003")).Report), "word/document.xml", xml.ToString());

        // Without the check this does not throw: the test process dies of a stack overflow.
        var e = Should.Throw<ReportReadException>(() => ReportFile.Read(docx));

        e.Message.ShouldContain($"嵌套超过 {DocxArchive.MaxXmlDepth} 层");
    }

    [Fact]
    public void Read_TruncatedDocx_SaysTheFileIsDamaged()
    {
        var docx = DocxReport.Write(ReportFile.Read(TestFiles.Seed("003")).Report);

        var e = Should.Throw<ReportReadException>(() => ReportFile.Read(docx[..(docx.Length / 2)]));

        e.Message.ShouldContain("已损坏");
    }

    [Fact]
    public void Read_DocxWithBrokenXml_SaysTheFileIsDamaged()
    {
        var docx = Replace(DocxReport.Write(ReportFile.Read(TestFiles.Seed("003")).Report), "word/document.xml", "<w:document xmlns:w=\"x\"><w:body><w:p>");

        var e = Should.Throw<ReportReadException>(() => ReportFile.Read(docx));

        e.Message.ShouldContain("已损坏");
    }

    [Fact]
    public void Read_HugeDocumentPartUnderTheZipLimit_RefusedByThePartLimit()
    {
        const string w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        var xml = $"<w:document xmlns:w=\"{w}\"><w:body><w:p><w:r><w:t>{new string('a', 21_000_000)}</w:t></w:r></w:p></w:body></w:document>";
        var docx = Replace(DocxReport.Write(ReportFile.Read(TestFiles.Seed("003")).Report), "word/document.xml", xml);

        var e = Should.Throw<ReportReadException>(() => ReportFile.Read(docx));

        e.Message.ShouldContain("内容过大");
        e.InnerException!.Message.ShouldContain("MaxCharactersInDocument");
    }

    [Fact]
    public void Read_ZipWithoutDocumentXml_NotADocx()
    {
        var e = Should.Throw<ReportReadException>(() => ReportFile.Read(Zip(("readme.txt", Utf8("年度报告")))));

        e.Message.ShouldStartWith("不是 DOCX 文件");
    }

    [Fact]
    public void Read_SpreadsheetZip_NamesWhatItIs()
    {
        var e = Should.Throw<ReportReadException>(() => ReportFile.Read(Zip(("xl/workbook.xml", Utf8("<workbook/>")))));

        e.Message.ShouldContain("Excel");
    }

    [Fact]
    public void Read_EmptyDocx_SaysThereIsNoText()
    {
        var e = Should.Throw<ReportReadException>(() => ReportFile.Read(new WordFixture().Build()));

        e.Message.ShouldContain("没有可读取的文字");
    }

    [Fact]
    public void Read_DocxThatIsNotAReport_SaysNoReportWasFound()
    {
        var docx = new WordFixture().Add(WordFixture.P("关于召开年度工作会议的通知"), WordFixture.P("请各科室负责人准时参加。")).Build();

        var e = Should.Throw<ReportReadException>(() => ReportFile.Read(docx));

        e.Message.ShouldContain("没有找到政府信息公开工作年度报告");
    }

    private static byte[] Zip(params (string Name, Action<Stream> Write)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, write) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                write(entry);
            }
        }
        return stream.ToArray();
    }

    private static byte[] Replace(byte[] docx, string name, string content)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(name)!.Delete();
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(Encoding.UTF8.GetBytes(content));
        }
        return stream.ToArray();
    }

    private static Action<Stream> Utf8(string text) => s => s.Write(Encoding.UTF8.GetBytes(text));

    private static Action<Stream> Repeated(char c, long length) => s =>
    {
        var block = Encoding.ASCII.GetBytes(new string(c, 1024 * 1024));
        for (long written = 0; written < length; written += block.Length)
            s.Write(block);
    };
}
