using System.Globalization;
using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reports;
using Gongkai.Reports.Formats;

namespace Gongkai.Benchmarks.Accuracy;

/// <summary>
/// Reads every file of an <see cref="AccuracyCorpus"/> and compares it with what was written:
/// a report is exact when agency, year, template and every cell's value are; cells right counts
/// the expected cells read with their value; a false alarm is a finding about the report itself
/// (not a reading finding) that the expected report does not have — same rule, same cells.
/// Prints the table by format and template, then by layout, in Markdown.
/// </summary>
public static class AccuracyMeasure
{
    private sealed record Result(string Format, string Template, string Layout, bool Readable, bool Exact, int Cells, int Right, int FalseAlarms, int Recovered)
    {
        /// <summary>What went wrong, for the details listing.</summary>
        public string Why { get; init; } = "";
    }

    /// <summary>The table; with <paramref name="details"/>, each file that is not exact and why, after it.</summary>
    public static string Run(string dir, bool details = false)
    {
        var expected = Directory.GetFiles(Path.Combine(dir, "expected"), "*.json")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => JsonReport.Read(File.ReadAllText(f)), StringComparer.Ordinal);
        var results = new List<Result>();
        var names = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(dir, "files")).Order(StringComparer.Ordinal))
        {
            names.Add(Path.GetFileName(file));
            var parts = Path.GetFileName(file).Split('.');
            var (id, layoutName) = (parts[0], parts[1]);
            var layout = Layouts.All.Single(l => l.Name == layoutName);
            var model = expected[id];
            results.Add(Measure(file, layout, model));
        }
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"accuracy: {results.Count} files, {expected.Count} reports, {Layouts.All.Length} layouts\n\n");
        Table(sb, "format", results.GroupBy(r => (r.Format, r.Template)).OrderBy(g => g.Key.Format, StringComparer.Ordinal).ThenBy(g => g.Key.Template, StringComparer.Ordinal)
            .Select(g => ($"{g.Key.Format} | {g.Key.Template}", g.ToList())), "format | template");
        Table(sb, "all", [("all | all", results)], "format | template");
        sb.Append('\n');
        Table(sb, "layout", results.GroupBy(r => r.Layout).OrderBy(g => Array.FindIndex(Layouts.All, l => l.Name == g.Key))
            .Select(g => ($"`{g.Key}` | {Layouts.All.Single(l => l.Name == g.Key).Description}", g.ToList())), "layout | how the file was made");
        if (details)
        {
            sb.Append('\n');
            foreach (var (file, r) in names.Zip(results).Where(x => !x.Second.Exact || x.Second.FalseAlarms > 0))
                sb.Append(CultureInfo.InvariantCulture, $"{file}: {r.Right}/{r.Cells} cells; {r.Why}\n");
        }
        return sb.ToString();
    }

    private static Result Measure(string file, Layout layout, AnnualReport model)
    {
        var template = model.Template.Id();
        ReadReport read;
        try
        {
            read = ReportFile.Read(file);
        }
        catch (ReportReadException e)
        {
            return new(layout.Format, template, layout.Name, false, false, model.Cells().Count(), 0, 0, 0) { Why = e.Message };
        }
        var report = read.Report;
        var cells = report.Cells().ToDictionary(c => c.Path, c => c.Cell, StringComparer.Ordinal);
        var expectedCells = model.Cells().ToList();
        var right = expectedCells.Count(c => cells.TryGetValue(c.Path, out var cell) && cell.Value == c.Cell.Value);
        var exact = right == expectedCells.Count && cells.Count == expectedCells.Count
                    && report.Agency == model.Agency && report.Year == model.Year && report.Template == model.Template;
        var wanted = Domain.Reports.Checks.ReportChecks.Check(model).Select(Key).ToHashSet(StringComparer.Ordinal);
        var falseAlarms = read.Findings.Count(f => f.Origin == FindingOrigin.Report && f.Severity != Severity.Info && !wanted.Contains(Key(f)));
        var recovered = cells.Values.Count(c => c.Form == CellForm.Recovered);
        var wrong = expectedCells.Where(c => !cells.TryGetValue(c.Path, out var cell) || cell.Value != c.Cell.Value)
            .Select(c => $"{c.Path}={(cells.TryGetValue(c.Path, out var cell) ? cell.ToString() : "absent")} (expected {c.Cell})").Take(4);
        var why = string.Join("; ", [
            .. report.Agency != model.Agency ? [$"agency {report.Agency}"] : Array.Empty<string>(),
            .. wrong,
            .. read.Findings.Where(f => f.Origin == FindingOrigin.Reading || !wanted.Contains(Key(f))).Select(f => $"[{f.Rule}] {f.Message}").Take(3)]);
        return new(layout.Format, template, layout.Name, true, exact, expectedCells.Count, right, falseAlarms, recovered) { Why = why };
    }

    private static string Key(Finding f) => f.Rule + ":" + string.Join(",", f.Cells);

    private static void Table(StringBuilder sb, string kind, IEnumerable<(string Name, List<Result> Results)> groups, string head)
    {
        if (kind != "all")
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {head} | files | reports exact | cells right | false alarms | unreadable | cells recovered by position |\n");
            sb.Append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        }
        foreach (var (name, results) in groups)
        {
            var files = results.Count;
            var exact = results.Count(r => r.Exact);
            var cells = results.Sum(r => r.Cells);
            var right = results.Sum(r => r.Right);
            var alarms = results.Sum(r => r.FalseAlarms);
            var alarmed = results.Count(r => r.FalseAlarms > 0);
            var unreadable = results.Count(r => !r.Readable);
            var bold = kind == "all" ? "**" : "";
            // Each cell of the name in bold on its own: Markdown does not carry bold across cells.
            var label = string.Join(" | ", name.Split(" | ").Select(n => bold + n + bold));
            sb.Append(CultureInfo.InvariantCulture,
                $"| {label} | {files} | {bold}{exact}/{files} ({100.0 * exact / files:0.0}%){bold} | {bold}{100.0 * right / Math.Max(1, cells):0.00}%{bold} ({right}/{cells}) | {alarms} in {alarmed} files | {unreadable} | {results.Sum(r => r.Recovered)} |\n");
        }
    }
}
