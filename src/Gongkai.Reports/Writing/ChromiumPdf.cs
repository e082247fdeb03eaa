using System.Globalization;
using System.Text;

namespace Gongkai.Reports.Writing;

/// <summary>
/// Prints HTML to PDF with headless Chromium (Debian's chromium package). The HTML is written to
/// a temp file and printed with a fresh profile; nothing is fetched from the network. GONGKAI_CHROMIUM
/// may name the executable.
/// </summary>
public static class ChromiumPdf
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The PDF of <paramref name="html"/>. With <paramref name="browserHeaderFooter"/> Chromium prints
    /// its own header and footer (date, title, address, page x/y), as a browser's print does.
    /// </summary>
    public static byte[] Render(string html, bool browserHeaderFooter = false) =>
        RenderAsync(html, browserHeaderFooter, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// The same without holding a thread while Chromium prints; cancelling kills Chromium. The web
    /// app prints only through its bounded queue (Gongkai.Core's PdfRenderQueue).
    /// </summary>
    public static async Task<byte[]> RenderAsync(string html, bool browserHeaderFooter = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var dir = Directory.CreateTempSubdirectory("gongkai-chromium-");
        try
        {
            var input = Path.Combine(dir.FullName, "document.html");
            var output = Path.Combine(dir.FullName, "document.pdf");
            // With a byte-order mark Chromium need not guess the encoding of HTML that names no charset.
            await File.WriteAllTextAsync(input, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), cancellationToken).ConfigureAwait(false);
            List<string> args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                "--user-data-dir=" + Path.Combine(dir.FullName, "profile"),
                "--print-to-pdf=" + output,
            ];
            if (!browserHeaderFooter)
                args.Add("--no-pdf-header-footer");
            args.Add(new Uri(input).AbsoluteUri);

            ToolResult result;
            try
            {
                result = await ExternalTool.RunAsync(ExternalTool.Resolve("GONGKAI_CHROMIUM", "chromium"), args, Timeout, maxOutput: 1024 * 1024,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (ToolException e)
            {
                throw new InvalidOperationException(e.Failure switch
                {
                    ToolFailure.Missing => "未找到 Chromium，无法生成 PDF；请安装 chromium（apt-get install chromium）",
                    ToolFailure.Timeout => string.Create(CultureInfo.InvariantCulture, $"Chromium 生成 PDF 超时（超过 {Timeout.TotalSeconds:0} 秒）"),
                    ToolFailure.TooMuchOutput => "Chromium 输出异常，未能生成 PDF",
                }, e);
            }
            if (!File.Exists(output) || new FileInfo(output).Length == 0)
                throw new InvalidOperationException($"Chromium 未能生成 PDF（退出码 {result.ExitCode.ToString(CultureInfo.InvariantCulture)}）：{LastLine(result.Error)}");
            return await File.ReadAllBytesAsync(output, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                dir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold a profile file for a moment; the system cleans temp.
            }
        }
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}
