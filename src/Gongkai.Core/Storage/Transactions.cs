using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Core.Storage;

/// <summary>
/// Use cases open a transaction, or join the caller's when there is one (the demo seeder runs many
/// use cases as one transaction), and commit only what they opened.
/// </summary>
public static class Transactions
{
    public static async Task<UseCaseTransaction> BeginOrJoinTransactionAsync(this GongkaiDbContext db, CancellationToken cancellationToken = default) =>
        new(db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null);
}

public sealed class UseCaseTransaction(IDbContextTransaction? owned) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken cancellationToken = default) => owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
