namespace Gongkai.Core.Requests.Demo;

/// <summary>What people ask each demo agency for: the kinds of requests a disclosure office sees every week.</summary>
internal static class DemoTopics
{
    public static readonly IReadOnlyDictionary<string, string[]> ByAgency = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["city.office"] =
        [
            "请公开示范市人民政府2025年重点工作任务分解方案。",
            "请公开《示范市2026年政府工作报告》所列十项民生实事的完成情况。",
            "请公开示范市人民政府关于明德路片区旧城改造项目的批复文件（示政复〔2025〕18号）。",
            "请公开《示范市机动车停车收费管理办法》的起草说明和征求意见情况。",
            "请公开2025年度示范市市长信箱来信办理情况的统计数据。",
            "请公开示范市人民政府2025年第12次常务会议研究公共交通补贴的会议纪要。",
        ],
        ["city.land"] =
        [
            "请公开明德区文昌路地块（编号MD-2025-07）的国有建设用地使用权出让合同。",
            "请公开临江区滨江村集体土地征收的征地批复文件及补偿安置方案。",
            "请公开《示范市国土空间总体规划（2021—2035年）》的批复文件。",
            "请公开示范市2025年度国有建设用地供应计划。",
            "请公开安澜县白石乡林地占用的审批文件及林地补偿标准。",
            "请公开示范市自然资源和规划局对江口镇工业园区控制性详细规划调整的论证报告。",
        ],
        ["mingde.office"] =
        [
            "请公开明德区2025年老旧小区改造项目清单及各项目资金安排。",
            "请公开明德区人民政府关于文昌街道房屋征收补偿标准的文件。",
            "请公开明德区2025年财政预算执行情况和其他财政收支情况的报告。",
            "请公开明德区和平街道垃圾中转站选址的论证材料和环境影响评价文件。",
        ],
        ["city.police"] =
        [
            "请公开示范市公安局2025年交通违法非现场执法设备的设置地点清单。",
            "请公开示范市公安局办理户籍迁入审批所依据的规范性文件。",
        ],
        ["linjiang.housing"] =
        [
            "请公开临江区滨江花园小区专项维修资金的使用情况。",
            "请公开临江区2025年保障性租赁住房分配结果的公示文件。",
        ],
        ["anlan.chengguan"] =
        [
            "请公开城关镇2025年农村危房改造补助对象名单及补助标准。",
            "请公开城关镇人民路拓宽工程的房屋征收补偿方案。",
        ],
    };

    /// <summary>A description for the n-th request of an agency, varied so the demo's duplicate warnings stay where they are meant to be.</summary>
    public static string For(string agency, int n)
    {
        var topics = ByAgency[agency];
        var text = topics[n % topics.Length];
        return n < topics.Length ? text : text.TrimEnd('。') + (n / topics.Length % 2 == 1 ? "及相关附件。" : "（含2024年度情况）。");
    }
}
