using Gongkai.Reports.Tests;

namespace Gongkai.Cli.Tests;

/// <summary>A scratch directory for one test, removed afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gongkai-cli-" + System.IO.Path.GetRandomFileName());

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Copies a seed in under a name of our choosing.</summary>
    public string CopySeed(string number, string name)
    {
        var target = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        System.IO.File.Copy(TestFiles.Seed(number), target);
        // Seeds are read-only; copies must stay deletable.
        System.IO.File.SetAttributes(target, FileAttributes.Normal);
        return target;
    }

    public string Write(string name, byte[] content)
    {
        var target = File(name);
        System.IO.File.WriteAllBytes(target, content);
        return target;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
