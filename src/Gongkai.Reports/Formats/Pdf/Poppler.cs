using System.Globalization;

namespace Gongkai.Reports.Formats.Pdf;

/// <summary>
/// The poppler programs the PDF reader runs: <c>pdftotext -bbox-layout</c> for the words and
/// their boxes, <c>pdftocairo -svg</c> for the ruling lines of a page. GONGKAI_PDFTOTEXT may name
/// the pdftotext executable; pdftocairo is looked for beside it.
/// </summary>
internal static class Poppler
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The bbox XHTML of a 30 MB PDF stays far below this; more means a runaway file.</summary>
    private const long MaxTextOutput = 256L * 1024 * 1024;

    private const long MaxSvgOutput = 64L * 1024 * 1024;

    public static byte[] BboxLayout(string pdf)
    {
        var exe = ExternalTool.Resolve("GONGKAI_PDFTOTEXT", "pdftotext");
        ToolResult result;
        try
        {
            result = ExternalTool.Run(exe, ["-bbox-layout", "-enc", "UTF-8", pdf, "-"], Timeout, MaxTextOutput);
        }
        catch (ToolException e)
        {
            throw e.Failure switch
            {
                ToolFailure.Missing => new ReportReadException("未找到 pdftotext，无法读取 PDF；请安装 poppler-utils（apt-get install poppler-utils）"),
                ToolFailure.Timeout => new ReportReadException(string.Create(CultureInfo.InvariantCulture,
                    $"读取 PDF 超时（超过 {Timeout.TotalSeconds:0} 秒），文件可能已损坏或过于复杂")),
                ToolFailure.TooMuchOutput => new ReportReadException("PDF 中的文字超出读取上限，文件可能已损坏"),
            };
        }
        if (result.ExitCode == 0)
            return result.Output;
        if (result.Error.Contains("password", StringComparison.OrdinalIgnoreCase) || result.Error.Contains("encrypt", StringComparison.OrdinalIgnoreCase))
            throw new ReportReadException("PDF 文件已加密，无法读取；请提供未加密的版本");
        throw new ReportReadException("PDF 文件已损坏或格式无法识别，无法读取");
    }

    /// <summary>The page as SVG, or null when pdftocairo is not at hand or fails: the page is then read without rules.</summary>
    public static byte[]? PageSvg(string pdf, int page)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        return Cairo(["-svg", "-f", number, "-l", number, pdf, "-"]);
    }

    /// <summary>The page as a PNG <paramref name="width"/> pixels wide, or null when pdftocairo is not at hand or fails.</summary>
    public static byte[]? PagePng(string pdf, int page, int width)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        return Cairo(["-png", "-singlefile", "-f", number, "-l", number, "-scale-to-x", width.ToString(CultureInfo.InvariantCulture),
            "-scale-to-y", "-1", pdf, "-"]);
    }

    /// <summary>pdftocairo's output, looked for beside pdftotext; null when it is missing or fails.</summary>
    private static byte[]? Cairo(string[] arguments)
    {
        var text = ExternalTool.Resolve("GONGKAI_PDFTOTEXT", "pdftotext");
        var dir = Path.GetDirectoryName(text);
        var exe = string.IsNullOrEmpty(dir) ? "pdftocairo" : Path.Combine(dir, "pdftocairo");
        try
        {
            var result = ExternalTool.Run(exe, arguments, Timeout, MaxSvgOutput);
            return result.ExitCode == 0 && result.Output.Length > 0 ? result.Output : null;
        }
        catch (ToolException)
        {
            return null;
        }
    }
}
