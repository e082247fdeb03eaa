using Gongkai.Core.Storage;

namespace Gongkai.Core.Operations;

/// <summary>manifest.json inside a backup archive: enough to refuse restoring onto the wrong kind of database.</summary>
/// <param name="FilesInDatabase">The files are in the database dump (<c>Gongkai:Files=Database</c>), not in the archive's files/.</param>
public sealed record BackupManifest(int Format, DatabaseProvider Provider, DateTime CreatedAt, int SchemaVersion, int FileCount, bool FilesInDatabase = false)
{
    public const int CurrentFormat = 1;
}
