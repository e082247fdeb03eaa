namespace Gongkai.Reports.Tests;

/// <summary>Files under tests/data, found from the test binaries wherever the build puts them.</summary>
public static class TestFiles
{
    public static string Root { get; } = FindRoot();

    public static string Data(string relative) => Path.Combine(Root, "tests", "data", relative);

    public static string Seed(string number) =>
        Directory.GetFiles(Data("seeds"), number + "_*.txt").Single();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Gongkai.slnx not found above " + AppContext.BaseDirectory);
    }
}
