using Microsoft.AspNetCore.Identity;

namespace Gongkai.Core.Accounts;

/// <summary>An account: staff of an agency, or a public applicant (no agency).</summary>
public sealed class User : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }
    /// <summary>The agency a staff member works for; null for applicants and for the system administrator.</summary>
    public int? AgencyId { get; set; }
    /// <summary>Set for generated passwords (first run, created by an administrator): the next login must change it.</summary>
    public bool MustChangePassword { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Sign-in attempts in a row not (yet) successful; see <see cref="SignInGuard"/>.</summary>
    public int SignInFailures { get; set; }
    /// <summary>No sign-in attempt is taken before this time (UTC).</summary>
    public DateTime? SignInWaitUntil { get; set; }
}

public sealed class Role : IdentityRole<Guid>;
