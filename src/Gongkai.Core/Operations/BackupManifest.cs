using Gongkai.Core.Storage;

namespace Gongkai.Core.Operations;

/// <summary>manifest.json inside a backup archive: enough to refuse restoring onto the wrong kind of database.</summary>
public sealed record BackupManifest(int Format, DatabaseProvider Provider, DateTime CreatedAt, int SchemaVersion, int FileCount)
{
    public const int CurrentFormat = 1;
}
