namespace Gongkai.Benchmarks;

/// <summary>The repository's root folder, found from the benchmark's binaries wherever the build puts them.</summary>
internal static class Root
{
    public static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Gongkai.slnx not found");
    }
}
