using Gongkai.Reports.Formats;
using Gongkai.Reports.Formats.Pdf;

namespace Gongkai.Reports.Tests.Pdf;

/// <summary>A text layer made of unmapped glyphs is refused with its own message rather than read as nothing.</summary>
public class TextLayerTests
{
    [Theory]
    [InlineData("政府信息公开工作年度报告", false)]
    [InlineData("\uE001\uE002\uE003\uE004政府", true)]
    [InlineData("\uFFFD\uFFFD\uFFFD\u0001", true)]
    public void IsGarbled_ShareOfUnmappedCharacters_Decides(string text, bool garbled)
    {
        var page = new PdfPage(1, 595, 842, [new PdfLine(0, new Box(0, 0, 100, 10), [new PdfWord(text, new Box(0, 0, 100, 10))])]);

        PdfSource.IsGarbled([page]).ShouldBe(garbled);
    }
}

/// <summary>What poppler writes is read whatever the PDF held: forbidden characters, broken UTF-8, output cut short.</summary>
public class ToolOutputTests
{
    private const string Page = """<html><body><doc><page width="595" height="842"><flow><block><line xMin="1" yMin="2" xMax="3" yMax="4">""";

    [Fact]
    public void BboxReader_ControlCharactersInWords_ReadAsReplacementCharacters()
    {
        var xhtml = Bytes(Page + "<word xMin=\"1\" yMin=\"2\" xMax=\"3\" yMax=\"4\">予以\u0011公开</word></line></block></flow></page></doc></body></html>");

        var word = BboxReader.Read(xhtml).Single().Words.Single();

        word.Text.ShouldBe("予以\uFFFD公开");
    }

    [Fact]
    public void BboxReader_InvalidUtf8AndOutputCutShort_KeepsWhatWasRead()
    {
        byte[] xhtml = [.. Bytes(Page + "<word xMin=\"1\" yMin=\"2\" xMax=\"3\" yMax=\"4\">"), 0xFF, 0xC3, .. Bytes("63</word><word xMin=\"5\" yMin=\"2\" xMax=\"7\" yMax=\"4\">1")];

        var pages = BboxReader.Read(xhtml);

        pages.Single().Words.Select(w => w.Text).ShouldBe(["\uFFFD\uFFFD63"]);
    }

    [Fact]
    public void RuleReader_BrokenSvg_KeepsTheRulesBeforeTheBreak()
    {
        var svg = Bytes("""<svg xmlns="http://www.w3.org/2000/svg"><path d="M 10 10 L 200 10" style="stroke:#000;stroke-width:1"/>""" + "\u0001<path d=\"M 10");

        RuleReader.Read(svg).ShouldHaveSingleItem().Horizontal.ShouldBeTrue();
    }

    private static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
