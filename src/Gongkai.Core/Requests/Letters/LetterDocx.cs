using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Core.Requests.Letters;

/// <summary>
/// A letter as a Word document in the official layout (GB/T 9704—2012): A4 with 37/35/28/26 mm
/// margins, title in 方正小标宋简体 二号, text in 仿宋_GB2312 三号 on a 28.95 pt line with two-character
/// first-line indents, the agency and date right-aligned four characters in, page numbers below.
/// Offices open it in Word or WPS to print and seal.
/// </summary>
public static class LetterDocx
{
    private const string TitleFont = "方正小标宋简体";
    private const string BodyFont = "仿宋_GB2312";
    private const string NumberFont = "宋体";
    private const int BodySize = 32;   // half-points: 三号 16 pt
    private const int TitleSize = 44;  // 二号 22 pt
    private const int Line = 579;      // twips: 28.95 pt
    private const int CharWidth = 320; // twips: one 三号 character
    private const double TwipsPerMm = 1440 / 25.4;

    public static byte[] Write(LetterDocument letter)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(letter.Title, TitleFont, TitleSize, JustificationValues.Center, after: Line));
            body.Append(Paragraph(letter.Number, BodyFont, BodySize, JustificationValues.Center, after: Line));
            body.Append(Paragraph(letter.Addressee + "：", BodyFont, BodySize, JustificationValues.Both));
            for (var i = 0; i < letter.Paragraphs.Count; i++)
            {
                var paragraph = Paragraph(letter.Paragraphs[i], BodyFont, BodySize, JustificationValues.Both, firstLine: 2 * CharWidth);
                // The last paragraph goes with the signature: a page holding only the 落款 is not allowed (GB/T 9704).
                if (i == letter.Paragraphs.Count - 1)
                    KeepWithNext(paragraph);
                body.Append(paragraph);
            }
            body.Append(KeepWithNext(Paragraph(letter.Signatory, BodyFont, BodySize, JustificationValues.Right, right: 4 * CharWidth, before: 2 * Line)));
            body.Append(Paragraph(LetterFields.Date(letter.Date), BodyFont, BodySize, JustificationValues.Right, right: 4 * CharWidth));
            body.Append(PageSetup(main));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, string font, int size, JustificationValues justification,
        int firstLine = 0, int right = 0, int before = 0, int after = 0)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines
            {
                Line = Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                LineRule = LineSpacingRuleValues.Exact,
                Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture),
                After = after.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            new Indentation
            {
                FirstLine = firstLine.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Right = right.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            new Justification { Val = justification });
        return new Paragraph(properties, Run(text, font, size));
    }

    private static Paragraph KeepWithNext(Paragraph paragraph)
    {
        // Schema order puts keepNext and keepLines before spacing, indentation and justification.
        paragraph.ParagraphProperties!.PrependChild(new KeepLines());
        paragraph.ParagraphProperties.PrependChild(new KeepNext());
        return paragraph;
    }

    private static Run Run(string text, string font, int size) => new(
        new RunProperties(
            new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font },
            new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new FontSizeComplexScript { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve });

    private static SectionProperties PageSetup(MainDocumentPart main)
    {
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            Run("— ", NumberFont, 28),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            Run("1", NumberFont, 28),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            Run(" —", NumberFont, 28)));
        return new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = (UInt32Value)(uint)Mm(210), Height = (UInt32Value)(uint)Mm(297) },
            new PageMargin
            {
                Top = Mm(37), Bottom = Mm(35), Left = (UInt32Value)(uint)Mm(28), Right = (UInt32Value)(uint)Mm(26),
                Header = (UInt32Value)(uint)Mm(15), Footer = (UInt32Value)(uint)Mm(23), Gutter = 0U,
            });
    }

    private static int Mm(double mm) => (int)Math.Round(mm * TwipsPerMm);

    /// <summary>Text without the characters XML cannot carry (what an applicant pasted may hold control characters).</summary>
    private static string XmlSafe(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
                sb.Append(text[i]).Append(text[++i]);
            else if (XmlConvert.IsXmlChar(text[i]))
                sb.Append(text[i]);
        }
        return sb.ToString();
    }
}
