using System.Globalization;
using System.Text;
using Gongkai.Domain.Catalogue;

namespace Gongkai.Benchmarks.Catalogue;

/// <summary>One generated document's text and metadata.</summary>
internal sealed record GeneratedText(string Title, string Body, Topic Topic, DocumentKind Kind, string? Number, string Keywords);

/// <summary>
/// Text in the shape of a local government's catalogue: notices, announcements, plans, budgets and
/// normative documents on the subjects agencies publish about, with the recurring vocabulary
/// (通知, 工作, 关于…) that makes some words very common and others rare, as in a real catalogue.
/// Seeded, so every generated catalogue is the same.
/// </summary>
internal sealed class Corpus(int seed)
{
    private readonly Random random = new(seed);

    private static readonly (Topic Topic, string[] Themes)[] Subjects =
    [
        (Topic.ConstructionAndEnvironment, ["住房公积金", "老旧小区改造", "保障性租赁住房", "城市更新", "生活垃圾分类", "大气污染防治", "建筑施工安全", "物业管理", "城市排水防涝", "农村危房改造"]),
        (Topic.ScienceAndEducation, ["义务教育招生入学", "学前教育", "职业教育", "科技创新", "高新技术企业认定", "教师招聘", "校园安全", "课后服务"]),
        (Topic.HealthAndSports, ["基本公共卫生服务", "城乡居民医疗保险", "疫苗接种", "全民健身", "家庭医生签约服务", "医疗机构监督", "爱国卫生运动"]),
        (Topic.AgricultureForestryWater, ["春耕生产", "高标准农田建设", "防汛抗旱", "乡村振兴", "农村人居环境整治", "森林防火", "河长制"]),
        (Topic.FinanceAndAudit, ["部门预算", "部门决算", "政府采购", "审计整改", "专项资金管理", "政府债务", "惠民惠农财政补贴"]),
        (Topic.MarketAndSafetyRegulation, ["安全生产", "食品安全", "特种设备安全", "消防安全", "药品监管", "价格监督检查"]),
        (Topic.LabourAndPersonnel, ["就业创业", "社会保险", "公务员招录", "人才引进", "最低工资标准", "根治欠薪", "事业单位公开招聘"]),
        (Topic.CivilAffairsAndRelief, ["社会救助", "养老服务", "残疾人两项补贴", "殡葬管理", "救灾物资储备", "低保对象动态管理"]),
        (Topic.IndustryAndTransport, ["道路交通管理", "公交线路调整", "工业企业技术改造", "城市道路施工", "农村公路养护", "新能源汽车推广"]),
        (Topic.EconomyAndStateAssets, ["重点建设项目", "优化营商环境", "国有资产管理", "招商引资", "统计调查", "服务业发展"]),
        (Topic.SecurityAndJustice, ["行政处罚", "普法宣传", "治安管理", "户籍管理", "行政复议", "矛盾纠纷排查化解"]),
        (Topic.General, ["政务公开", "政府工作报告", "机构职能", "人事任免", "重点工作督查", "政务服务事项"]),
        (Topic.LandAndEnergy, ["国有建设用地供应", "不动产登记", "耕地保护", "国土空间规划", "矿产资源管理"]),
        (Topic.CultureAndMedia, ["文物保护", "公共文化服务", "非物质文化遗产", "城市书房", "广播电视公共服务"]),
    ];

    /// <summary>Every theme, with its 主题分类: the words the search workload looks for.</summary>
    public static IEnumerable<(Topic Topic, string Theme)> Themes => Subjects.SelectMany(s => s.Themes.Select(t => (s.Topic, t)));

    private static readonly string[] Verbs = ["做好", "加强", "推进", "规范", "开展", "进一步做好", "切实加强", "全面推进", "深入开展", "组织实施"];
    private static readonly string[] Forms = ["通知", "通知", "通知", "通告", "公告", "公示", "意见", "实施方案", "工作要点", "情况报告", "批复", "决定"];
    private static readonly string[] Opening =
    [
        "为贯彻落实党中央、国务院决策部署和省委、省政府工作要求，", "根据有关法律法规和上级文件精神，结合本地实际，",
        "为进一步提升公共服务水平，切实保障人民群众合法权益，", "经研究决定，",
    ];
    private static readonly string[] Sentences =
    [
        "各有关单位要高度重视，切实加强组织领导，明确责任分工，确保各项工作任务落到实处。", "请各区人民政府、市政府各部门认真贯彻执行。",
        "本办法自印发之日起施行。", "对违反本规定的，依法依规追究相关单位和人员的责任。", "要加大资金投入，完善配套政策，强化监督检查。",
        "建立健全长效机制，持续提升群众满意度。", "有关情况请及时报送市人民政府办公室。", "坚持以人民为中心的发展思想，统筹发展和安全。",
        "各级各部门要加强协调配合，形成工作合力。", "进一步优化审批流程，压缩办理时限，推行“一网通办”。", "公众可通过政务服务网站查询办理进度。",
        "对符合条件的申请人按规定给予补贴。", "要加强宣传引导，及时回应社会关切。", "相关数据以统计部门公布的为准。", "联系电话：0999-12345678。",
        "申请人应当如实提供有关材料，并对材料的真实性负责。", "工作中遇到的问题，请及时与主管部门联系。", "本通知由市人民政府办公室负责解释。",
    ];
    private static readonly string[] Headings = ["一、总体要求", "二、主要任务", "三、保障措施", "四、工作安排", "五、其他事项"];

    public GeneratedText Next(string agency, string numberPrefix, int year, ref int numberSerial)
    {
        var (topic, themes) = Subjects[random.Next(Subjects.Length)];
        var theme = themes[random.Next(themes.Length)];
        var roll = random.NextDouble();
        var kind = roll < 0.04 ? DocumentKind.NormativeDocument : roll < 0.045 ? DocumentKind.Rule : roll < 0.07 ? DocumentKind.Interpretation : DocumentKind.Ordinary;
        var form = Forms[random.Next(Forms.Length)];
        var title = kind switch
        {
            DocumentKind.NormativeDocument => $"{Short(agency)}{theme}管理办法",
            DocumentKind.Rule => $"{Short(agency)}{theme}规定",
            DocumentKind.Interpretation => $"《{Short(agency)}{theme}管理办法》政策解读",
            DocumentKind.Ordinary => random.Next(4) switch
            {
                0 => $"{agency}关于{Verbs[random.Next(Verbs.Length)]}{year}年{theme}工作的{form}",
                1 => $"关于{theme}有关事项的{form}",
                2 => $"{agency}{year}年{theme}情况公示",
                _ => $"{agency}{year}年{theme}{(form is "通知" or "通告" ? "工作方案" : form)}",
            },
        };
        var number = kind is DocumentKind.NormativeDocument or DocumentKind.Rule || random.Next(3) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{numberPrefix}〔{year}〕{++numberSerial}号")
            : null;
        return new GeneratedText(title, Body(theme, agency), topic, kind, number, theme);
    }

    /// <summary>A body of about 200 to 3,000 characters (log-normal, median about 600), in paragraphs.</summary>
    private string Body(string theme, string agency)
    {
        var target = (int)Math.Clamp(Math.Exp(6.4 + 0.6 * Gaussian()), 200, 3000);
        var sb = new StringBuilder();
        sb.Append(Opening[random.Next(Opening.Length)]).Append("做好").Append(theme).Append("工作，现将有关事项通知如下：\n");
        var heading = 0;
        while (sb.Length < target)
        {
            if (random.Next(5) == 0 && heading < Headings.Length) sb.Append(Headings[heading++]).Append('\n');
            var count = 1 + random.Next(3);
            for (var i = 0; i < count; i++)
            {
                var s = Sentences[random.Next(Sentences.Length)];
                if (random.Next(3) == 0) sb.Append("围绕").Append(theme).Append("，");
                sb.Append(s);
            }
            if (random.Next(4) == 0)
                sb.Append(string.Create(CultureInfo.InvariantCulture, $"截至{2016 + random.Next(10)}年底，共完成{theme}相关事项{random.Next(10, 5000)}项，涉及资金{random.Next(10, 9000)}万元。"));
            sb.Append('\n');
        }
        sb.Append(agency);
        return sb.ToString();
    }

    private static string Short(string agency) => agency.Replace("人民政府", "", StringComparison.Ordinal);

    private double Gaussian() =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Sin(2.0 * Math.PI * random.NextDouble());

    public int NextInt(int max) => random.Next(max);

    public double NextDouble() => random.NextDouble();
}
