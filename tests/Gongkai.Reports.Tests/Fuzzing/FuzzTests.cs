using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Text;
using Gongkai.Reports.Formats;
using Gongkai.Reports.Tests.Support;
using Gongkai.Reports.Writing;

namespace Gongkai.Reports.Tests.Fuzzing;

/// <summary>
/// Whatever bytes a file holds, reading it gives a report or a clear Chinese message: never an
/// unexpected exception. Each format's well-formed files are damaged by <see cref="Mutator"/>
/// with a fixed seed; a mutant that fails is saved so it can join the corpus in tests/data/fuzz,
/// which is read on every run.
/// </summary>
public class FuzzTests
{
    [Theory]
    [InlineData("text", 400)]
    [InlineData("markdown", 400)]
    [InlineData("html", 300)]
    [InlineData("json", 200)]
    [InlineData("csv", 200)]
    [InlineData("docx", 150)]
    [InlineData("pdf", 24)]
    public void Read_DamagedFiles_ReportOrClearMessage(string format, int mutants)
    {
        var inputs = Inputs(format);
        var random = new Random(20261207 + format.Length * 131 + format[0]);
        var failures = new List<string>();
        for (var i = 0; i < mutants; i++)
        {
            var input = inputs[random.Next(inputs.Count)];
            var (bytes, how) = Mutator.Mutate(random, input);
            if (Failure(bytes) is { } failure)
                failures.Add($"{input.Name} #{i} ({how}): {failure} → {Save(format, i, bytes)}");
        }

        failures.ShouldBeEmpty("add the saved files to tests/data/fuzz once fixed:\n" + string.Join("\n", failures));
    }

    public static TheoryData<string> Corpus => [.. Directory.GetFiles(TestFiles.Data("fuzz")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    /// <summary>Files that once ended in an unexpected error (found by the fuzzer or in the field).</summary>
    [Theory]
    [MemberData(nameof(Corpus))]
    public void Read_CorpusFile_ReportOrClearMessage(string name)
    {
        Failure(File.ReadAllBytes(TestFiles.Data(Path.Combine("fuzz", name)))).ShouldBeNull();
    }

    /// <summary>What went wrong reading the bytes, or null when they gave a report or a clear message.</summary>
    private static string? Failure(byte[] bytes)
    {
        try
        {
            ReportFile.Read(bytes);
            return null;
        }
        catch (ReportReadException e)
        {
            return e.Message.Any(ChineseText.IsCjk) ? null : $"message not in Chinese: {e.Message}";
        }
#pragma warning disable CA1031 // The point of the test: any other exception is the failure it reports.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static string Save(string format, int i, byte[] bytes)
    {
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "gongkai-fuzz-failures")).FullName;
        var path = Path.Combine(dir, $"{format}-{i}.{(format == "markdown" ? "md" : format == "text" ? "txt" : format)}");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static List<FuzzInput> Inputs(string format)
    {
        var generated = new[] { ReportTemplate.Y2021, ReportTemplate.Y2019, ReportTemplate.Legacy }
            .Select((t, i) => ReportGenerator.Generate(40 + i, t)).ToList();
        FuzzInput Written(AnnualReport report, int i, byte[] bytes) => new($"{format} {i} ({report.Template.Id()})", format, bytes);
        return format switch
        {
            "text" => [.. Directory.GetFiles(TestFiles.Data("seeds")).Concat(Directory.GetFiles(TestFiles.Data("text"), "*.txt"))
                .Select(f => new FuzzInput(Path.GetFileName(f), format, File.ReadAllBytes(f)))],
            "markdown" => [.. Directory.GetFiles(TestFiles.Data("markdown")).Select(f => new FuzzInput(Path.GetFileName(f), format, File.ReadAllBytes(f)))],
            "html" => [.. Directory.GetFiles(TestFiles.Data("html")).Select(f => new FuzzInput(Path.GetFileName(f), format, File.ReadAllBytes(f)))],
            "json" => [.. generated.Select((r, i) => Written(r, i, Encoding.UTF8.GetBytes(JsonReport.Write(r, [])))) ],
            "csv" => [.. generated.Select((r, i) => Written(r, i, Encoding.UTF8.GetBytes(CsvReport.Write(r, [])))) ],
            "docx" => [.. generated.Select((r, i) => Written(r, i, DocxReport.Write(r)))],
            "pdf" => [.. Directory.GetFiles(Path.Combine(TestFiles.Root, "tests", "Gongkai.Reports.Tests", "Pdf", "Producers"), "*.pdf")
                .Select(f => new FuzzInput(Path.GetFileName(f), format, File.ReadAllBytes(f)))],
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }
}
