using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.Agencies;

namespace Gongkai.Core.Tests.Agencies;

public sealed class AgencyServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateAsync_ValidCity_SavedWithAuditLine(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var service = scope.ServiceProvider.GetRequiredService<AgencyService>();

        var city = await CreateAsync(service, "示范市人民政府", AgencyLevel.City);

        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        (await db.Agencies.AsNoTracking().SingleAsync()).Name.ShouldBe("示范市人民政府");
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync();
        entry.Action.ShouldBe(AuditAction.AgencyCreated);
        entry.EntityId.ShouldBe(city.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        entry.Summary.ShouldContain("示范市人民政府");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateAsync_InvalidInput_RefusedFieldByField(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var service = scope.ServiceProvider.GetRequiredService<AgencyService>();
        var input = Input("", AgencyLevel.Department) with
        {
            OrganizationCode = "11990100000100011X", OfficePhone = " ", PostalCode = "12345", OfficeEmail = "不是邮箱",
        };

        var result = await service.CreateAsync(input, AuditActor.System);

        result.Succeeded.ShouldBeFalse();
        result.Errors.Select(e => e.Field).ShouldBe(
            ["Name", "OfficePhone", "OrganizationCode", "PostalCode", "OfficeEmail", "ParentId"], ignoreOrder: true);
        result.Errors.Single(e => e.Field == "ParentId").Message.ShouldBe("部门级机关必须有上级机关。");
        (await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().AuditEntries.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateAsync_DuplicateCodeOrTownshipUnderDepartment_Refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var service = scope.ServiceProvider.GetRequiredService<AgencyService>();
        var city = await CreateAsync(service, "示范市人民政府", AgencyLevel.City);
        var department = await CreateAsync(service, "示范市教育局", AgencyLevel.Department, city.Id);

        var duplicate = await service.CreateAsync(Input("另一个市", AgencyLevel.City) with { OrganizationCode = city.OrganizationCode }, AuditActor.System);
        var township = await service.CreateAsync(Input("某街道", AgencyLevel.Township, department.Id), AuditActor.System);

        duplicate.Errors.ShouldHaveSingleItem().Message.ShouldBe("该统一社会信用代码已被其他机关使用。");
        township.Errors.ShouldHaveSingleItem().Message.ShouldBe("乡镇街道级机关不能隶属于部门级机关。");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateAsync_ParentIsOwnDescendant_Refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var service = scope.ServiceProvider.GetRequiredService<AgencyService>();
        var city = await CreateAsync(service, "示范市人民政府", AgencyLevel.City);
        var district = await CreateAsync(service, "明德区人民政府", AgencyLevel.County, city.Id);
        var office = await CreateAsync(service, "明德区人民政府办公室", AgencyLevel.Department, district.Id);

        var result = await service.UpdateAsync(district.Id, AgencyInput.From(district) with { ParentId = office.Id }, AuditActor.System);

        result.Errors.Select(e => e.Message).ShouldContain("不能把机关设为自己或下级机关的下级。");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateAsync_NameAndGuideChanged_AuditNamesTheChanges(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var service = scope.ServiceProvider.GetRequiredService<AgencyService>();
        var city = await CreateAsync(service, "示范市人民政府", AgencyLevel.City);

        var result = await service.UpdateAsync(city.Id, AgencyInput.From(city) with { Name = "示范市政府", Guide = "一、主动公开" }, AuditActor.System);

        result.Succeeded.ShouldBeTrue();
        result.Value!.GuideUpdatedAt.ShouldNotBeNull();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var summary = (await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.AgencyUpdated).SingleAsync()).Summary;
        summary.ShouldBe("修改机关“示范市政府”：名称（原“示范市人民政府”）、政府信息公开指南");
    }
}
