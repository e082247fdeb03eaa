using System.Security.Cryptography;
using Gongkai.Core.Audit;
using Gongkai.Core.Files.Backends;
using Gongkai.Core.Security;
using Gongkai.Core.Storage;

namespace Gongkai.Core.Files;

/// <summary>An upload whose kind <see cref="UploadInspector"/> established, not yet stored.</summary>
public sealed record InspectedUpload(ReadOnlyMemory<byte> Content, string FileName, FileKind Kind);

/// <summary>
/// Keeps uploaded files in the configured backend (the data folder's files/ by default), named by id (never by what the uploader
/// called them), after <see cref="UploadInspector"/> has decided what they really are. A file is
/// staged with its record and moves into place only when the record commits (<see cref="StagedFiles"/>),
/// so a refused or failed submission leaves nothing behind.
/// </summary>
public sealed class FileStore(GongkaiDbContext db, StagedFiles staged, IFileBackend backend, UploadInspector inspector, AuditLog audit, TimeProvider clock)
{
    /// <summary>Stores the upload if it is one of the <paramref name="accepted"/> kinds and adds its record to the unit of work; the caller saves.</summary>
    public async Task<Result<StoredFile>> AddAsync(Stream upload, string fileName, IReadOnlyCollection<FileKind> accepted, AuditActor actor,
        CancellationToken cancellationToken = default)
    {
        var inspected = await InspectAsync(upload, fileName, accepted, cancellationToken);
        return inspected.Value is { } file
            ? Result<StoredFile>.Success(await AddAsync(file, actor, cancellationToken))
            : Result<StoredFile>.Failure(inspected.Errors);
    }

    /// <summary>
    /// Reads and recognises an upload without storing anything, so every file of a submission can
    /// be checked before any is stored.
    /// </summary>
    public async Task<Result<InspectedUpload>> InspectAsync(Stream upload, string fileName, IReadOnlyCollection<FileKind> accepted,
        CancellationToken cancellationToken = default)
    {
        var buffer = new MemoryStream();
        await CopyLimitedAsync(upload, buffer, inspector.MaxBytes + 1, cancellationToken);
        var check = inspector.Inspect(buffer);
        if (check.Kind is not { } kind) return Result<InspectedUpload>.Failure("File", check.Refusal!);
        if (!accepted.Contains(kind))
            return Result<InspectedUpload>.Failure("File", $"此处只接受{string.Join("、", accepted.Select(k => k.Label()))}，上传的文件是{kind.Label()}。");
        return Result<InspectedUpload>.Success(new InspectedUpload(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), fileName, kind));
    }

    /// <summary>Stores an inspected upload and adds its record to the unit of work; the caller saves.</summary>
    public Task<StoredFile> AddAsync(InspectedUpload upload, AuditActor actor, CancellationToken cancellationToken = default) =>
        SaveAsync(upload.Content, upload.FileName, upload.Kind, actor, cancellationToken);

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
        await staged.StageAsync(file, content, cancellationToken);
        db.StoredFiles.Add(file);
        audit.Record(actor, AuditAction.FileUploaded, nameof(StoredFile), file.Id.ToString(),
            $"上传{kind.Label()}“{file.FileName}”（{file.Length} 字节）");
        return file;
    }

    /// <summary>The file's bytes, from whichever backend keeps them (<see cref="IFileBackend"/>).</summary>
    public async Task<Stream> OpenReadAsync(StoredFile file, CancellationToken cancellationToken = default) =>
        await backend.OpenReadAsync(staged.Locate(file.Id), cancellationToken)
            ?? throw new FileNotFoundException($"文件“{file.FileName}”（{file.Id}）不在{backend.Name}中。");

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
