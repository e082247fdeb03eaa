using Gongkai.Core.Storage;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Gongkai.Core.Files.Backends;

/// <summary>Which backend keeps the files (<c>Gongkai:Files</c>): Local (default), Database or S3.</summary>
public enum FileBackendKind
{
    Local,
    Database,
    S3,
}

/// <summary>Reads <c>Gongkai:Files</c> (and <c>Gongkai:S3:*</c>) once and builds the backend.</summary>
public sealed record FileBackendSettings(FileBackendKind Kind, S3Settings? S3 = null)
{
    public static FileBackendSettings FromConfiguration(IConfiguration configuration, StorageSettings storage)
    {
        var name = configuration["Gongkai:Files"];
        var kind = string.IsNullOrWhiteSpace(name)
            ? FileBackendKind.Local
            : Enum.TryParse<FileBackendKind>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new InvalidOperationException($"配置项 Gongkai:Files 的值“{name}”无效，应为 Local、Database 或 S3。");
        if (kind == FileBackendKind.Database && storage.Provider != DatabaseProvider.PostgreSQL)
            throw new InvalidOperationException("Gongkai:Files=Database 需要 PostgreSQL 数据库（Gongkai:Database=PostgreSQL）；SQLite 的文件保存在数据目录中。");
        if (kind != FileBackendKind.S3) return new FileBackendSettings(kind);
        string Required(string key) => configuration[$"Gongkai:S3:{key}"] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"使用 S3 对象存储（Gongkai:Files=S3）时必须配置 Gongkai:S3:{key}。");
        return new FileBackendSettings(kind, new S3Settings(Required("ServiceUrl"), Required("Bucket"), Required("AccessKey"), Required("SecretKey"),
            configuration["Gongkai:S3:Region"] is { Length: > 0 } region ? region : "us-east-1",
            configuration["Gongkai:S3:Prefix"] ?? ""));
    }

    public IFileBackend Create(StorageSettings storage) => Kind switch
    {
        FileBackendKind.Local => new LocalFileBackend(storage),
        FileBackendKind.Database => new DatabaseFileBackend(NpgsqlDataSource.Create(storage.ConnectionString)),
        FileBackendKind.S3 => new S3FileBackend(S3!),
    };
}
