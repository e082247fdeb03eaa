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
}

public sealed class Role : IdentityRole<Guid>;
