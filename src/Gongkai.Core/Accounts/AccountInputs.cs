namespace Gongkai.Core.Accounts;

/// <summary>A staff account an administrator creates; the password is generated and shown once.</summary>
public sealed record StaffInput
{
    public string UserName { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Role { get; init; } = Roles.Handler;
    public int? AgencyId { get; init; }
    public string? Email { get; init; }
    public string? PhoneNumber { get; init; }
}

/// <summary>A member of the public registering to make and follow requests.</summary>
public sealed record ApplicantInput
{
    public string UserName { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string? Email { get; init; }
    public string? PhoneNumber { get; init; }
    public string Password { get; init; } = "";
}

/// <summary>An account and the one-time password to hand to its holder.</summary>
public sealed record IssuedPassword(User User, string Password);
