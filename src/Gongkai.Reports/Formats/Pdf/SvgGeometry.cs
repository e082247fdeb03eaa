using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace Gongkai.Reports.Formats.Pdf;

/// <summary>An SVG affine transform: (x, y) → (a·x + c·y + e, b·x + d·y + f).</summary>
internal readonly record struct Matrix(double A, double B, double C, double D, double E, double F)
{
    public static Matrix Identity { get; } = new(1, 0, 0, 1, 0, 0);

    /// <summary>How much the transform scales lengths (for stroke widths).</summary>
    public double Scale => Math.Sqrt(Math.Abs(A * D - B * C));

    public (double X, double Y) Apply((double X, double Y) p) => (A * p.X + C * p.Y + E, B * p.X + D * p.Y + F);

    /// <summary>This transform followed, inside it, by the element's own transform attribute.</summary>
    public Matrix Then(string? transform)
    {
        var m = this;
        if (string.IsNullOrEmpty(transform))
            return m;
        foreach (Match t in SvgSyntax.Transform().Matches(transform))
        {
            var n = SvgSyntax.Numbers(t.Groups["args"].Value);
            var local = t.Groups["op"].Value switch
            {
                "matrix" when n.Count == 6 => new Matrix(n[0], n[1], n[2], n[3], n[4], n[5]),
                "translate" when n.Count >= 1 => new Matrix(1, 0, 0, 1, n[0], n.Count > 1 ? n[1] : 0),
                "scale" when n.Count >= 1 => new Matrix(n[0], 0, 0, n.Count > 1 ? n[1] : n[0], 0, 0),
                _ => Identity,
            };
            m = m.Times(local);
        }
        return m;
    }

    private Matrix Times(Matrix o) => new(
        A * o.A + C * o.B, B * o.A + D * o.B,
        A * o.C + C * o.D, B * o.C + D * o.D,
        A * o.E + C * o.F + E, B * o.E + D * o.F + F);
}

/// <summary>
/// A subpath: its vertices, and which of them end a curve rather than a straight edge (a curve
/// keeps only its end point: a curved edge is never a table rule).
/// </summary>
internal sealed record Subpath(List<(double X, double Y)> Points, HashSet<int> CurveEnds)
{
    public bool Curved => CurveEnds.Count > 0;
}

/// <summary>The subpaths of an SVG path's d attribute, in absolute coordinates.</summary>
internal static class PathData
{
    public static List<Subpath> Parse(string d)
    {
        var result = new List<Subpath>();
        Subpath? current = null;
        double x = 0, y = 0, startX = 0, startY = 0;
        foreach (Match m in SvgSyntax.PathCommand().Matches(d))
        {
            var cmd = m.Groups["cmd"].Value[0];
            var u = char.ToUpperInvariant(cmd);
            var n = SvgSyntax.Numbers(m.Groups["args"].Value);
            var rel = char.IsLower(cmd);
            var arity = u switch
            {
                'M' or 'L' or 'T' => 2,
                'H' or 'V' => 1,
                'C' => 6,
                'S' or 'Q' => 4,
                'A' => 7,
                _ => 0,
            };
            if (arity == 0)
            {
                x = startX;
                y = startY;
                current?.Points.Add((x, y));
                continue;
            }
            for (var i = 0; i + arity <= n.Count; i += arity)
            {
                double nx = x, ny = y;
                if (u == 'H')
                    nx = rel ? x + n[i] : n[i];
                else if (u == 'V')
                    ny = rel ? y + n[i] : n[i];
                else
                {
                    nx = (rel ? x : 0) + n[i + arity - 2];
                    ny = (rel ? y : 0) + n[i + arity - 1];
                }
                if (u == 'M' && i == 0 || current is null)
                {
                    current = new Subpath([], []);
                    result.Add(current);
                    startX = nx;
                    startY = ny;
                }
                else if (u is not ('L' or 'H' or 'V' or 'M'))
                    current.CurveEnds.Add(current.Points.Count);
                x = nx;
                y = ny;
                current.Points.Add((x, y));
            }
        }
        return result;
    }
}

/// <summary>Whether a shape is filled or stroked (in a visible colour), and the stroke width.</summary>
internal readonly record struct Style(bool Fill, bool Stroke, double StrokeWidth)
{
    public static Style Of(XmlReader reader)
    {
        var props = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "fill", "stroke", "stroke-width", "fill-opacity", "stroke-opacity", "opacity" })
        {
            if (reader.GetAttribute(name) is { } v)
                props[name] = v.Trim();
        }
        foreach (var part in (reader.GetAttribute("style") ?? "").Split(';'))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
                props[part[..colon].Trim()] = part[(colon + 1)..].Trim();
        }
        var fill = Visible(props.GetValueOrDefault("fill", "black"), props.GetValueOrDefault("fill-opacity"));
        var stroke = Visible(props.GetValueOrDefault("stroke", "none"), props.GetValueOrDefault("stroke-opacity"));
        var width = double.TryParse(props.GetValueOrDefault("stroke-width", "1"), NumberStyles.Float, CultureInfo.InvariantCulture, out var w) ? w : 1;
        return new Style(fill, stroke, width);
    }

    /// <summary>None, transparent and near-white paint draws no visible line.</summary>
    private static bool Visible(string paint, string? opacity)
    {
        if (paint is "none" or "transparent")
            return false;
        if (opacity is not null && double.TryParse(opacity, NumberStyles.Float, CultureInfo.InvariantCulture, out var o) && o < 0.2)
            return false;
        if (paint is "white" or "#fff" or "#ffffff" or "#FFFFFF" or "#FFF")
            return false;
        var rgb = SvgSyntax.Numbers(paint.StartsWith("rgb(", StringComparison.Ordinal) ? paint[4..].Replace("%", "", StringComparison.Ordinal) : "");
        return rgb.Count != 3 || rgb.Min() < 85;
    }
}

internal static partial class SvgSyntax
{
    public static List<double> Numbers(string text)
    {
        var list = new List<double>();
        foreach (Match m in Number().Matches(text))
            list.Add(double.Parse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture));
        return list;
    }

    [GeneratedRegex(@"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"(?<cmd>[MmLlHhVvCcSsQqTtAaZz])(?<args>[^MmLlHhVvCcSsQqTtAaZz]*)")]
    public static partial Regex PathCommand();

    [GeneratedRegex(@"(?<op>matrix|translate|scale|rotate|skewX|skewY)\s*\((?<args>[^)]*)\)")]
    public static partial Regex Transform();
}
