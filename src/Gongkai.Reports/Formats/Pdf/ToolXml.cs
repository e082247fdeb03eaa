using System.Text;
using System.Xml;

namespace Gongkai.Reports.Formats.Pdf;

/// <summary>
/// The XML poppler writes (pdftotext's bbox XHTML, pdftocairo's SVG), made readable whatever the
/// PDF held: bytes that are not UTF-8 become U+FFFD, and so do characters XML forbids (a broken
/// text layer maps glyphs to control characters such as U+0011, which poppler copies as they are).
/// Output cut short (a killed tool, a damaged file) is read as far as it goes.
/// </summary>
internal static class ToolXml
{
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static XmlReader Open(byte[] output)
    {
        var text = Clean(Lenient.GetString(output));
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreWhitespace = true,
        };
        return XmlReader.Create(new StringReader(text), settings);
    }

    /// <summary>
    /// Reads elements with <paramref name="read"/> until the end or the first point where the XML
    /// breaks off; returns false when it broke off.
    /// </summary>
    public static bool TryRead(XmlReader reader, Action read)
    {
        try
        {
            read();
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>The text with every character XML 1.0 forbids replaced by U+FFFD.</summary>
    internal static string Clean(string text)
    {
        var first = IndexOfInvalid(text, 0);
        if (first < 0)
            return text;
        var chars = text.ToCharArray();
        for (var i = first; i >= 0; i = IndexOfInvalid(text, i + 1))
            chars[i] = '\uFFFD';
        return new string(chars);
    }

    private static int IndexOfInvalid(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20 && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF')
                return i;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                return i;
        }
        return -1;
    }
}
