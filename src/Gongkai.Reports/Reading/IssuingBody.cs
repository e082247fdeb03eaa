using System.Text.RegularExpressions;
using Gongkai.Domain.Text;

namespace Gongkai.Reports.Reading;

/// <summary>
/// Who issued a report whose title names only a region (某某实验区2020年度政府信息公开工作年度报告):
/// the organ that signs it at the end (清溪县人民政府办公室 above the date), else the government
/// the site's header names (江川市临河区人民政府, or 区政府 in the breadcrumb of 深圳市龙岗区's site),
/// else the publisher of the page's metadata when it is an organ of that region. A name the
/// document does not print is never made up: without any of these the region stays as printed.
/// </summary>
internal static partial class IssuingBody
{
    /// <summary>A signature block sits in the last lines, after the last section's prose.</summary>
    private const int SignatureLines = 12;

    /// <summary>The signature block at the end of a report: the organ as printed, and the lines it takes.</summary>
    public sealed record SignatureBlock(string Organ, string Key, int First, int Last);

    public static string Find(List<ParsedLine> lines, int titleLine, string region, string? publisher, SignatureBlock? signature)
    {
        var key = ChineseText.Normalize(region);
        return (signature is not null && OfRegion(signature.Key, key) ? signature.Organ : null)
               ?? SiteHeader(lines, titleLine, region, key)
               ?? (publisher is not null && OfRegion(ChineseText.Normalize(publisher), key) ? MetadataReader.Unmarked(publisher) : null)
               ?? region;
    }

    /// <summary>
    /// The organ that signs the report: on the line above the date that closes it (or before the
    /// date on that line), or alone on the last line. Short, without a full stop, ending in what
    /// organs end in (人民政府, 办公室, 局 …); null when the report ends otherwise.
    /// </summary>
    public static SignatureBlock? Signature(List<ParsedLine> lines, int after)
    {
        for (var i = lines.Count - 1; i > after && i >= lines.Count - SignatureLines; i--)
        {
            var date = SignatureDate().Match(lines[i].NormText);
            if (!date.Success)
            {
                if (i == lines.Count - 1 && !lines[i].IsRow && IsOrgan(lines[i].NormText))
                    return Block(lines[i].Text, i, i);
                continue;
            }
            var before = lines[i].NormText[..date.Index];
            if (before.Length > 0)
                return IsOrgan(before) ? Block(BeforeYear(lines[i].Text), i, i) : null;
            return i - 1 > after && IsOrgan(lines[i - 1].NormText) ? Block(lines[i - 1].Text, i - 1, i) : null;
        }
        return null;
    }

    private static SignatureBlock Block(string printed, int first, int last)
    {
        var organ = ChineseText.ToSimplified(MetadataReader.Unmarked(ChineseText.CollapseWhitespace(printed, separator: null)));
        return new SignatureBlock(organ, ChineseText.Normalize(organ), first, last);
    }

    private static bool IsOrgan(string norm) =>
        norm.Length is >= 4 and <= 40 && !norm.Contains('。', StringComparison.Ordinal) && !norm.Contains(',', StringComparison.Ordinal)
        && Organ().IsMatch(norm);

    /// <summary>The text of a line before its date, as printed.</summary>
    private static string BeforeYear(string text)
    {
        var years = Year().Matches(text);
        return years.Count > 0 ? text[..years[^1].Index] : text;
    }

    /// <summary>
    /// The region's government as the lines above the title name it: in full (江川市临河区人民政府,
    /// 临河区人民政府), or in the short form a breadcrumb uses (区政府信息公开年报 on the district's site).
    /// </summary>
    private static string? SiteHeader(List<ParsedLine> lines, int titleLine, string region, string key)
    {
        var local = Local(key);
        var kind = key[^1];
        for (var i = 0; i < titleLine; i++)
        {
            var text = lines[i].NormText;
            if (text.Contains(key + "人民政府", StringComparison.Ordinal) || text.Contains(local + "人民政府", StringComparison.Ordinal)
                || text.Contains(key + "政府", StringComparison.Ordinal) || text.Contains(local + "政府", StringComparison.Ordinal)
                || kind is '区' or '县' or '市' or '镇' or '乡' or '旗' && text.Contains(kind + "政府", StringComparison.Ordinal))
                return region + "人民政府";
            if (key.EndsWith("街道", StringComparison.Ordinal) && text.Contains("街道办", StringComparison.Ordinal))
                return region + "办事处";
        }
        return null;
    }

    /// <summary>The name belongs to the region: it starts with the region's name, whole or without its city (临河区 of 江川市临河区).</summary>
    private static bool OfRegion(string name, string region) =>
        name.StartsWith(region, StringComparison.Ordinal) || Local(region) is { Length: >= 2 } local && name.StartsWith(local, StringComparison.Ordinal);

    /// <summary>The region without the province, city or prefecture before it: 江川市临河区 → 临河区.</summary>
    private static string Local(string region)
    {
        var cut = region[..^1].LastIndexOfAny(['省', '市', '州', '盟']);
        return cut >= 0 ? region[(cut + 1)..] : region;
    }

    [GeneratedRegex(@"(?:(?:19|20)\d\d|[一二][〇零○O一二三四五六七八九]{3})\s*年")]
    private static partial Regex Year();

    [GeneratedRegex(@"(?:人民政府|政府|办公室|委员会|管委会|办事处|局|厅|委|办|院|署|中心|处|所|站|队|部|会)$")]
    private static partial Regex Organ();

    [GeneratedRegex(@"(?:(?:19|20)\d\d|[一二][〇零○O一二三四五六七八九]{3})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$")]
    private static partial Regex SignatureDate();
}
