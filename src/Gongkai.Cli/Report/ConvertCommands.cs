namespace Gongkai.Cli.Report;

/// <summary><c>gongkai report parse</c> and <c>gongkai report render</c>: one report into another format.</summary>
internal static class ConvertCommands
{
    /// <summary>Prints the canonical JSON or CSV of a report.</summary>
    public static int Parse(CliConsole console, string path, string format) =>
        Render(console, path, format, output: null);

    /// <summary>Writes a report in a format, to a file (atomically) or, for text formats, to stdout.</summary>
    public static int Render(CliConsole console, string path, string? formatId, string? output)
    {
        var toStdout = output is null or "-";
        var format = formatId is not null ? OutputFormat.Find(formatId) : toStdout ? null : OutputFormat.ForFile(output!);
        if (format is null)
            return console.Fail($"请用 --format 指定输出格式（{string.Join("、", OutputFormat.Ids)}）。");
        if (toStdout && format.IsBinary)
            return console.Fail($"{format.Id.ToUpperInvariant()} 是二进制格式，不能输出到终端或管道；请用 -o 指定输出文件。");

        var file = FileChecker.Check(new ReportInput(path, path));
        if (file.Read is not { } read)
            return console.Fail($"无法读取 {path}：{file.Error}");
        try
        {
            if (toStdout)
                console.Out.Write(format.WriteText!(read));
            else
                AtomicFile.Write(output!, format.Bytes(read));
        }
        catch (NotSupportedException e)
        {
            return console.Fail($"无法生成 {format.Id.ToUpperInvariant()}：{e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return console.Fail($"无法写入 {output}：{e.Message}");
        }
        return ExitCodes.Ok;
    }
}
