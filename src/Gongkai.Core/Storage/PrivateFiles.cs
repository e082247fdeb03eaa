namespace Gongkai.Core.Storage;

/// <summary>
/// Folders and files of the data folder, readable only by the service account on Unix: folders
/// 0700, files 0600, whatever the process's umask. (Windows folders inherit their parent's ACL.)
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder and any missing parents, each owner-only; existing folders are left as they are.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        if (Directory.Exists(path))
            return;
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } parent)
            CreateDirectory(parent);
        Directory.CreateDirectory(path, FolderMode);
    }

    /// <summary>A new file for writing, owner-only, failing if it exists.</summary>
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = FileMode;
        return new FileStream(path, options);
    }

    /// <summary>An empty owner-only file, so that what opens it later (SQLite and its -wal and -shm files) keeps the mode.</summary>
    public static void Touch(string path)
    {
        if (File.Exists(path))
            return;
        try
        {
            using var _ = Create(path);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first.
        }
    }
}
