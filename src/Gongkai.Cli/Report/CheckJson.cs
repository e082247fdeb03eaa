using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Reports;

namespace Gongkai.Cli.Report;

/// <summary>The machine-readable result of <c>report check --format json</c>.</summary>
internal static class CheckJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Chinese stays readable in the output instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IReadOnlyList<CheckedFile> files)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            var tally = Tally.Of(files);
            w.WriteStartObject();
            w.WriteStartArray("files");
            foreach (var file in files)
                WriteFile(w, file);
            w.WriteEndArray();
            w.WriteNumber("total", tally.Total);
            w.WriteNumber("clean", tally.Clean);
            w.WriteNumber("withFindings", tally.WithFindings);
            w.WriteNumber("unreadable", tally.Unreadable);
            w.WriteNumber("exitCode", tally.ExitCode);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteFile(Utf8JsonWriter w, CheckedFile file)
    {
        w.WriteStartObject();
        w.WriteString("file", file.Path);
        w.WriteString("status", ReportLabels.StatusId(file.Status));
        w.WriteString("error", file.Error);
        var report = file.Report;
        w.WriteString("format", file.Read is { } read ? ReportFile.FormatId(read.Format) : null);
        w.WriteString("agency", report?.Agency);
        if (report?.Year is { } year)
            w.WriteNumber("year", year);
        else
            w.WriteNull("year");
        w.WriteString("template", report?.Template.Id());
        w.WriteNumber("errors", file.Count(Severity.Error));
        w.WriteNumber("warnings", file.Count(Severity.Warning));
        w.WriteNumber("infos", file.Count(Severity.Info));
        w.WriteStartArray("findings");
        foreach (var item in file.Findings)
            WriteFinding(w, file, item);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter w, CheckedFile file, FileFinding item)
    {
        var f = item.Finding;
        w.WriteStartObject();
        w.WriteString("rule", f.Rule);
        w.WriteString("severity", Finding.SeverityId(f.Severity));
        w.WriteString("origin", Finding.OriginId(f.Origin));
        w.WriteString("scope", item.Scope.Id());
        w.WriteString("message", f.Message);
        WriteStrings(w, "cells", f.Cells);
        WriteStrings(w, "cellNames", ReportLabels.Cells(file, f));
        WriteStrings(w, "against", item.Against);
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
            w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
