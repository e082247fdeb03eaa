using System.Globalization;
using System.Xml;

namespace Gongkai.Reports.Formats.Pdf;

/// <summary>A ruling line of a table: horizontal at y = <see cref="Position"/> from x = From to To, or vertical.</summary>
internal sealed record Rule(bool Horizontal, double Position, double From, double To);

/// <summary>
/// Finds the ruling lines of a page in the SVG that <c>pdftocairo -svg</c> makes of it. Table
/// borders are drawn as thin filled rectangles (Chromium, WPS) or as stroked lines (Word);
/// glyphs live in &lt;defs&gt; and are skipped, so text never passes for a rule.
/// </summary>
internal static class RuleReader
{
    /// <summary>Thicker than this, a filled shape is a shaded area, not a line.</summary>
    private const double MaxThickness = 3.5;

    /// <summary>Shorter than this, a shape is a dot or a speck, not a line.</summary>
    private const double MinLength = 2;

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "defs", "symbol", "clipPath", "mask", "pattern", "marker", "text",
    };

    /// <summary>The rules of the SVG as far as it goes (pdftocairo's output made readable by <see cref="ToolXml"/>).</summary>
    public static List<Rule> Read(byte[] svg)
    {
        using var reader = ToolXml.Open(svg);
        var rules = new List<Rule>();
        ToolXml.TryRead(reader, () => Read(reader, rules));
        return rules;
    }

    private static void Read(XmlReader reader, List<Rule> rules)
    {
        var transforms = new Stack<Matrix>();
        transforms.Push(Matrix.Identity);
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && Skipped.Contains(reader.LocalName))
            {
                // Skip() moves to the node after the subtree: no further Read() for it.
                reader.Skip();
                continue;
            }
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "g")
                transforms.Pop();
            else if (reader.NodeType == XmlNodeType.Element)
                Element(reader, transforms, rules);
            reader.Read();
        }
    }

    private static void Element(XmlReader reader, Stack<Matrix> transforms, List<Rule> rules)
    {
        var matrix = transforms.Peek().Then(reader.GetAttribute("transform"));
        switch (reader.LocalName)
        {
            case "g" when !reader.IsEmptyElement:
                transforms.Push(matrix);
                break;
            case "path":
                AddShape(reader, matrix, PathData.Parse(reader.GetAttribute("d") ?? ""), rules);
                break;
            case "rect":
                var x = Attr(reader, "x");
                var y = Attr(reader, "y");
                var w = Attr(reader, "width");
                var h = Attr(reader, "height");
                List<Subpath> rect = [new([(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)], [])];
                AddShape(reader, matrix, rect, rules);
                break;
        }
    }

    private static void AddShape(XmlReader reader, Matrix matrix, List<Subpath> subpaths, List<Rule> rules)
    {
        var style = Style.Of(reader);
        if (style.Fill)
        {
            // Only a filled shape with straight, upright edges can be a rule: glyphs of a seal or
            // a logo drawn as paths have curves or slanted edges.
            foreach (var sub in subpaths.Where(s => !s.Curved && s.Points.Count >= 4))
            {
                var pts = sub.Points.Select(matrix.Apply).ToList();
                if (pts.Zip(pts.Skip(1)).All(e => Math.Abs(e.First.X - e.Second.X) < 0.1 || Math.Abs(e.First.Y - e.Second.Y) < 0.1))
                    AddBox(pts.Min(p => p.X), pts.Min(p => p.Y), pts.Max(p => p.X), pts.Max(p => p.Y), rules);
            }
        }
        if (style.Stroke)
        {
            var half = style.StrokeWidth * matrix.Scale / 2;
            foreach (var sub in subpaths)
            {
                for (var i = 1; i < sub.Points.Count; i++)
                {
                    if (sub.CurveEnds.Contains(i))
                        continue;
                    var a = matrix.Apply(sub.Points[i - 1]);
                    var b = matrix.Apply(sub.Points[i]);
                    if (Math.Abs(a.Y - b.Y) < 0.5 || Math.Abs(a.X - b.X) < 0.5)
                        AddBox(Math.Min(a.X, b.X) - half, Math.Min(a.Y, b.Y) - half, Math.Max(a.X, b.X) + half, Math.Max(a.Y, b.Y) + half, rules);
                }
            }
        }
    }

    private static void AddBox(double x0, double y0, double x1, double y1, List<Rule> rules)
    {
        double w = x1 - x0, h = y1 - y0;
        if (h <= MaxThickness && w >= MinLength && w > h)
            rules.Add(new Rule(Horizontal: true, (y0 + y1) / 2, x0, x1));
        else if (w <= MaxThickness && h >= MinLength && h > w)
            rules.Add(new Rule(Horizontal: false, (x0 + x1) / 2, y0, y1));
    }

    private static double Attr(XmlReader reader, string name) =>
        double.TryParse(reader.GetAttribute(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
