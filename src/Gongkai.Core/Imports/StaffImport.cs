using Gongkai.Core.Accounts;
using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Imports;

/// <summary>The columns of staff.csv (see docs/import/staff.csv).</summary>
public static class StaffColumns
{
    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new("userName", "用户名", Required: true),
        new("displayName", "姓名", Required: true),
        new("role", "角色", Required: true),
        new("agencyCode", "所属机关统一社会信用代码"),
        new("email", "电子邮箱"),
        new("phone", "手机号码"),
    ];
}

/// <summary>
/// Staff accounts through <see cref="AccountService"/>: each gets a one-time password, handed over
/// once (the import's report) and changed at the first sign-in. Passwords from the old system are
/// never imported: they could not be trusted, and they are not ours to know.
/// </summary>
internal sealed class StaffImport(GongkaiDbContext db, AccountService accounts) : IRowImporter
{
    private readonly List<(string UserName, string Password)> issued = [];
    private int mark;

    public IReadOnlyList<(string UserName, string Password)> Issued => issued;

    public ImportKind Kind => ImportKind.Staff;

    public IReadOnlyList<ImportColumn> Columns => StaffColumns.All;

    public string? KeyOf(ImportRow row) => row.Optional("userName");

    /// <summary>The accounts of the rolled-back call were never created: their passwords are not handed out.</summary>
    public void Forget() => issued.RemoveRange(mark, issued.Count - mark);

    public async Task<IReadOnlyList<RowOutcome>> ImportAsync(IReadOnlyList<ImportRow> rows, ImportContext context, CancellationToken cancellationToken)
    {
        mark = issued.Count;
        var outcomes = new List<RowOutcome>();
        foreach (var row in rows)
        {
            var userName = KeyOf(row)!;
            if (await db.Users.AnyAsync(u => u.NormalizedUserName == userName.ToUpperInvariant(), cancellationToken))
            {
                outcomes.Add(RowOutcome.Existing);
                continue;
            }
            var errors = new List<string>();
            var role = Roles.Staff.FirstOrDefault(r => r == row["role"] || Roles.Label(r) == row["role"]);
            if (role is null) errors.Add($"角色“{row["role"]}”无效，应为{string.Join("、", Roles.Staff.Select(Roles.Label))}之一");
            int? agencyId = null;
            if (row.Optional("agencyCode")?.ToUpperInvariant() is { } code)
            {
                agencyId = await db.Agencies.Where(a => a.OrganizationCode == code).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken);
                if (agencyId is null) errors.Add($"统一社会信用代码为{code}的机关不存在（请先导入机关）");
            }
            if (errors.Count > 0)
            {
                outcomes.Add(RowOutcome.Refuse(string.Join("；", errors)));
                continue;
            }
            var created = await accounts.CreateStaffAsync(new StaffInput
            {
                UserName = userName, DisplayName = row["displayName"], Role = role!, AgencyId = agencyId, Email = row.Optional("email"), PhoneNumber = row.Optional("phone"),
            }, context.Actor, cancellationToken);
            if (created.Value is { } account) issued.Add((account.User.UserName!, account.Password));
            outcomes.Add(created.Succeeded ? RowOutcome.Added : RowOutcome.Refuse(string.Join("；", created.Errors.Select(e => e.Message.TrimEnd('。')))));
        }
        return outcomes;
    }
}
