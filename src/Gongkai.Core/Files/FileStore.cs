using System.Security.Cryptography;
using Gongkai.Core.Audit;
using Gongkai.Core.Security;
using Gongkai.Core.Storage;

namespace Gongkai.Core.Files;

/// <summary>
/// Keeps uploaded files under the data folder's files/, named by id (never by what the uploader
/// called them), after <see cref="UploadInspector"/> has decided what they really are.
/// </summary>
public sealed class FileStore(GongkaiDbContext db, StorageSettings storage, UploadInspector inspector, AuditLog audit, TimeProvider clock)
{
    /// <summary>Stores the upload if it is one of the <paramref name="accepted"/> kinds and adds its record to the unit of work; the caller saves.</summary>
    public async Task<Result<StoredFile>> AddAsync(Stream upload, string fileName, IReadOnlyCollection<FileKind> accepted, AuditActor actor,
        CancellationToken cancellationToken = default)
    {
        await using var buffer = new MemoryStream();
        await CopyLimitedAsync(upload, buffer, inspector.MaxBytes + 1, cancellationToken);
        var check = inspector.Inspect(buffer);
        if (check.Kind is not { } kind) return Result<StoredFile>.Failure("File", check.Refusal!);
        if (!accepted.Contains(kind))
            return Result<StoredFile>.Failure("File", $"此处只接受{string.Join("、", accepted.Select(k => k.Label()))}，上传的文件是{kind.Label()}。");

        return Result<StoredFile>.Success(await SaveAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), fileName, kind, actor, cancellationToken));
    }

    /// <summary>
    /// Stores content whose kind another inspector has established — the report engine, for the
    /// published reports a supervisor audits — and adds its record to the unit of work; the caller saves.
    /// </summary>
    public Task<StoredFile> AddRecognisedAsync(byte[] content, string fileName, FileKind kind, AuditActor actor,
        CancellationToken cancellationToken = default) =>
        SaveAsync(content, fileName, kind, actor, cancellationToken);

    private async Task<StoredFile> SaveAsync(ReadOnlyMemory<byte> content, string fileName, FileKind kind, AuditActor actor,
        CancellationToken cancellationToken)
    {
        var file = new StoredFile
        {
            Id = Guid.NewGuid(),
            FileName = SafeName(fileName, kind),
            Kind = kind,
            ContentType = kind.ContentType(),
            Length = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span)),
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedBy = actor.Id,
        };
        var path = PathOf(file.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        await using (var output = File.Create(temporary))
            await output.WriteAsync(content, cancellationToken);
        File.Move(temporary, path, overwrite: true);

        db.StoredFiles.Add(file);
        audit.Record(actor, AuditAction.FileUploaded, nameof(StoredFile), file.Id.ToString(),
            $"上传{kind.Label()}“{file.FileName}”（{file.Length} 字节）");
        return file;
    }

    public Stream OpenRead(StoredFile file) => File.OpenRead(PathOf(file.Id));

    private string PathOf(Guid id)
    {
        var name = id.ToString("N");
        return Path.Combine(storage.FilesDirectory, name[..2], name);
    }

    private static async Task CopyLimitedAsync(Stream source, Stream destination, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while (total < limit && (read = await source.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - total)), cancellationToken)) > 0)
        {
            await destination.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            total += read;
        }
    }

    /// <summary>The name shown on download: the uploader's, without folders or odd characters, with the real type's extension.</summary>
    internal static string SafeName(string fileName, FileKind kind)
    {
        var name = Path.GetFileNameWithoutExtension(fileName.Replace('\\', '/').Split('/')[^1]);
        var clean = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray()).Trim();
        if (clean.Length == 0) clean = "附件";
        if (clean.Length > 100) clean = clean[..100];
        return clean + kind.Extension();
    }
}
