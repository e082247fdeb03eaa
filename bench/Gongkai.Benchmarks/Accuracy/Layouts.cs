using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;
using Gongkai.Reports.Writing;

namespace Gongkai.Benchmarks.Accuracy;

/// <summary>
/// A way a report reaches a supervisor: its file format, and how the file was made — by Word or
/// LibreOffice, printed by Chromium or LibreOffice with or without rules, converted to Markdown by
/// a tool or a language model, copied out of a PDF as text, mangled on the way.
/// </summary>
public sealed record Layout(string Name, string Format, string Extension, string Description);

/// <summary>Writes a report in every <see cref="Layout"/>; the PDF and LibreOffice ones through the real programs.</summary>
public static partial class Layouts
{
    public static readonly Layout[] All =
    [
        new("text-pipes", "text", "txt", "纯文本，竖线分隔的表格（本系统导出）"),
        new("text-cell-per-line", "text", "txt", "纯文本，从网页复制：每个单元格一行"),
        new("text-labels-then-figures", "text", "txt", "纯文本，提取工具把行名与数字分开：先列全部行名、再列全部数字，并夹有页脚"),
        new("text-headers-own-lines", "text", "txt", "纯文本，表头单元格各占一行、正文夹有控制字符"),
        new("text-pdftotext-layout", "text", "txt", "pdftotext -layout 从 Chromium 打印的 PDF 中取出的文字"),
        new("markdown-pipes", "markdown", "md", "Markdown，# 标题、竖线表格、页脚“— 3 —”"),
        new("markdown-llm", "markdown", "md", "Markdown（大模型转换）：表三为 HTML 表格，表四拆成三个子表"),
        new("html-official", "html", "html", "网页，官方版式（本系统导出）"),
        new("html-cms", "html", "html", "政府网站内容管理系统页面：导航、面包屑、页脚、元数据"),
        new("docx-word", "docx", "docx", "Word 文档（本系统导出，OpenXml）"),
        new("docx-libreoffice", "docx", "docx", "LibreOffice 由网页另存的 Word 文档"),
        new("pdf-chromium", "pdf", "pdf", "Chromium 打印的 PDF，有表格线"),
        new("pdf-chromium-borderless", "pdf", "pdf", "Chromium 打印的 PDF，无表格线"),
        new("pdf-wps-like", "pdf", "pdf", "仿 WPS：行高固定，折行的行名越过表格线"),
        new("pdf-ofd-like", "pdf", "pdf", "仿数科/永中 OFD 转印：字距拉开、每个单元格各自画框（双线）"),
        new("pdf-ocr-like", "pdf", "pdf", "仿扫描件 OCR：表格线在图像里（无矢量线），文字层位置略有偏移"),
        new("pdf-libreoffice", "pdf", "pdf", "LibreOffice 由 Word 文档打印的 PDF，跨页的表格行"),
    ];

    /// <summary>The bytes of a layout that needs no external program but Chromium; null for the LibreOffice layouts.</summary>
    public static byte[]? Write(Layout layout, AnnualReport report, Random random) => layout.Name switch
    {
        "text-pipes" => Utf8(TextReport.Write(report)),
        "text-cell-per-line" => Utf8(Mangling.OneCellPerLine(TextReport.Write(report))),
        "text-labels-then-figures" => Utf8(Mangling.PageFooters(Mangling.LabelsThenFigures(TextReport.Write(report)))),
        "text-headers-own-lines" => Utf8(Mangling.ControlCharacters(Mangling.HeadersOnOwnLines(TextReport.Write(report)), random)),
        "text-pdftotext-layout" => PdftotextLayout(ChromiumPdf.Render(HtmlReport.Write(report, []))),
        "markdown-pipes" => Utf8(Mangling.PageFooters(Markdown(TextReport.Write(report)), every: 40)),
        "markdown-llm" => Utf8(MarkdownLlm(report)),
        "html-official" => Utf8(HtmlReport.Write(report, [])),
        "html-cms" => Utf8(Cms(report)),
        "docx-word" => DocxReport.Write(report),
        "pdf-chromium" => ChromiumPdf.Render(HtmlReport.Write(report, [])),
        "pdf-chromium-borderless" => ChromiumPdf.Render(WithCss(HtmlReport.Write(report, []), "th, td { border: none !important; }")),
        "pdf-wps-like" => ChromiumPdf.Render(WpsLike(HtmlReport.Write(report, []))),
        "pdf-ofd-like" => ChromiumPdf.Render(WithCss(HtmlReport.Write(report, []),
            "body { letter-spacing: 0.12em; } table { border-collapse: separate; border-spacing: 1.5pt; } th, td { border: 0.6pt solid #000; }")),
        "pdf-ocr-like" => ChromiumPdf.Render(OcrLike(HtmlReport.Write(report, []), random)),
        _ => null,
    };

    /// <summary>
    /// The LibreOffice layouts, converted in one run of LibreOffice: the Word documents of
    /// <paramref name="docx"/> printed to PDF, the web pages of <paramref name="html"/> saved as Word.
    /// </summary>
    public static void Convert(string staging, IEnumerable<(string Docx, string Pdf)> docx, IEnumerable<(string Html, string Docx)> html)
    {
        Soffice(staging, "pdf", docx.Select(d => (d.Docx, d.Pdf)));
        Soffice(staging, "docx:MS Word 2007 XML", html.Select(h => (h.Html, h.Docx)));
    }

    private static void Soffice(string staging, string filter, IEnumerable<(string From, string To)> files)
    {
        var list = files.ToList();
        if (list.Count == 0)
            return;
        var output = Directory.CreateTempSubdirectory("gongkai-soffice-").FullName;
        var info = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["--headless", "-env:UserInstallation=file://" + Path.Combine(staging, "lo-profile"), "--convert-to", filter, "--outdir", output])
            info.ArgumentList.Add(a);
        foreach (var (from, _) in list)
            info.ArgumentList.Add(from);
        using (var process = Process.Start(info)!)
        {
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        }
        foreach (var (from, to) in list)
        {
            var made = Path.Combine(output, Path.GetFileNameWithoutExtension(from) + Path.GetExtension(to));
            if (File.Exists(made))
                File.Move(made, to, overwrite: true);
        }
        Directory.Delete(output, recursive: true);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] PdftotextLayout(byte[] pdf)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, pdf);
            var info = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true };
            foreach (var a in (string[])["-layout", "-enc", "UTF-8", path, "-"])
                info.ArgumentList.Add(a);
            using var process = Process.Start(info)!;
            using var bytes = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(bytes);
            process.WaitForExit();
            return bytes.ToArray();
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The pipe text as Markdown: # title, ## sections, a delimiter row under each table's first row.</summary>
    private static string Markdown(string text)
    {
        var sb = new StringBuilder();
        var first = true;
        var inTable = false;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('|'))
            {
                sb.Append(line).Append('\n');
                if (!inTable)
                    sb.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", line.Trim().Trim('|').Split('|').Length))).Append('\n');
                inTable = true;
                continue;
            }
            if (inTable)
                sb.Append('\n');
            inTable = false;
            if (first && line.Length > 0)
            {
                sb.Append("# ").Append(line).Append('\n');
                first = false;
            }
            else if (SectionHeading().IsMatch(line))
                sb.Append("\n## ").Append(line).Append("\n\n");
            else
                sb.Append(line).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>A language model's Markdown: table 三 kept as the HTML table it could not flatten, table 四 split into a sub-table per group.</summary>
    private static string MarkdownLlm(AnnualReport report)
    {
        var markdown = Markdown(TextReport.Write(report));
        var tables = FiguresTable().Matches(HtmlReport.Write(report, [])).Select(m => m.Value).ToList();
        var blocks = PipeBlock().Matches(markdown).ToList();
        if (tables.Count < 3 || blocks.Count < 3)
            return markdown;
        var review = report.ReviewLitigation;
        var sb = new StringBuilder();
        foreach (var (key, name) in new[] { ("review", "行政复议"), ("litigationWithoutReview", "行政诉讼（未经复议直接起诉）"), ("litigationAfterReview", "行政诉讼（复议后起诉）") })
        {
            sb.Append("**").Append(name).Append("**\n\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n| --- | --- | --- | --- | --- |\n| ")
              .AppendJoin(" | ", review[key]!.Select(OfficialLayout.FigureText)).Append(" |\n\n");
        }
        // Replace from the last block backwards so that earlier indexes stay valid.
        var four = blocks[^1];
        var three = blocks[^2];
        return markdown[..three.Index] + tables[^2] + "\n" + markdown[(three.Index + three.Length)..four.Index] + sb + markdown[(four.Index + four.Length)..];
    }

    /// <summary>The report inside a government site's page: header, navigation, breadcrumb, share bar and footer; the site's metadata tags.</summary>
    private static string Cms(AnnualReport report)
    {
        var html = HtmlReport.Write(report, []);
        var article = Article().Match(html).Value;
        var title = ReportOutline.Title(report);
        return $"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_政府信息公开年报</title>
            <meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="{(report.Year ?? 2022) + 1}-01-20 09:30">
            </head><body>
            <div class="top"><span>今天是：</span><a href="#">无障碍</a> | <a href="#">English</a></div>
            <div id="mainNav"><a href="#">首页</a><a href="#">政务公开</a><a href="#">政务服务</a><a href="#">互动交流</a></div>
            <div class="position">当前位置：<a href="#">首页</a> &gt; <a href="#">政府信息公开</a> &gt; 政府信息公开年报</div>
            <div class="TRS_Editor">{article}</div>
            <div class="bdsharebuttonbox">分享到：<a href="#">微信</a><a href="#">微博</a></div>
            <div class="print"><a href="#">打印本页</a> <a href="#">关闭窗口</a></div>
            <div class="footer">主办：某某市人民政府办公室　网站标识码：0000000000　备案号：京ICP备00000000号</div>
            </body></html>
            """;
    }

    private static string WithCss(string html, string css) => html.Replace("</head>", $"<style>{css}</style></head>", StringComparison.Ordinal);

    /// <summary>
    /// As WPS prints a table whose rows have a fixed height: a label wrapped over more lines than
    /// the row holds runs on below the row's bottom rule, into the row under it.
    /// </summary>
    private static string WpsLike(string html) =>
        WithCss(LabelCell().Replace(html, "<td class=\"label\"$1><div class=\"wps\">$2</div></td>"),
            "td { height: 14pt; padding: 0 2pt; vertical-align: top; } td.label { width: 96pt; } .wps { height: 14pt; line-height: 12pt; overflow: visible; }");

    /// <summary>
    /// As a scanned page with an OCR text layer: the rules are part of the image (here drawn as
    /// background gradients, which are no vector lines), and the recognised words sit a little off
    /// where the glyphs are.
    /// </summary>
    private static string OcrLike(string html, Random random)
    {
        var jittered = Cell().Replace(html, m =>
            $"<td{m.Groups[1].Value}><span style=\"position: relative; top: {random.Next(-2, 3)}px; left: {random.Next(-3, 4)}px\">{m.Groups[2].Value}</span></td>");
        return WithCss(jittered,
            "th, td { border: none !important; background-image: linear-gradient(#000, #000), linear-gradient(#000, #000);"
            + " background-size: 100% 0.8px, 0.8px 100%; background-position: bottom left, top right; background-repeat: no-repeat; }");
    }

    [GeneratedRegex(@"<td([^>]*)>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex(@"^[一二三四五六七八九十]+、")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"<table class=""figures"">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex FiguresTable();

    [GeneratedRegex(@"(?:^\|.*\n)+", RegexOptions.Multiline)]
    private static partial Regex PipeBlock();

    [GeneratedRegex(@"<article.*?</article>", RegexOptions.Singleline)]
    private static partial Regex Article();

    [GeneratedRegex(@"<td class=""label""([^>]*)>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex LabelCell();
}
