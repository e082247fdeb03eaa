using Microsoft.AspNetCore.Identity;

namespace Gongkai.Core.Accounts;

/// <summary>Password, lockout and user rules, the same for the web app, the command line and the tests.</summary>
public static class IdentityPolicy
{

    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 5;
        // Identity's lock serves only administrators' 停用 (a lockout end far in the future); failed
        // attempts make the account wait (SignInGuard) and never lock it, so no one can keep staff out.
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = int.MaxValue;
        options.User.RequireUniqueEmail = false;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
        options.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>Identity's error codes in Chinese, for the forms.</summary>
    public static string Describe(IdentityError error) => error.Code switch
    {
        "PasswordTooShort" => "密码至少10位。",
        "PasswordRequiresDigit" => "密码须包含数字。",
        "PasswordRequiresLower" => "密码须包含小写字母。",
        "PasswordRequiresUpper" => "密码须包含大写字母。",
        "PasswordRequiresUniqueChars" => "密码至少包含5个不同字符。",
        "PasswordMismatch" => "当前密码不正确。",
        "DuplicateUserName" => "该用户名已被使用。",
        "InvalidUserName" => "用户名只能包含英文字母、数字和 - . _ @。",
        "DuplicateEmail" => "该电子邮箱已被使用。",
        "InvalidEmail" => "电子邮箱格式不正确。",
        _ => error.Description,
    };
}
