using System.Data.Common;
using Gongkai.Core.Files.Backends;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.Core.Files;

/// <summary>
/// The files of one unit of work (a DI scope) written but not yet committed. <see cref="FileStore"/>
/// writes each to the backend as <c>{key}.staged</c>; this interceptor of the scope's DbContext
/// moves it into place once its record is committed (by the transaction it was saved in, or by a
/// save outside any transaction), and removes it when that transaction rolls back. Whatever is
/// still staged when the scope ends was never committed and is removed. A crash between the commit
/// and the move leaves a staged file whose record exists: <see cref="FileSweep"/> moves it into place.
/// </summary>
public sealed class StagedFiles(IFileBackend backend) : SaveChangesInterceptor, IDbTransactionInterceptor, IDisposable, IAsyncDisposable
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

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        foreach (var s in Saved(eventData.Context!)) Promote(s).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        foreach (var s in Saved(eventData.Context!)) await Promote(s);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        foreach (var s in Take(eventData.TransactionId)) Promote(s).GetAwaiter().GetResult();
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        foreach (var s in Take(eventData.TransactionId)) await Promote(s);
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        foreach (var s in Take(eventData.TransactionId)) Delete(s.Key).GetAwaiter().GetResult();
    }

    public async Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        foreach (var s in Take(eventData.TransactionId)) await Delete(s.Key);
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
