using System.Net.Mail;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Accounts;

/// <summary>Creating, registering, locking and resetting accounts, each with its audit line in the same transaction.</summary>
public sealed class AccountService(GongkaiDbContext db, UserManager<User> users, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<IssuedPassword>> CreateStaffAsync(StaffInput input, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        CheckNames(input.UserName, input.DisplayName, errors);
        CheckContact(input.Email, input.PhoneNumber, errors);
        if (!Roles.Staff.Contains(input.Role)) errors.Add(new(nameof(input.Role), "请选择工作人员角色。"));
        Agency? agency = null;
        if (input.AgencyId is { } agencyId)
        {
            agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, cancellationToken);
            if (agency is null) errors.Add(new(nameof(input.AgencyId), "所属机关不存在。"));
        }
        else if (input.Role != Roles.Admin) errors.Add(new(nameof(input.AgencyId), "请选择所属机关。"));
        if (errors.Count > 0) return Result<IssuedPassword>.Failure(errors);

        var password = PasswordGenerator.Create();
        var user = NewUser(input.UserName, input.DisplayName, input.Email, input.PhoneNumber);
        user.AgencyId = input.AgencyId;
        user.MustChangePassword = true;
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var created = await CreateAsync(user, password, input.Role);
        if (!created.Succeeded) return Result<IssuedPassword>.Failure(created.Errors);
        audit.Record(actor, AuditAction.AccountCreated, nameof(User), user.Id.ToString(),
            $"创建{Roles.Label(input.Role)}账号 {user.UserName}（{user.DisplayName}）" + (agency is null ? "" : $"，所属机关“{agency.Name}”"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<IssuedPassword>.Success(new IssuedPassword(user, password));
    }

    public async Task<Result<User>> RegisterApplicantAsync(ApplicantInput input, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        CheckNames(input.UserName, input.DisplayName, errors);
        CheckContact(input.Email, input.PhoneNumber, errors);
        if (errors.Count > 0) return Result<User>.Failure(errors);

        var user = NewUser(input.UserName, input.DisplayName, input.Email, input.PhoneNumber);
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var created = await CreateAsync(user, input.Password, Roles.Applicant);
        if (!created.Succeeded) return Result<User>.Failure(created.Errors);
        audit.Record(actor with { Id = user.Id, Name = user.UserName! }, AuditAction.AccountRegistered, nameof(User),
            user.Id.ToString(), $"申请人注册账号 {user.UserName}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<User>.Success(user);
    }

    /// <summary>Stops (or restores) an account's access. Accounts are never deleted: the audit log names them.</summary>
    public async Task SetLockedAsync(Guid userId, bool locked, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(userId);
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked) await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        audit.Record(actor, locked ? AuditAction.AccountLocked : AuditAction.AccountUnlocked, nameof(User), user.Id.ToString(),
            $"{(locked ? "停用" : "启用")}账号 {user.UserName}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<string> ResetPasswordAsync(Guid userId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(userId);
        var password = PasswordGenerator.Create();
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        await users.RemovePasswordAsync(user);
        var added = await users.AddPasswordAsync(user, password);
        if (!added.Succeeded) throw new InvalidOperationException(string.Join(" ", added.Errors.Select(IdentityPolicy.Describe)));
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        audit.Record(actor, AuditAction.PasswordReset, nameof(User), user.Id.ToString(), $"重置账号 {user.UserName} 的密码");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return password;
    }

    public async Task<Result<User>> ChangePasswordAsync(User user, string currentPassword, string newPassword, AuditActor actor,
        CancellationToken cancellationToken = default)
    {
        if (newPassword == currentPassword)
            return Result<User>.Failure("NewPassword", "新密码不能与当前密码相同。");
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded)
            return Result<User>.Failure(changed.Errors.Select(e => new FieldError(
                e.Code == "PasswordMismatch" ? "CurrentPassword" : "NewPassword", IdentityPolicy.Describe(e))).ToList());
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        audit.Record(actor, AuditAction.PasswordChanged, nameof(User), user.Id.ToString(), $"账号 {user.UserName} 修改了密码");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<User>.Success(user);
    }

    private User NewUser(string userName, string displayName, string? email, string? phone) => new()
    {
        UserName = userName.Trim(),
        DisplayName = displayName.Trim(),
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim(),
        PhoneNumber = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim(),
        CreatedAt = clock.GetUtcNow().UtcDateTime,
        LockoutEnabled = true,
    };

    private async Task<Result<User>> CreateAsync(User user, string password, string role)
    {
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, role);
        return created.Succeeded
            ? Result<User>.Success(user)
            : Result<User>.Failure(created.Errors.Select(e => new FieldError(
                e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password" : "UserName", IdentityPolicy.Describe(e))).ToList());
    }

    private async Task<User> FindAsync(Guid id) =>
        await users.FindByIdAsync(id.ToString()) ?? throw new KeyNotFoundException($"账号 {id} 不存在。");

    private static void CheckNames(string userName, string displayName, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(userName)) errors.Add(new("UserName", "请填写用户名。"));
        else if (userName.Trim().Length is < 3 or > 50) errors.Add(new("UserName", "用户名长度为3至50个字符。"));
        if (string.IsNullOrWhiteSpace(displayName)) errors.Add(new("DisplayName", "请填写姓名。"));
        else if (displayName.Trim().Length > 100) errors.Add(new("DisplayName", "姓名不能超过100个字。"));
    }

    private static void CheckContact(string? email, string? phone, List<FieldError> errors)
    {
        if (!string.IsNullOrWhiteSpace(email) && !MailAddress.TryCreate(email.Trim(), out _))
            errors.Add(new("Email", "电子邮箱格式不正确。"));
        if (!string.IsNullOrWhiteSpace(phone) && !PhoneNumbers.IsPlausible(phone.Trim()))
            errors.Add(new("PhoneNumber", "电话号码格式不正确（手机号11位，固定电话可带区号和分机号）。"));
    }
}
