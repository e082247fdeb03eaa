using System.Net;
using System.Text;
using Gongkai.Reports.Writing;

namespace Gongkai.Core.Requests.Letters;

/// <summary>
/// A letter as PDF: the same layout as <see cref="LetterDocx"/> in HTML and CSS, printed by
/// headless Chromium (<see cref="ChromiumPdf"/>). The HTML is complete in itself, with nothing to fetch
/// (the seal is inlined). On the original, the seal presses on the signature and the date, which sit
/// a little below its centre, and the verification line closes the letter (GB/T 9704—2012 7.3.5.1).
/// </summary>
public static class LetterPdf
{
    private const string Style = """
        @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
        body { margin: 0; font-family: "FangSong_GB2312", "FangSong", "仿宋", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 16pt; line-height: 28.95pt; color: #000; }
        h1 { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 22pt; font-weight: 700; text-align: center; line-height: 1.5; margin: 0 0 28.95pt; }
        .number { text-align: center; margin: 0 0 28.95pt; }
        p { margin: 0; text-align: justify; }
        p.text { text-indent: 2em; }
        .signature { position: relative; width: fit-content; margin: 57.9pt 4em 0 auto; text-align: center; }
        .seal { position: absolute; left: 50%; top: 50%; width: 42mm; height: 42mm; transform: translate(-50%, -58%); mix-blend-mode: multiply; }
        .tail { break-inside: avoid; }
        .verify { margin-top: 28.95pt; padding-top: 6pt; border-top: 0.5pt solid #000; font-size: 10.5pt; line-height: 16pt; text-align: left; }
        """;

    public static string Html(LetterDocument letter, LetterMarks? marks = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(letter.Title)).Append("</title><style>").Append(Style).Append("</style></head><body>")
            .Append("<h1>").Append(Encode(letter.Title)).Append("</h1>")
            .Append("<p class=\"number\">").Append(Encode(letter.Number)).Append("</p>")
            .Append("<p>").Append(Encode(letter.Addressee)).Append("：</p>");
        // The last paragraph goes with the signature: a page holding only the 落款 is not allowed (GB/T 9704).
        for (var i = 0; i < letter.Paragraphs.Count; i++)
        {
            if (i == letter.Paragraphs.Count - 1)
                html.Append("<div class=\"tail\">");
            html.Append("<p class=\"text\">").Append(Encode(letter.Paragraphs[i])).Append("</p>");
        }
        if (letter.Paragraphs.Count == 0)
            html.Append("<div class=\"tail\">");
        html.Append("<div class=\"signature\"><p>").Append(Encode(letter.Signatory)).Append("</p>")
            .Append("<p>").Append(Encode(LetterFields.Date(letter.Date))).Append("</p>");
        if (marks?.Seal is { } seal)
            html.Append("<img class=\"seal\" alt=\"\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(seal)).Append("\">");
        html.Append("</div>");
        if (marks is not null)
            html.Append("<p class=\"verify\">").Append(Encode(marks.VerificationLine)).Append("</p>");
        html.Append("</div></body></html>");
        return html.ToString();
    }

    public static byte[] Write(LetterDocument letter, LetterMarks? marks = null) => ChromiumPdf.Render(Html(letter, marks));

    public static Task<byte[]> WriteAsync(LetterDocument letter, LetterMarks? marks = null, CancellationToken cancellationToken = default) =>
        ChromiumPdf.RenderAsync(Html(letter, marks), cancellationToken: cancellationToken);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
