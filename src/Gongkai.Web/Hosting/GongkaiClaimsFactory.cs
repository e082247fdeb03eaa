using System.Globalization;
using System.Security.Claims;
using Gongkai.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Hosting;

/// <summary>Puts the account's agency, display name and "must change password" into the sign-in cookie.</summary>
public sealed class GongkaiClaimsFactory(UserManager<User> users, RoleManager<Role> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, Role>(users, roles, options)
{
    public const string AgencyClaim = "gongkai:agency";
    public const string DisplayNameClaim = "gongkai:name";
    public const string MustChangePasswordClaim = "gongkai:must-change-password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.AgencyId is { } agency) identity.AddClaim(new Claim(AgencyClaim, agency.ToString(CultureInfo.InvariantCulture)));
        if (user.MustChangePassword) identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        return identity;
    }
}
