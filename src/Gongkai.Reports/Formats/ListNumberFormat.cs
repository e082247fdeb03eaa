using System.Globalization;
using System.Text;

namespace Gongkai.Reports.Formats;

/// <summary>A list counter written in one of Word's number formats (w:numFmt), as Word prints it.</summary>
internal static class ListNumberFormat
{
    private const string Digits = "零一二三四五六七八九";
    private const string DigitalDigits = "〇一二三四五六七八九";
    private const string LegalDigits = "零壹贰叁肆伍陆柒捌玖";

    public static string Format(int n, string format) => format switch
    {
        "none" or "bullet" => "",
        "chineseCounting" or "chineseCountingThousand" or "taiwaneseCounting" or "taiwaneseCountingThousand"
            or "japaneseCounting" => Counting(n, Digits, "十百千", dropLeadingOne: true),
        "chineseLegalSimplified" => Counting(n, LegalDigits, "拾佰仟", dropLeadingOne: false),
        "ideographDigital" or "taiwaneseDigital" or "japaneseDigitalTenThousand" =>
            n < 0 ? Decimal(n) : string.Concat(Decimal(n).Select(d => DigitalDigits[d - '0'])),
        "ideographTraditional" => Cycle(n, "甲乙丙丁戊己庚辛壬癸"),
        "ideographZodiac" => Cycle(n, "子丑寅卯辰巳午未申酉戌亥"),
        "decimalZero" => n is >= 0 and < 10 ? "0" + Decimal(n) : Decimal(n),
        "decimalFullWidth" or "decimalFullWidth2" => string.Concat(Decimal(n).Select(c => (char)(c + 0xFEE0))),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" => n is >= 1 and <= 20 ? ((char)('①' + n - 1)).ToString() : Decimal(n),
        "decimalEnclosedParen" => "(" + Decimal(n) + ")",
        "lowerLetter" => Letter(n, 'a'),
        "upperLetter" => Letter(n, 'A'),
        "lowerRoman" => Roman(n).ToLowerInvariant(),
        "upperRoman" => Roman(n),
        _ => Decimal(n),
    };

    private static string Decimal(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>1 一, 10 十, 11 十一, 20 二十, 101 一百零一, 1010 一千零一十.</summary>
    private static string Counting(int n, string digits, string units, bool dropLeadingOne)
    {
        if (n is <= 0 or >= 10000)
            return n == 0 ? digits[0].ToString() : Decimal(n);
        int[] places = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
        var sb = new StringBuilder();
        var zero = false;
        for (var i = 0; i < places.Length; i++)
        {
            if (places[i] == 0)
            {
                zero = sb.Length > 0;
                continue;
            }
            if (zero)
                sb.Append(digits[0]);
            zero = false;
            if (!(dropLeadingOne && sb.Length == 0 && i == 2 && places[i] == 1))
                sb.Append(digits[places[i]]);
            if (i < 3)
                sb.Append(units[2 - i]);
        }
        return sb.ToString();
    }

    private static string Cycle(int n, string symbols) => n >= 1 ? symbols[(n - 1) % symbols.Length].ToString() : Decimal(n);

    /// <summary>a … z, then aa … zz, as Word continues.</summary>
    private static string Letter(int n, char first) =>
        n >= 1 ? new string((char)(first + (n - 1) % 26), (n - 1) / 26 + 1) : Decimal(n);

    private static string Roman(int n)
    {
        if (n is <= 0 or >= 4000)
            return Decimal(n);
        var sb = new StringBuilder();
        foreach (var (value, symbol) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
        {
            for (; n >= value; n -= value)
                sb.Append(symbol);
        }
        return sb.ToString();
    }
}
