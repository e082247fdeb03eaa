namespace Gongkai.Reports.Formats.Pdf;

/// <summary>A rectangle in PDF points, y growing downwards (as pdftotext and pdftocairo report it).</summary>
internal readonly record struct Box(double X0, double Y0, double X1, double Y1)
{
    public double Width => X1 - X0;

    public double Height => Y1 - Y0;

    public double CenterX => (X0 + X1) / 2;

    public double CenterY => (Y0 + Y1) / 2;

    public Box Union(Box other) =>
        new(Math.Min(X0, other.X0), Math.Min(Y0, other.Y0), Math.Max(X1, other.X1), Math.Max(Y1, other.Y1));
}

/// <summary>A word as poppler found it: a run of characters without a gap.</summary>
internal sealed record PdfWord(string Text, Box Box)
{
    /// <summary>
    /// The font size, from the width of the characters: poppler's word height comes from the
    /// font's bounding box, which for CJK fonts can be twice the size, so it is not used.
    /// </summary>
    public double Size => Text.Length == 0 ? Box.Height : Math.Min(Box.Height, Box.Width / EmWidth(Text));

    private static double EmWidth(string text)
    {
        var em = 0.0;
        foreach (var c in text)
            em += c < 0x2E80 ? 0.55 : 1.0;
        return Math.Max(em, 0.5);
    }
}

/// <summary>A line as poppler found it: words on one baseline, in reading order.</summary>
internal sealed record PdfLine(int Id, Box Box, List<PdfWord> Words);

/// <summary>A page: its size and its text lines in poppler's reading order.</summary>
internal sealed record PdfPage(int Number, double Width, double Height, List<PdfLine> Lines)
{
    public IEnumerable<PdfWord> Words => Lines.SelectMany(l => l.Words);
}
