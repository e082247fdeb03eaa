using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Reports.Writing;

/// <summary>
/// The styles, fonts, settings and page setup of an official document (GB/T 9704—2012): A4,
/// body 仿宋_GB2312 三号 on a 28.95 pt line, title 方正小标宋简体 二号, headings 黑体, tables 宋体 五号,
/// page numbers 宋体 四号 between dashes. Named styles, so an office can restyle the report in
/// Word or WPS instead of fighting direct formatting.
/// </summary>
internal static class DocxStyles
{
    public const string Title = "Title";
    public const string Heading = "Heading1";
    public const string Signature = "Signature";
    public const string TableText = "TableText";
    public const string TableLabel = "TableLabel";
    private const string FooterStyle = "Footer";

    private const string BodyFont = "仿宋_GB2312";
    private const string TitleFont = "方正小标宋简体";
    private const string HeadingFont = "黑体";
    private const string TableFont = "宋体";

    /// <summary>Twentieths of a point per millimetre.</summary>
    private const double TwipsPerMm = 1440 / 25.4;

    /// <summary>The width of the text block: 210 mm less the 28 mm and 26 mm side margins.</summary>
    public static readonly int TextWidth = Mm(210 - 28 - 26);

    public static void AddParts(MainDocumentPart main)
    {
        main.AddNewPart<StyleDefinitionsPart>().Styles = StyleSheet();
        main.AddNewPart<FontTablePart>().Fonts = FontTable();
        // Even and odd pages carry their number on opposite sides (GB/T 9704 7.5).
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
            new EvenAndOddHeaders(),
            new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }));
    }

    /// <summary>A4 with the GB/T 9704 margins; adds the footers that carry the page numbers.</summary>
    public static SectionProperties PageSetup(MainDocumentPart main) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = AddFooter(main, JustificationValues.Right) },
        new FooterReference { Type = HeaderFooterValues.Even, Id = AddFooter(main, JustificationValues.Left) },
        new PageSize { Width = (UInt32Value)(uint)Mm(210), Height = (UInt32Value)(uint)Mm(297) },
        new PageMargin
        {
            Top = Mm(37),
            Bottom = Mm(35),
            Left = (UInt32Value)(uint)Mm(28),
            Right = (UInt32Value)(uint)Mm(26),
            Header = (UInt32Value)(uint)Mm(15),
            // The number sits 7 mm below the text block; its 四号 line is about 5 mm tall.
            Footer = (UInt32Value)(uint)Mm(35 - 7 - 5),
            Gutter = 0U,
        });

    private static int Mm(double mm) => (int)Math.Round(mm * TwipsPerMm);

    /// <summary>"— 1 —", a page field between em dashes, one character in from the outer edge.</summary>
    private static string AddFooter(MainDocumentPart main, JustificationValues side)
    {
        var indent = new Indentation();
        if (side == JustificationValues.Right)
            indent.RightChars = 100;
        else
            indent.LeftChars = 100;
        var paragraph = new Paragraph(
            new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = FooterStyle }, Indentation = indent, Justification = new Justification { Val = side } },
            new Run(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(new Text(" —") { Space = SpaceProcessingModeValues.Preserve }));
        var part = main.AddNewPart<FooterPart>();
        part.Footer = new Footer(paragraph);
        return main.GetIdOfPart(part);
    }

    private static Styles StyleSheet() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle
            {
                RunFonts = Fonts(BodyFont),
                FontSize = new FontSize { Val = "32" },
                FontSizeComplexScript = new FontSizeComplexScript { Val = "32" },
                Languages = new Languages { Val = "en-US", EastAsia = "zh-CN" },
            }),
            new ParagraphPropertiesDefault()),
        ParagraphStyle("Normal", "Normal", null, isDefault: true,
            new StyleParagraphProperties
            {
                SpacingBetweenLines = Exact(579),
                Indentation = new Indentation { FirstLineChars = 200, FirstLine = "640" },
                Justification = new Justification { Val = JustificationValues.Both },
            },
            new StyleRunProperties()),
        ParagraphStyle(Title, "Title", "Normal", isDefault: false,
            new StyleParagraphProperties
            {
                KeepNext = new KeepNext(),
                SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "579", Line = "700", LineRule = LineSpacingRuleValues.Exact },
                Indentation = new Indentation { FirstLineChars = 0, FirstLine = "0" },
                Justification = new Justification { Val = JustificationValues.Center },
                OutlineLevel = new OutlineLevel { Val = 0 },
            },
            new StyleRunProperties { RunFonts = Fonts(TitleFont), FontSize = new FontSize { Val = "44" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "44" } }),
        ParagraphStyle(Signature, "Signature", "Normal", isDefault: false,
            new StyleParagraphProperties
            {
                SpacingBetweenLines = new SpacingBetweenLines { Before = "579", Line = "579", LineRule = LineSpacingRuleValues.Exact },
                Indentation = new Indentation { FirstLineChars = 0, FirstLine = "0" },
                Justification = new Justification { Val = JustificationValues.Right },
            },
            new StyleRunProperties()),
        ParagraphStyle(Heading, "heading 1", "Normal", isDefault: false,
            new StyleParagraphProperties { KeepNext = new KeepNext(), OutlineLevel = new OutlineLevel { Val = 0 } },
            new StyleRunProperties { RunFonts = Fonts(HeadingFont) }),
        ParagraphStyle(TableText, "Table Text", null, isDefault: false,
            new StyleParagraphProperties
            {
                SpacingBetweenLines = new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto },
                Justification = new Justification { Val = JustificationValues.Center },
            },
            new StyleRunProperties { RunFonts = Fonts(TableFont), FontSize = new FontSize { Val = "21" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "21" } }),
        ParagraphStyle(TableLabel, "Table Label", TableText, isDefault: false,
            new StyleParagraphProperties { Justification = new Justification { Val = JustificationValues.Left } },
            new StyleRunProperties()),
        ParagraphStyle(FooterStyle, "footer", null, isDefault: false,
            new StyleParagraphProperties(),
            new StyleRunProperties { RunFonts = Fonts(TableFont), FontSize = new FontSize { Val = "28" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "28" } }));

    private static Style ParagraphStyle(string id, string name, string? basedOn, bool isDefault,
        StyleParagraphProperties paragraph, StyleRunProperties run)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
            style.Append(new BasedOn { Val = basedOn });
        style.Append(new PrimaryStyle(), paragraph, run);
        return style;
    }

    private static SpacingBetweenLines Exact(int twips) =>
        new() { Before = "0", After = "0", Line = twips.ToString(System.Globalization.CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact };

    private static RunFonts Fonts(string name) =>
        new() { Ascii = name, HighAnsi = name, EastAsia = name, ComplexScript = name, Hint = FontTypeHintValues.EastAsia };

    /// <summary>
    /// The fonts with the Windows font each falls back to (w:altName) where the official font is
    /// not installed, and the GB2312 character set so substitution picks a Chinese font.
    /// </summary>
    private static Fonts FontTable() => new(
        Font(BodyFont, "仿宋"),
        Font(TitleFont, "宋体"),
        Font(HeadingFont, "SimHei"),
        Font(TableFont, "SimSun"));

    private static Font Font(string name, string fallback) => new(
        new AltName { Val = fallback },
        new FontCharSet { Val = "86" },
        new FontFamily { Val = FontFamilyValues.Auto },
        new Pitch { Val = FontPitchValues.Variable })
    {
        Name = name,
    };
}
