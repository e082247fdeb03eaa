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
