using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Core.Requests.SignOff;

/// <summary>
/// Work that can be undone whether or not the caller has a transaction: a transaction of its own,
/// or a savepoint in the caller's (the demo seeder runs everything in one). Undoing also forgets
/// every tracked entity, whose values may be the undone ones.
/// </summary>
internal sealed class UndoableWork : IAsyncDisposable
{
    private const string Savepoint = "letter_work";
    private readonly GongkaiDbContext db;
    private readonly IDbContextTransaction? owned;
    private bool done;

    private UndoableWork(GongkaiDbContext db, IDbContextTransaction? owned) => (this.db, this.owned) = (db, owned);

    public static async Task<UndoableWork> BeginAsync(GongkaiDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is { } outer)
        {
            await outer.CreateSavepointAsync(Savepoint, cancellationToken);
            return new UndoableWork(db, null);
        }
        return new UndoableWork(db, await db.Database.BeginTransactionAsync(cancellationToken));
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        done = true;
        if (owned is not null)
            await owned.CommitAsync(cancellationToken);
        else
            await db.Database.CurrentTransaction!.ReleaseSavepointAsync(Savepoint, cancellationToken);
    }

    public async Task UndoAsync(CancellationToken cancellationToken)
    {
        if (done)
            return;
        done = true;
        if (owned is not null)
            await owned.RollbackAsync(cancellationToken);
        else
            await db.Database.CurrentTransaction!.RollbackToSavepointAsync(Savepoint, cancellationToken);
        db.ChangeTracker.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await UndoAsync(CancellationToken.None);
        if (owned is not null)
            await owned.DisposeAsync();
    }
}
