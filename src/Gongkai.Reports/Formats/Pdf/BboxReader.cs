using System.Globalization;
using System.Xml;

namespace Gongkai.Reports.Formats.Pdf;

/// <summary>
/// Reads the XHTML of <c>pdftotext -bbox-layout</c>: pages → flows → blocks → lines → words,
/// each with xMin/yMin/xMax/yMax. Blocks are not kept: how poppler groups lines into blocks
/// depends too much on the producer (see <see cref="Paragraphs"/>).
/// </summary>
internal static class BboxReader
{
    /// <summary>The pages as far as the XHTML goes (pdftotext's output made readable by <see cref="ToolXml"/>).</summary>
    public static List<PdfPage> Read(byte[] xhtml)
    {
        using var reader = ToolXml.Open(xhtml);
        var pages = new List<PdfPage>();
        ToolXml.TryRead(reader, () => Read(reader, pages));
        foreach (var p in pages)
            p.Lines.RemoveAll(l => l.Words.Count == 0);
        return pages;
    }

    private static void Read(XmlReader reader, List<PdfPage> pages)
    {
        PdfPage? page = null;
        PdfLine? line = null;
        var lines = 0;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }
            if (reader.LocalName == "word" && line is not null)
            {
                // Reading the content moves past the element: no further Read() for it.
                var box = BoxOf(reader);
                var text = reader.ReadElementContentAsString().Trim();
                if (text.Length > 0)
                    line.Words.Add(new PdfWord(text, box));
                continue;
            }
            switch (reader.LocalName)
            {
                case "page":
                    page = new PdfPage(pages.Count + 1, Number(reader, "width"), Number(reader, "height"), []);
                    pages.Add(page);
                    break;
                case "line" when page is not null:
                    line = new PdfLine(lines++, BoxOf(reader), []);
                    page.Lines.Add(line);
                    break;
            }
            reader.Read();
        }
    }

    private static Box BoxOf(XmlReader reader) =>
        new(Number(reader, "xMin"), Number(reader, "yMin"), Number(reader, "xMax"), Number(reader, "yMax"));

    private static double Number(XmlReader reader, string name) =>
        double.TryParse(reader.GetAttribute(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
