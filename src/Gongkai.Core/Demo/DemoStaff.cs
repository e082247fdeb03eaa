using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Core.Demo;

/// <summary>Staff in every role across the demo region, and one registered applicant, all with the printed demo password.</summary>
internal sealed class DemoStaff(UserManager<User> users, AuditLog audit) : IDemoStep
{
    public const string Password = "Shifan-2026";
    public int Order => 200;

    private static readonly (string UserName, string Name, string Role, string? Agency, string Phone)[] People =
    [
        ("shi.jiandu", "周建华", Roles.Supervisor, "city", "13900000001"),
        ("shi.zhengfu", "孙丽华", Roles.OfficeHead, "city", "13900000014"),
        ("shi.fuze", "李秀梅", Roles.OfficeHead, "city.office", "13900000002"),
        ("shi.chengban", "王志强", Roles.Handler, "city.office", "13900000003"),
        ("shi.baomi", "陈静", Roles.Reviewer, "city.office", "13900000004"),
        ("ziran.fuze", "刘国栋", Roles.OfficeHead, "city.land", "13900000005"),
        ("ziran.chengban", "赵丽", Roles.Handler, "city.land", "13900000006"),
        ("ziran.baomi", "孙伟", Roles.Reviewer, "city.land", "13900000007"),
        ("ziran.fazhi", "钱正平", Roles.LegalReviewer, "city.land", "13900000014"),
        ("gongan.chengban", "马超", Roles.Handler, "city.police", "13900000008"),
        ("mingde.jiandu", "黄海燕", Roles.Supervisor, "mingde", "13900000009"),
        ("mingde.fuze", "吴明", Roles.OfficeHead, "mingde.office", "13900000010"),
        ("mingde.chengban", "郑晓东", Roles.Handler, "mingde.office", "13900000011"),
        ("linjiang.chengban", "何佳", Roles.Handler, "linjiang.housing", "13900000012"),
        ("anlan.chengban", "林春生", Roles.Handler, "anlan.chengguan", "13900000013"),
        ("zhang.san", "张三", Roles.Applicant, null, "13800000000"),
    ];

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        foreach (var (userName, name, role, agencyKey, phone) in People)
        {
            var agency = agencyKey is null ? null : context.Agencies[agencyKey];
            var user = new User
            {
                UserName = userName,
                DisplayName = name,
                AgencyId = agency?.Id,
                PhoneNumber = phone,
                Email = userName + "@shifan.example.gov.cn",
                LockoutEnabled = true,
                CreatedAt = context.Clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, Password);
            if (created.Succeeded) created = await users.AddToRoleAsync(user, role);
            if (!created.Succeeded)
                throw new InvalidOperationException($"无法创建演示账号 {userName}：" + string.Join(" ", created.Errors.Select(IdentityPolicy.Describe)));
            audit.Record(context.Actor, AuditAction.AccountCreated, nameof(User), user.Id.ToString(),
                $"创建演示{Roles.Label(role)}账号 {userName}（{name}）");
            context.Accounts.Add(new DemoAccount(userName, name, role, agency?.Name, Password));
        }
        context.Summary.Add($"账号 {People.Length} 个（各角色工作人员和1名申请人）");
    }
}
