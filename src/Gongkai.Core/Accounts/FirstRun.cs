using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Accounts;

/// <summary>
/// A fresh database gets its roles and, while no administrator exists, an account <c>admin</c> with a
/// one-time password that must be changed at the first login.
/// </summary>
public sealed class FirstRun(GongkaiDbContext db, UserManager<User> users, RoleManager<Role> roles, AuditLog audit, TimeProvider clock)
{
    public const string AdministratorUserName = "admin";

    public async Task EnsureRolesAsync(CancellationToken cancellationToken = default)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new Role { Name = role });
    }

    /// <summary>Returns the new administrator and its one-time password, or null when an administrator exists.</summary>
    public async Task<IssuedPassword?> EnsureAdministratorAsync(CancellationToken cancellationToken = default)
    {
        await EnsureRolesAsync(cancellationToken);
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return null;

        var userName = await db.Users.AnyAsync(u => u.NormalizedUserName == "ADMIN", cancellationToken)
            ? "admin-" + clock.GetUtcNow().ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture)
            : AdministratorUserName;
        var password = PasswordGenerator.Create();
        var admin = new User
        {
            UserName = userName,
            DisplayName = "系统管理员",
            MustChangePassword = true,
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(admin, password);
        if (created.Succeeded) created = await users.AddToRoleAsync(admin, Roles.Admin);
        if (!created.Succeeded)
            throw new InvalidOperationException("无法创建管理员账号：" + string.Join(" ", created.Errors.Select(IdentityPolicy.Describe)));
        audit.Record(AuditActor.System, AuditAction.SystemInitialised, nameof(User), admin.Id.ToString(),
            $"首次启动，创建系统管理员账号 {userName}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new IssuedPassword(admin, password);
    }
}
