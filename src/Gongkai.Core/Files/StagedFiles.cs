using System.Data.Common;
using Gongkai.Core.Files.Backends;
using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.Core.Files;

/// <summary>
/// The files of one unit of work (a DI scope) written but not yet committed. <see cref="FileStore"/>
/// writes each to the backend as <c>{key}.staged</c>; the scope's DbContext (through the one
/// <see cref="StagedFilesInterceptor"/>) has this move it into place once its record is committed
/// (by the transaction it was saved in, or by a save outside any transaction), and remove it when
/// that transaction rolls back. Whatever is still staged when the scope ends was never committed and
/// is removed. A crash between the commit and the move leaves a staged file whose record exists:
/// <see cref="FileSweep"/> moves it into place.
/// </summary>
public sealed class StagedFiles(IFileBackend backend) : IDisposable, IAsyncDisposable
{
    private sealed class Staged(StoredFile file)
    {
        public StoredFile File { get; } = file;
        public string Key => FileKeys.Staged(File.Id);
        /// <summary>The transaction its record was saved in, once saved.</summary>
        public Guid? SavedIn { get; set; }
    }

    private readonly List<Staged> staged = [];

    /// <summary>Writes the content beside its place; it moves there when its record commits.</summary>
    internal async Task StageAsync(StoredFile file, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await backend.WriteAsync(FileKeys.Staged(file.Id), content, cancellationToken);
        lock (staged)
            staged.Add(new Staged(file));
    }

    /// <summary>The file's key wherever it is now: in place, or still staged in this unit of work.</summary>
    internal string Locate(Guid id)
    {
        lock (staged)
            return staged.FirstOrDefault(s => s.File.Id == id)?.Key ?? FileKeys.Of(id);
    }

    /// <summary>After a save: records saved outside a transaction move into place now; inside one, at its commit.</summary>
    internal async Task SavedAsync(DbContext context)
    {
        foreach (var s in Saved(context)) await Promote(s);
    }

    internal async Task CommittedAsync(Guid transaction)
    {
        foreach (var s in Take(transaction)) await Promote(s);
    }

    internal async Task RolledBackAsync(Guid transaction)
    {
        foreach (var s in Take(transaction)) await Delete(s.Key);
    }

    /// <summary>What was never committed goes.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        List<Staged> left;
        lock (staged)
        {
            left = [.. staged];
            staged.Clear();
        }
        foreach (var s in left) await Delete(s.Key);
    }

    /// <summary>Records just written: returned to be moved into place now if no transaction is open, else marked for its commit.</summary>
    private List<Staged> Saved(DbContext context)
    {
        var transaction = context.Database.CurrentTransaction?.TransactionId;
        lock (staged)
        {
            var saved = staged.Where(s => s.SavedIn is null && context.Entry(s.File).State == EntityState.Unchanged).ToList();
            if (transaction is null)
            {
                saved.ForEach(s => staged.Remove(s));
                return saved;
            }
            saved.ForEach(s => s.SavedIn = transaction);
            return [];
        }
    }

    private List<Staged> Take(Guid transaction)
    {
        lock (staged)
        {
            var ended = staged.Where(s => s.SavedIn == transaction).ToList();
            ended.ForEach(s => staged.Remove(s));
            return ended;
        }
    }

    private Task Promote(Staged s) => backend.MoveAsync(s.Key, FileKeys.Of(s.File.Id), CancellationToken.None);

    private async Task Delete(string key)
    {
        try
        {
            await backend.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or DbException or Amazon.Runtime.AmazonServiceException or HttpRequestException)
        {
            // Left for the sweep, which removes staged files without a record.
        }
    }
}

/// <summary>
/// Hands a DbContext's saves and transaction ends to the <see cref="StagedFiles"/> of its unit of
/// work. One instance for every context, so the context's options are built once for the process
/// rather than for each scope (which cost every request a fresh EF service lookup).
/// </summary>
internal sealed class StagedFilesInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public static readonly StagedFilesInterceptor Instance = new();

    private StagedFilesInterceptor()
    {
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Of(eventData.Context) is { } staged) staged.SavedAsync(eventData.Context!).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Of(eventData.Context) is { } staged) await staged.SavedAsync(eventData.Context!);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Of(eventData.Context)?.CommittedAsync(eventData.TransactionId).GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Of(eventData.Context)?.CommittedAsync(eventData.TransactionId) ?? Task.CompletedTask;

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Of(eventData.Context)?.RolledBackAsync(eventData.TransactionId).GetAwaiter().GetResult();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Of(eventData.Context)?.RolledBackAsync(eventData.TransactionId) ?? Task.CompletedTask;

    private static StagedFiles? Of(DbContext? context) => (context as GongkaiDbContext)?.StagedFiles;
}
