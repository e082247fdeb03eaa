using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.Agencies;

namespace Gongkai.Core.Tests.Agencies;

public sealed class AgencyScopeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ForAsync_EachRole_SeesItsAgencies(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var service = scope.ServiceProvider.GetRequiredService<AgencyService>();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var city = await CreateAsync(service, "市政府", AgencyLevel.City);
        var cityOffice = await CreateAsync(service, "市政府办公室", AgencyLevel.Department, city.Id);
        var district = await CreateAsync(service, "区政府", AgencyLevel.County, city.Id);
        var districtOffice = await CreateAsync(service, "区政府办公室", AgencyLevel.Department, district.Id);
        var street = await CreateAsync(service, "街道办事处", AgencyLevel.Township, district.Id);

        async Task<int[]> Visible(int? agency, params string[] roles)
        {
            var s = await AgencyScope.ForAsync(db, agency, roles);
            return await s.Apply(db.Agencies, a => a.Id).OrderBy(a => a.Id).Select(a => a.Id).ToArrayAsync();
        }

        (await Visible(null, Roles.Admin)).ShouldBe([city.Id, cityOffice.Id, district.Id, districtOffice.Id, street.Id]);
        (await Visible(city.Id, Roles.Supervisor)).ShouldBe([city.Id, cityOffice.Id, district.Id, districtOffice.Id, street.Id]);
        (await Visible(district.Id, Roles.Supervisor)).ShouldBe([district.Id, districtOffice.Id, street.Id]);
        (await Visible(districtOffice.Id, Roles.Handler)).ShouldBe([districtOffice.Id]);
        (await Visible(cityOffice.Id, Roles.OfficeHead, Roles.Reviewer)).ShouldBe([cityOffice.Id]);
        (await Visible(cityOffice.Id, Roles.Applicant)).ShouldBeEmpty();
        (await Visible(null, Roles.Handler)).ShouldBeEmpty();
    }
}
