using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Text;

namespace Gongkai.Reports.Reading;

/// <summary>Title, year, agency and the page's 信息公开 metadata (索引号, 发布机构, 发文日期, 文号).</summary>
internal static partial class MetadataReader
{
    private const int SearchLines = 60;

    /// <summary>Fills the report's metadata; returns where the title ends (-1: none) and the signature block, if any.</summary>
    public static (int TitleLine, IssuingBody.SignatureBlock? Signature) Read(List<ParsedLine> lines, AnnualReport report)
    {
        var titleLine = FindTitle(lines, out var tail);
        if (titleLine >= 0)
        {
            var title = ChineseText.ToSimplified(lines[titleLine].Text + (tail >= 0 ? lines[tail].Text : "")).Trim();
            report.Title = Unmarked(Collapse(title));
            var m = TitleYear().Match(ArabicYears(lines[titleLine].NormText));
            if (m.Success)
                report.Year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            report.Agency = AgencyFromTitle(report.Title) ?? AgencyAbove(lines, titleLine);
        }
        report.Year ??= YearFromBody(lines);
        ReadFields(lines, report);
        var end = Math.Max(titleLine, tail);
        var signature = IssuingBody.Signature(lines, end);
        if (report.Agency is { } agency && RegionName().IsMatch(agency))
            report.Agency = IssuingBody.Find(lines, titleLine, agency, report.Source.Publisher, signature);
        if (string.IsNullOrEmpty(report.Agency) && report.Source.Publisher is { } publisher)
            report.Agency = Unmarked(publisher);
        return (end, signature);
    }

    /// <summary>
    /// A name without the markup a conversion left around it: Markdown's # * _ marks, HTML tags,
    /// quotes and brackets at its ends.
    /// </summary>
    internal static string Unmarked(string name)
    {
        var t = Markup().Replace(name, "");
        return t.Trim('《', '》', '"', '“', '”', '【', '】', '[', ']', ' ', '\u3000', '：', ':');
    }

    /// <summary>
    /// The title line: a year, 信息公开, 报告; the shortest such line near the top wins. A title
    /// wrapped before its last word (…工作年度 / 报告) counts with its tail, given in <paramref name="tail"/>.
    /// </summary>
    private static int FindTitle(List<ParsedLine> lines, out int tail)
    {
        var best = -1;
        var bestLength = int.MaxValue;
        tail = -1;
        for (var i = 0; i < lines.Count && i < SearchLines; i++)
        {
            var norm = ArabicYears(lines[i].NormText);
            if (norm.Length > 70 || lines[i].IsProse || !TitleYear().IsMatch(norm))
                continue;
            // A title wrapped before its last words (…政府信息公 / 开工作年度报告): the short line after it ends it.
            var wrapped = -1;
            if (!(norm.Contains("报告", StringComparison.Ordinal) || norm.Contains("年报", StringComparison.Ordinal)))
            {
                if (i + 1 >= lines.Count || lines[i + 1].NormText.Length > 12 || !lines[i + 1].NormText.Contains("报告", StringComparison.Ordinal))
                    continue;
                wrapped = i + 1;
                norm += lines[i + 1].NormText;
            }
            if (!(norm.Contains("信息公开", StringComparison.Ordinal) || norm.Contains("政务公开", StringComparison.Ordinal)))
                continue;
            if (best < 0 || norm.Length < bestLength)
            {
                best = i;
                bestLength = norm.Length;
                tail = wrapped;
            }
            if (best >= 0 && i > best + 5)
                break;
        }
        return best;
    }

    /// <summary>
    /// A title broken over two lines: 深圳市龙岗区 / 2022年政府信息公开工作年度报告. The agency is
    /// the short line just above.
    /// </summary>
    private static string? AgencyAbove(List<ParsedLine> lines, int titleLine)
    {
        if (titleLine == 0)
            return null;
        var above = lines[titleLine - 1];
        if (above.IsRow || above.IsProse || above.Head.Length is < 2 or > 30 || above.Head.Any(char.IsAsciiDigit))
            return null;
        return AgencyFromTitle(ChineseText.ToSimplified(above.Text) + "政府信息公开工作年度报告");
    }

    /// <summary>二〇二二年 → 2022年, so titles with the year in Chinese numerals are recognised.</summary>
    internal static string ArabicYears(string text)
    {
        if (!text.Contains('年', StringComparison.Ordinal))
            return text;
        return ChineseYear().Replace(text, m => string.Concat(m.Groups["y"].Value.Select(c => (char)('0' + "〇一二三四五六七八九".IndexOf(c == '零' || c == '○' || c == 'O' ? '〇' : c, StringComparison.Ordinal)))) + "年");
    }

    /// <summary>
    /// The agency as the title prints it: 深圳市生态环境局2022年政府信息公开工作年度报告 → 深圳市生态环境局;
    /// 深圳市龙岗区2022年… → 深圳市龙岗区, a region, whose issuing body <see cref="IssuingBody"/> looks for.
    /// </summary>
    internal static string? AgencyFromTitle(string title)
    {
        var t = ArabicYears(ChineseText.CollapseWhitespace(Unmarked(title), separator: null));
        t = LeadingYear().Replace(t, "");
        var cut = AgencyEnd().Match(t);
        var agency = cut.Success ? t[..cut.Index] : t;
        if (agency.EndsWith("人民", StringComparison.Ordinal))
            agency += "政府"; // 某县人民政府信息公开…: the cut fell inside 人民政府, which the title prints.
        agency = Unmarked(agency).TrimEnd('关', '于', '的');
        return agency.Length < 2 ? null : agency;
    }

    private static int? YearFromBody(List<ParsedLine> lines)
    {
        foreach (var line in lines)
        {
            var m = BodyYear().Match(line.NormText);
            if (m.Success)
                return int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        }
        return null;
    }

    private static readonly (string Field, string[] Keys)[] Fields =
    [
        ("index", ["索引号", "索引"]),
        ("publisher", ["发布机构", "发布单位", "发文机关", "发布部门", "信息来源", "来源"]),
        ("date", ["发文日期", "发布日期", "成文日期", "发布时间", "生成日期", "公开日期"]),
        ("number", ["文号", "发文字号"]),
        ("category", ["主题分类", "分类", "信息分类", "公开类别"]),
        ("validity", ["时效", "有效性"]),
    ];

    private static readonly string KeyStarts = string.Concat(Fields.SelectMany(f => f.Keys).Select(k => k[0]).Distinct());

    /// <summary>The cell is the key itself, with or without its colon (发布机构 / 发布机构:).</summary>
    private static bool IsKeyCell(string norm, string key) =>
        norm.Length == key.Length ? norm == key
        : norm.Length == key.Length + 1 && norm[^1] == ':' && norm.StartsWith(key, StringComparison.Ordinal);

    private static void ReadFields(List<ParsedLine> lines, AnnualReport report)
    {
        for (var i = 0; i < lines.Count && i < SearchLines; i++)
        {
            var tokens = lines[i].Tokens;
            for (var t = 0; t < tokens.Length; t++)
            {
                var norm = tokens[t].Norm;
                // Every key starts with one of a few characters; most cells start with none of them.
                if (norm.Length < 2 || !KeyStarts.Contains(norm[0], StringComparison.Ordinal))
                    continue;
                foreach (var (field, keys) in Fields)
                {
                    foreach (var key in keys)
                    {
                        string? value = null;
                        if (IsKeyCell(norm, key))
                        {
                            if (t + 1 < tokens.Length && !IsKey(tokens[t + 1].Norm))
                                value = tokens[t + 1].Raw;
                        }
                        else if (norm.Length > key.Length && norm.StartsWith(key, StringComparison.Ordinal) && norm[key.Length] == ':'
                                 && tokens.Length <= 8 && norm.Length < 80)
                        {
                            value = FieldValue(tokens[t].Raw);
                        }
                        if (value is not null)
                            Set(report, field, value.Trim());
                    }
                }
            }
        }
    }

    private static string FieldValue(string raw)
    {
        var colon = raw.IndexOfAny([':', '：']);
        var value = raw[(colon + 1)..].Trim();
        // "发布机构：某局 发文日期：2018-02-28" on one line: stop at the next key.
        var next = NextField().Match(value);
        return next.Success ? value[..next.Index] : value;
    }

    private static bool IsKey(string norm)
    {
        foreach (var (_, keys) in Fields)
        {
            if (keys.Any(k => IsKeyCell(norm, k)))
                return true;
        }
        return false;
    }

    private static void Set(AnnualReport report, string field, string value)
    {
        if (value.Length == 0)
            return;
        var s = report.Source;
        switch (field)
        {
            case "index":
                s.IndexNumber ??= value;
                break;
            case "publisher":
                s.Publisher ??= ChineseText.ToSimplified(value);
                break;
            case "date":
                s.IssuedOn ??= ParseDate(value);
                break;
            case "number":
                s.DocumentNumber ??= value;
                break;
            case "category":
                s.Category ??= ChineseText.ToSimplified(value);
                break;
        }
    }

    internal static DateOnly? ParseDate(string text)
    {
        var m = DatePattern().Match(ChineseText.Normalize(text));
        if (!m.Success)
            return null;
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    private static string Collapse(string text) => ChineseText.CollapseWhitespace(text);

    [GeneratedRegex(@"(?<y>(?:19|20)\d\d)年")]
    private static partial Regex TitleYear();

    [GeneratedRegex(@"(?<y>[一二][〇零○O一二三四五六七八九]{3})年")]
    private static partial Regex ChineseYear();

    [GeneratedRegex(@"\s+\S{2,6}[:：]")]
    private static partial Regex NextField();

    [GeneratedRegex(@"^(?:19|20)\d\d年度?")]
    private static partial Regex LeadingYear();

    [GeneratedRegex(@"(?:19|20)\d\d年|政府信息公开|政务公开|信息公开")]
    private static partial Regex AgencyEnd();

    [GeneratedRegex(@"(?:省|市|区|县|旗|自治州|州|盟|镇|乡|街道)$")]
    internal static partial Regex RegionName();

    [GeneratedRegex(@"</?[A-Za-z][^<>]*>|[#*_=`~]+")]
    private static partial Regex Markup();

    [GeneratedRegex(@"(?<y>(?:19|20)\d\d)年度?(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)")]
    private static partial Regex BodyYear();

    [GeneratedRegex(@"(?<y>(?:19|20)\d\d)[-/.年](?<m>\d{1,2})[-/.月](?<d>\d{1,2})")]
    internal static partial Regex DatePattern();
}
