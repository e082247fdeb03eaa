using System.Data.Common;
using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.Core.Files;

/// <summary>
/// The files of one unit of work (a DI scope) written but not yet committed. <see cref="FileStore"/>
/// writes each to <c>{id}.staged</c> beside its place; this interceptor of the scope's DbContext
/// moves it into place once its record is committed (by the transaction it was saved in, or by a
/// save outside any transaction), and removes it when that transaction rolls back. Whatever is
/// still staged when the scope ends was never committed and is removed. A crash between the commit
/// and the move leaves a staged file whose record exists: <see cref="FileSweep"/> moves it into place.
/// </summary>
public sealed class StagedFiles(StorageSettings storage) : SaveChangesInterceptor, IDbTransactionInterceptor, IDisposable
{
    private sealed class Staged(StoredFile file, string path)
    {
        public StoredFile File { get; } = file;
        public string Path { get; } = path;
        /// <summary>The transaction its record was saved in, once saved.</summary>
        public Guid? SavedIn { get; set; }
    }

    private readonly List<Staged> staged = [];

    public const string Suffix = ".staged";

    /// <summary>Where a stored file lives once committed.</summary>
    public string PathOf(Guid id)
    {
        var name = id.ToString("N");
        return System.IO.Path.Combine(storage.FilesDirectory, name[..2], name);
    }

    /// <summary>Writes the content beside its place; it moves there when its record commits.</summary>
    internal async Task StageAsync(StoredFile file, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = PathOf(file.Id) + Suffix;
        PrivateFiles.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        await using (var output = PrivateFiles.Create(path))
            await output.WriteAsync(content, cancellationToken);
        lock (staged)
            staged.Add(new Staged(file, path));
    }

    /// <summary>The file's bytes wherever they are now: in place, or still staged in this unit of work.</summary>
    internal string Locate(Guid id)
    {
        lock (staged)
            return staged.FirstOrDefault(s => s.File.Id == id)?.Path ?? PathOf(id);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context!);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context!);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.TransactionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.TransactionId);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData.TransactionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RolledBack(eventData.TransactionId);
        return Task.CompletedTask;
    }

    /// <summary>What was never committed goes.</summary>
    public void Dispose()
    {
        lock (staged)
        {
            foreach (var s in staged)
                Delete(s.Path);
            staged.Clear();
        }
    }

    /// <summary>Records just written: in place now if no transaction is open, else when it commits.</summary>
    private void Saved(DbContext context)
    {
        var transaction = context.Database.CurrentTransaction?.TransactionId;
        lock (staged)
        {
            foreach (var s in staged.Where(s => s.SavedIn is null && context.Entry(s.File).State == EntityState.Unchanged).ToList())
            {
                if (transaction is null)
                    Promote(s);
                else
                    s.SavedIn = transaction;
            }
        }
    }

    private void Committed(Guid transaction)
    {
        lock (staged)
        {
            foreach (var s in staged.Where(s => s.SavedIn == transaction).ToList())
                Promote(s);
        }
    }

    private void RolledBack(Guid transaction)
    {
        lock (staged)
        {
            foreach (var s in staged.Where(s => s.SavedIn == transaction).ToList())
            {
                Delete(s.Path);
                staged.Remove(s);
            }
        }
    }

    private void Promote(Staged s)
    {
        File.Move(s.Path, PathOf(s.File.Id), overwrite: true);
        staged.Remove(s);
    }

    private static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the sweep, which removes staged files without a record.
        }
    }
}
