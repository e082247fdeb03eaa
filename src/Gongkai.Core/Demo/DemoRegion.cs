using Gongkai.Core.Agencies;
using Gongkai.Domain.Agencies;

namespace Gongkai.Core.Demo;

/// <summary>
/// 示范市: a fictional city with its departments, three districts/counties and their departments and
/// townships. Division codes start with 99, which no real place uses; credit codes carry valid check characters.
/// </summary>
internal sealed class DemoRegion(AgencyService agencies) : IDemoStep
{
    public const string CityCode = "11990100001000010R";
    public int Order => 100;

    private sealed record Node(string Key, string Name, AgencyLevel Level, string Division, string Address, string Phone, Node[] Children)
    {
        public Node(string key, string name, AgencyLevel level, string division, string address, string phone)
            : this(key, name, level, division, address, phone, []) { }
    }

    private static readonly Node City = new("city", "示范市人民政府", AgencyLevel.City, "990100", "示范市政务大道1号", "0999-12345678", [
        new("city.office", "示范市人民政府办公室", AgencyLevel.Department, "990100", "示范市政务大道1号", "0999-12345601"),
        new("city.ndrc", "示范市发展和改革委员会", AgencyLevel.Department, "990100", "示范市政务大道1号", "0999-12345602"),
        new("city.education", "示范市教育局", AgencyLevel.Department, "990100", "示范市文教路18号", "0999-12345603"),
        new("city.police", "示范市公安局", AgencyLevel.Department, "990100", "示范市平安路66号", "0999-12345604"),
        new("city.land", "示范市自然资源和规划局", AgencyLevel.Department, "990100", "示范市规划路9号", "0999-12345605"),
        new("city.environment", "示范市生态环境局", AgencyLevel.Department, "990100", "示范市绿水路3号", "0999-12345606"),
        new("city.housing", "示范市住房和城乡建设局", AgencyLevel.Department, "990100", "示范市建设路20号", "0999-12345607"),
        new("city.health", "示范市卫生健康委员会", AgencyLevel.Department, "990100", "示范市健康路5号", "0999-12345608"),
        new("mingde", "示范市明德区人民政府", AgencyLevel.County, "990102", "示范市明德区明德路100号", "0999-22345678", [
            new("mingde.office", "示范市明德区人民政府办公室", AgencyLevel.Department, "990102", "示范市明德区明德路100号", "0999-22345601"),
            new("mingde.land", "示范市明德区自然资源局", AgencyLevel.Department, "990102", "示范市明德区明德路102号", "0999-22345602"),
            new("mingde.housing", "示范市明德区住房和城乡建设局", AgencyLevel.Department, "990102", "示范市明德区明德路104号", "0999-22345603"),
            new("mingde.wenchang", "示范市明德区文昌街道办事处", AgencyLevel.Township, "990102", "示范市明德区文昌路8号", "0999-22345604"),
            new("mingde.heping", "示范市明德区和平街道办事处", AgencyLevel.Township, "990102", "示范市明德区和平路12号", "0999-22345605"),
        ]),
        new("linjiang", "示范市临江区人民政府", AgencyLevel.County, "990103", "示范市临江区滨江大道200号", "0999-32345678", [
            new("linjiang.office", "示范市临江区人民政府办公室", AgencyLevel.Department, "990103", "示范市临江区滨江大道200号", "0999-32345601"),
            new("linjiang.housing", "示范市临江区住房和城乡建设局", AgencyLevel.Department, "990103", "示范市临江区滨江大道210号", "0999-32345602"),
            new("linjiang.education", "示范市临江区教育局", AgencyLevel.Department, "990103", "示范市临江区学府路6号", "0999-32345603"),
            new("linjiang.binjiang", "示范市临江区滨江街道办事处", AgencyLevel.Township, "990103", "示范市临江区滨江路30号", "0999-32345604"),
            new("linjiang.jiangkou", "示范市临江区江口镇人民政府", AgencyLevel.Township, "990103", "示范市临江区江口镇江口街1号", "0999-32345605"),
        ]),
        new("anlan", "安澜县人民政府", AgencyLevel.County, "990121", "安澜县城关镇县前街1号", "0999-42345678", [
            new("anlan.office", "安澜县人民政府办公室", AgencyLevel.Department, "990121", "安澜县城关镇县前街1号", "0999-42345601"),
            new("anlan.agriculture", "安澜县农业农村局", AgencyLevel.Department, "990121", "安澜县城关镇农丰路9号", "0999-42345602"),
            new("anlan.chengguan", "安澜县城关镇人民政府", AgencyLevel.Township, "990121", "安澜县城关镇人民路15号", "0999-42345603"),
            new("anlan.baishi", "安澜县白石乡人民政府", AgencyLevel.Township, "990121", "安澜县白石乡白石村1号", "0999-42345604"),
        ]),
    ]);

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var sequence = 0;
        await CreateAsync(City, null, context, () => ++sequence, cancellationToken);
        context.Summary.Add($"机关 {context.Agencies.Count} 个（1个市、3个区县及其部门和乡镇街道）");
    }

    private async Task CreateAsync(Node node, Agency? parent, DemoContext context, Func<int> next, CancellationToken cancellationToken)
    {
        var sequence = next();
        var code = CreditCodeFor(node.Division, sequence);
        var officeName = node.Level switch
        {
            AgencyLevel.Province or AgencyLevel.City or AgencyLevel.County => node.Name.Replace("人民政府", "人民政府办公室", StringComparison.Ordinal),
            AgencyLevel.Department => node.Name.EndsWith("办公室", StringComparison.Ordinal) ? node.Name : node.Name + "办公室",
            AgencyLevel.Township => node.Name + "党政办公室",
        };
        var input = new AgencyInput
        {
            ParentId = parent?.Id,
            Name = node.Name,
            Level = node.Level,
            OrganizationCode = code,
            SortOrder = sequence,
            OfficeName = officeName,
            OfficeAddress = node.Address,
            PostalCode = "999" + node.Division[4..] + "0",
            OfficePhone = node.Phone,
            OfficeFax = node.Phone[..^2] + "99",
            OfficeEmail = $"gk{sequence:D3}@shifan.example.gov.cn",
            OfficeHours = "工作日上午9:00—12:00，下午13:30—17:30（法定节假日除外）",
            Guide = DemoGuide.For(node.Name, officeName, node.Address, node.Phone),
        };
        var result = await agencies.CreateAsync(input, context.Actor, cancellationToken);
        var agency = result.Value ?? throw new InvalidOperationException(
            $"演示机关“{node.Name}”无效：" + string.Join(" ", result.Errors.Select(e => e.Message)));
        context.Agencies[node.Key] = agency;
        foreach (var child in node.Children)
            await CreateAsync(child, agency, context, next, cancellationToken);
    }

    /// <summary>11 (机构编制, 机关) + division + a GB 11714 organisation code + the GB 32100 check character.</summary>
    internal static string CreditCodeFor(string division, int sequence)
    {
        var organisation = "0" + division[2..] + "0" + sequence.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        int[] weights = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (organisation[i] - '0') * weights[i];
        var check = (11 - sum % 11) switch { 10 => 'X', 11 => '0', var c => (char)('0' + c) };
        return CreditCode.Complete("11" + division + organisation + check);
    }
}
