using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Domain.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Accounts;

/// <summary>An account whose sign-in attempts failed, as administrators see it.</summary>
public sealed record SignInWait(Guid UserId, string UserName, string DisplayName, int Failures, DateTime? WaitUntil);

/// <summary>
/// Slows down password and code guessing per account (<see cref="SignInBackoff"/>), in the database
/// so it holds across servers. Every attempt counts as a failure when it begins and sets the wait
/// for the next at once, so parallel guesses get no more tries than sequential ones; a success
/// clears the count. The account row is written through Identity, whose concurrency stamp makes two
/// attempts that read the same count collide: one wins, the other reads again. Identity's own lock
/// is left to administrators (停用).
/// </summary>
public sealed class SignInGuard(UserManager<User> users, GongkaiDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// Begins an attempt for <paramref name="user"/> (as loaded by <see cref="UserManager{TUser}"/> in
    /// this scope): false while the account must wait. A true answer has counted the attempt.
    /// </summary>
    public async Task<bool> TryBeginAsync(User user, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (user.SignInWaitUntil > now)
                return false;
            user.SignInFailures++;
            user.SignInWaitUntil = SignInBackoff.After(user.SignInFailures) is { Ticks: > 0 } wait ? now + wait : null;
            if (await SaveAsync(user, cancellationToken))
                return true;
        }
    }

    /// <summary>
    /// A name without an account: check the password against a throw-away hash all the same, so the
    /// time the answer takes does not tell whether the name exists.
    /// </summary>
    public void CheckNoAccount(string password) =>
        users.PasswordHasher.VerifyHashedPassword(Decoy.Value.User, Decoy.Value.Hash, password);

    private static readonly Lazy<(User User, string Hash)> Decoy = new(() =>
    {
        var user = new User { DisplayName = "", UserName = "-" };
        return (user, new PasswordHasher<User>().HashPassword(user, Guid.NewGuid().ToString()));
    });

    /// <summary>The attempt succeeded: the next starts afresh.</summary>
    public async Task SucceededAsync(User user, CancellationToken cancellationToken = default)
    {
        do
        {
            if (user.SignInFailures == 0 && user.SignInWaitUntil is null)
                return;
            user.SignInFailures = 0;
            user.SignInWaitUntil = null;
        }
        while (!await SaveAsync(user, cancellationToken));
    }

    /// <summary>Accounts with failed attempts, those waiting longest first.</summary>
    public async Task<IReadOnlyList<SignInWait>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Users.AsNoTracking().Where(u => u.SignInFailures > 0)
            .Select(u => new SignInWait(u.Id, u.UserName ?? "", u.DisplayName, u.SignInFailures, u.SignInWaitUntil)).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.WaitUntil ?? DateTime.MinValue).ThenByDescending(r => r.Failures).ThenBy(r => r.UserName, StringComparer.Ordinal)];
    }

    /// <summary>An administrator lets the account try again at once (its owner called, say).</summary>
    public async Task<bool> ClearAsync(string userName, AuditActor actor, CancellationToken cancellationToken = default)
    {
        if (await users.FindByNameAsync(userName.Trim()) is not { } user)
            return false;
        var failures = user.SignInFailures;
        await SucceededAsync(user, cancellationToken);
        await audit.RecordNowAsync(actor, AuditAction.SignInWaitCleared, nameof(User), user.Id.ToString(),
            $"清除账号 {user.UserName} 的登录失败记录（{failures}次），可立即登录", cancellationToken);
        return true;
    }

    /// <summary>Writes the account; false when another attempt wrote it first (it is then read again).</summary>
    private async Task<bool> SaveAsync(User user, CancellationToken cancellationToken)
    {
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
            return true;
        if (result.Errors.All(e => e.Code != nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        await db.Entry(user).ReloadAsync(cancellationToken);
        return false;
    }
}
