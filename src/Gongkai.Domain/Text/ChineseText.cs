using System.Reflection;
using System.Text;

namespace Gongkai.Domain.Text;

/// <summary>
/// Folds any printed form of a report's text to one form for matching: Simplified characters,
/// mainland phrases (规范性檔案 → 规范性文件), half-width digits and punctuation, no pinyin
/// annotations such as 當(dāng), no invisible characters. Pure and allocation-light: it runs on
/// every line of every report.
/// </summary>
public static class ChineseText
{
    private static readonly char[] CharMap = new char[char.MaxValue + 1];
    private static readonly Dictionary<char, string[]> PhrasesByFirst = [];
    private static readonly bool[] StartsPhrase = new bool[char.MaxValue + 1];
    private static readonly Dictionary<string, string> Phrases = new(StringComparer.Ordinal);

    static ChineseText()
    {
        for (var c = 0; c <= char.MaxValue; c++)
            CharMap[c] = (char)c;
        LoadTable();
        FoldPunctuation();
    }

    /// <summary>Simplified characters and mainland phrases, pinyin annotations dropped; punctuation and layout kept.</summary>
    public static string ToSimplified(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = Builder(text.Length);
        AppendSimplified(sb, text, fold: false);
        return sb.ToString();
    }

    [ThreadStatic]
    private static StringBuilder? _builder;

    /// <summary>A cleared builder reused per thread: normalising every cell of every report must not churn the GC.</summary>
    private static StringBuilder Builder(int capacity)
    {
        var sb = _builder;
        if (sb is null || sb.Capacity > 4096)
            return _builder = new StringBuilder(Math.Max(capacity, 256));
        sb.Clear();
        return sb;
    }

    /// <summary>
    /// The matching form: Simplified, half-width, whitespace removed, pinyin annotations dropped.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = Builder(text.Length);
        AppendSimplified(sb, text, fold: true);
        return sb.ToString();
    }

    /// <summary>The text as printed, without the pinyin annotations some sites insert (當(dāng)前 → 當前).</summary>
    public static string StripAnnotations(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('(', StringComparison.Ordinal) && !text.Contains('（', StringComparison.Ordinal))
            return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var skip = text[i] is '(' or '（' ? PinyinAnnotationLength(text, i) : 0;
            if (skip > 0)
                i += skip - 1;
            else
                sb.Append(text[i]);
        }
        return sb.ToString();
    }

    /// <summary>Runs of whitespace replaced by <paramref name="separator"/> (or removed when null); trimmed.</summary>
    public static string CollapseWhitespace(string text, char? separator = ' ')
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var pending = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pending = sb.Length > 0;
                continue;
            }
            if (pending && separator is { } sep)
                sb.Append(sep);
            pending = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>One character folded to its matching form (half-width, Simplified).</summary>
    public static char Fold(char c) => CharMap[c];

    public static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    private static void AppendSimplified(StringBuilder sb, string text, bool fold)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '(' || c == '（')
            {
                var skip = PinyinAnnotationLength(text, i);
                if (skip > 0)
                {
                    i += skip - 1;
                    continue;
                }
            }
            if (fold)
            {
                if (char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD')
                    continue;
            }
            if (StartsPhrase[c] && PhrasesByFirst.TryGetValue(c, out var candidates))
            {
                var matched = false;
                foreach (var phrase in candidates)
                {
                    if (string.CompareOrdinal(text, i, phrase, 0, phrase.Length) == 0)
                    {
                        foreach (var p in Phrases[phrase])
                            sb.Append(fold ? CharMap[p] : p);
                        i += phrase.Length - 1;
                        matched = true;
                        break;
                    }
                }
                if (matched)
                    continue;
            }
            var mapped = CharMap[c];
            if (!fold && IsFoldedPunctuation(c))
                mapped = c;
            sb.Append(mapped);
        }
    }

    /// <summary>Length of a "(dāng)" style annotation starting at <paramref name="start"/>, or 0.</summary>
    private static int PinyinAnnotationLength(string text, int start)
    {
        if (start == 0 || !IsCjk(text[start - 1]))
            return 0;
        var toned = false;
        for (var j = start + 1; j < text.Length && j - start <= 8; j++)
        {
            var c = text[j];
            if (c is ')' or '）')
                return toned && j > start + 1 ? j - start + 1 : 0;
            if (c is >= 'a' and <= 'z' or 'ü')
                continue;
            if ("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".Contains(c, StringComparison.Ordinal))
            {
                toned = true;
                continue;
            }
            return 0;
        }
        return 0;
    }

    private static readonly HashSet<char> FoldedPunctuation = [];

    private static bool IsFoldedPunctuation(char c) => FoldedPunctuation.Contains(c);

    private static void FoldPunctuation()
    {
        // Full-width ASCII forms to ASCII (digits, letters, signs, brackets).
        for (var c = '！'; c <= '～'; c++)
            Fold(c, (char)(c - 0xFEE0));
        Fold('　', ' ');
        Fold('〔', '[');
        Fold('〕', ']');
        Fold('【', '[');
        Fold('】', ']');
        Fold('﹒', '.');
        Fold('·', '.');
        Fold('．', '.');
        Fold('−', '-');
        Fold('﹣', '-');
        Fold('“', '"');
        Fold('”', '"');
        Fold('‘', '\'');
        Fold('’', '\'');
        Fold('「', '"');
        Fold('」', '"');
        Fold('『', '"');
        Fold('』', '"');
        Fold('︰', ':');
        Fold('﹕', ':');
        Fold('，', ',');
        Fold('；', ';');
    }

    private static void Fold(char from, char to)
    {
        CharMap[from] = to;
        FoldedPunctuation.Add(from);
    }

    private static void LoadTable()
    {
        using var stream = typeof(ChineseText).Assembly.GetManifestResourceStream("Gongkai.t2s.txt")
            ?? throw new InvalidOperationException("缺少繁简转换表 t2s.txt");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var byFirst = new Dictionary<char, List<string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length < 5 || line[0] == '#')
                continue;
            var parts = line.Split('\t');
            if (parts[0] == "C")
                CharMap[parts[1][0]] = parts[2][0];
            else
            {
                Phrases[parts[1]] = parts[2];
                if (!byFirst.TryGetValue(parts[1][0], out var list))
                    byFirst[parts[1][0]] = list = [];
                list.Add(parts[1]);
            }
        }
        foreach (var (first, list) in byFirst)
        {
            PhrasesByFirst[first] = [.. list.OrderByDescending(p => p.Length)];
            StartsPhrase[first] = true;
        }
    }
}
