using Gongkai.Core.Agencies;
using Gongkai.Domain.Agencies;

namespace Gongkai.Core.Tests.Support;

/// <summary>Valid agency input for tests; each call gets its own credit code.</summary>
public static class Agencies
{
    private static int sequence;

    public static AgencyInput Input(string name, AgencyLevel level, int? parentId = null) => new()
    {
        Name = name,
        Level = level,
        ParentId = parentId,
        OrganizationCode = Code(Interlocked.Increment(ref sequence)),
        OfficeName = name + "办公室",
        OfficeAddress = "示范市政务大道1号",
        OfficePhone = "0999-12345678",
    };

    public static string Code(int n) => CreditCode.Complete("1199010000" + n.ToString("D7", System.Globalization.CultureInfo.InvariantCulture));

    public static async Task<Agency> CreateAsync(AgencyService service, string name, AgencyLevel level, int? parentId = null)
    {
        var result = await service.CreateAsync(Input(name, level, parentId), Gongkai.Core.Audit.AuditActor.System);
        return result.Value ?? throw new InvalidOperationException(string.Join(" ", result.Errors));
    }
}
