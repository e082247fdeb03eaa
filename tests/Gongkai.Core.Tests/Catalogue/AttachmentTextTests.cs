using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Catalogue.Demo;
using Gongkai.Core.Security;
using Gongkai.Domain.Catalogue;
using Gongkai.Reports.Writing;

namespace Gongkai.Core.Tests.Catalogue;

/// <summary>The text the 错敏词 check and search read from each kind of attachment.</summary>
public sealed class AttachmentTextTests
{
    [Fact]
    public void Extract_Docx_ParagraphsAndTableCells()
    {
        var text = AttachmentText.Extract(DemoAttachments.Docx("申请表", [["姓名", "截止目前"]]), FileKind.Docx);

        text.ShouldBe(new ExtractedText("申请表\n姓名 截止目前", null));
    }

    [Fact]
    public void Extract_Pdf_TextLayerThroughPoppler()
    {
        var pdf = ChromiumPdf.Render("<html lang=\"zh-CN\"><body><p>关于住房公积金的说明，截止目前已受理申请。</p></body></html>");

        var text = AttachmentText.Extract(pdf, FileKind.Pdf);

        text.Note.ShouldBeNull();
        text.Text.ShouldNotBeNull().ShouldContain("截止目前已受理申请");
    }

    [Fact]
    public void Extract_Xlsx_SharedAndInlineStrings()
    {
        using var stream = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = workbook.AddWorkbookPart();
            book.Workbook = new Workbook(new Sheets(new Sheet { Id = "rId1", SheetId = 1, Name = "预算" }));
            var strings = book.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(new SharedStringItem(new Text("公务接待费")));
            var sheet = book.AddNewPart<WorksheetPart>("rId1");
            sheet.Worksheet = new Worksheet(new SheetData(new Row(
                new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") },
                new Cell { CellReference = "B1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("既使如此")) })));
        }

        var text = AttachmentText.Extract(stream.ToArray(), FileKind.Xlsx);

        text.Text.ShouldNotBeNull().ShouldContain("公务接待费");
        text.Text.ShouldContain("既使如此");
    }

    [Fact]
    public void Extract_Ofd_TextCodesPageByPage()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
            Add("OFD.xml", "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>");
            Add("Doc_0/Pages/Page_1/Content.xml", Page("第二页"));
            Add("Doc_0/Pages/Page_0/Content.xml", Page("第一页"));
        }

        AttachmentText.Extract(stream.ToArray(), FileKind.Ofd).Text.ShouldNotBeNull().Trim().ShouldBe("第一页文字\n第一页续\n\n第二页文字\n第二页续");

        static string Page(string name) =>
            $"<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content><ofd:Layer>" +
            $"<ofd:TextObject ID=\"1\"><ofd:TextCode X=\"0\" Y=\"0\">{name}文字</ofd:TextCode></ofd:TextObject>" +
            $"<ofd:TextObject ID=\"2\"><ofd:TextCode X=\"0\" Y=\"0\">{name}续</ofd:TextCode></ofd:TextObject>" +
            "</ofd:Layer></ofd:Content></ofd:Page>";
    }

    [Fact]
    public void Extract_Image_NoTextAndSaysSo() =>
        AttachmentText.Extract([0x89, 0x50, 0x4E, 0x47], FileKind.Png).Note.ShouldNotBeNull().ShouldContain("人工核对");

    [Fact]
    public void Extract_DamagedDocx_NoTextAndSaysSo() =>
        AttachmentText.Extract(Encoding.ASCII.GetBytes("PK\x03\x04 broken"), FileKind.Docx).Note.ShouldNotBeNull();

    [Fact]
    public void WordCheckReport_AttachmentText_MatchedAndUnreadableOnesNamed()
    {
        var checker = new WordChecker([new WordEntry("截止目前", WordKind.Wrong, "截至目前", WordAction.Warn)]);
        var document = new Document { Title = "标题", Publisher = "机关", BodyText = "正文无误。" };
        document.Attachments.Add(new DocumentAttachment { SortOrder = 1, File = File("表.docx"), Text = "截止目前共3件" });
        document.Attachments.Add(new DocumentAttachment { SortOrder = 2, File = File("扫描件.pdf"), TextNote = "PDF 没有文字层" });

        var report = WordCheckReport.For(document, checker);

        report.WarnCount.ShouldBe(1);
        report.Sources.Select(s => (s.Label, s.Matches.Count, s.Note)).ShouldBe([
            ("标题", 0, null), ("正文", 0, null), ("附件“表.docx”", 1, null), ("附件“扫描件.pdf”", 0, "PDF 没有文字层")]);

        static Core.Files.StoredFile File(string name) => new() { FileName = name, ContentType = "x", Sha256 = "" };
    }
}
