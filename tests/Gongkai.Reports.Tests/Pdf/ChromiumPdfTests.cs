using Gongkai.Reports.Formats;
using Gongkai.Reports.Writing;

namespace Gongkai.Reports.Tests.Pdf;

public class ChromiumPdfTests
{
    [Fact]
    public void Render_HtmlWithoutCharset_KeepsChineseText()
    {
        var pdf = ChromiumPdf.Render("<p>政府信息公开申请答复书</p>");

        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        PdfSource.Read(pdf).Lines.ShouldContain(l => l.Cells[0] == "政府信息公开申请答复书");
    }
}
