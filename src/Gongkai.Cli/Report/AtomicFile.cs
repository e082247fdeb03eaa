namespace Gongkai.Cli.Report;

/// <summary>
/// Writes a file whole or not at all: the content goes to a hidden temporary file beside the
/// target, reaches the disk, and only then replaces the target. A crash or a full disk leaves
/// the old file (or none), never half a report for a supervisor to mistake for the real one.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, byte[] content)
    {
        var target = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        // Same directory, so the move is a rename on one file system; the leading dot keeps
        // the temporary file out of batch runs over the directory.
        var temp = Path.Combine(directory, "." + Path.GetFileName(target) + "." + Path.GetRandomFileName() + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
