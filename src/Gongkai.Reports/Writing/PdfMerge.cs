using System.Globalization;

namespace Gongkai.Reports.Writing;

/// <summary>
/// Joins PDFs into one with poppler's pdfunite, in the order given. Files from outside (an
/// applicant's scan) are checked first with pdfinfo: a damaged or encrypted one is left out, and
/// the caller says so, rather than failing the whole document. GONGKAI_PDFUNITE may name pdfunite;
/// pdfinfo is looked for beside it.
/// </summary>
public static class PdfMerge
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static async Task<byte[]> MergeAsync(IReadOnlyList<byte[]> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
            throw new ArgumentException("Nothing to merge.", nameof(documents));
        if (documents.Count == 1)
            return documents[0];
        var dir = Directory.CreateTempSubdirectory("gongkai-pdfunite-");
        try
        {
            var inputs = documents.Select((pdf, i) =>
            {
                var path = Path.Combine(dir.FullName, i.ToString("D4", CultureInfo.InvariantCulture) + ".pdf");
                File.WriteAllBytes(path, pdf);
                return path;
            }).ToList();
            var output = Path.Combine(dir.FullName, "merged.pdf");
            var result = await RunAsync(Unite(), [.. inputs, output], cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0 || !File.Exists(output))
                throw new InvalidOperationException("合并 PDF 失败：" + result.Error.Trim());
            return await File.ReadAllBytesAsync(output, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Whether poppler reads the file as an unencrypted PDF, so that pdfunite can take it.</summary>
    public static async Task<bool> IsReadableAsync(byte[] pdf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var dir = Directory.CreateTempSubdirectory("gongkai-pdfinfo-");
        try
        {
            var path = Path.Combine(dir.FullName, "input.pdf");
            File.WriteAllBytes(path, pdf);
            var result = await RunAsync(Beside(Unite(), "pdfinfo"), [path], cancellationToken).ConfigureAwait(false);
            var output = System.Text.Encoding.UTF8.GetString(result.Output);
            return result.ExitCode == 0 && !output.Split('\n').Any(l => l.StartsWith("Encrypted:", StringComparison.Ordinal) && l.Contains("yes", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Unite() => ExternalTool.Resolve("GONGKAI_PDFUNITE", "pdfunite");

    private static string Beside(string program, string name) =>
        Path.GetDirectoryName(program) is { Length: > 0 } folder ? Path.Combine(folder, name) : name;

    private static async Task<ToolResult> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await ExternalTool.RunAsync(program, arguments, Timeout, maxOutput: 1024 * 1024, cancellationToken).ConfigureAwait(false);
        }
        catch (ToolException e)
        {
            throw new InvalidOperationException(e.Failure switch
            {
                ToolFailure.Missing => $"未找到 {Path.GetFileName(program)}，无法合并 PDF；请安装 poppler-utils（apt-get install poppler-utils）",
                ToolFailure.Timeout => string.Create(CultureInfo.InvariantCulture, $"合并 PDF 超时（超过 {Timeout.TotalSeconds:0} 秒）"),
                ToolFailure.TooMuchOutput => "合并 PDF 时输出异常",
            }, e);
        }
    }
}
