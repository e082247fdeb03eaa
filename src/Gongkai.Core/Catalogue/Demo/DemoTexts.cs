namespace Gongkai.Core.Catalogue.Demo;

/// <summary>The wording of the demo catalogue: duties by kind of agency, and bodies in the shape of real notices and normative documents.</summary>
internal static class DemoTexts
{
    public static string Duties(string key, string agency) => Kind(key) switch
    {
        "government" => $"{agency}是本级国家行政机关，执行本级人民代表大会及其常务委员会的决议和上级国家行政机关的决定、命令，规定行政措施，发布决定和命令；领导所属各工作部门和下级人民政府的工作；管理本行政区域内的经济、教育、科学、文化、卫生、体育、城乡建设、财政、民政、公安、司法行政等行政工作。",
        "office" => $"{agency}负责协助政府领导同志处理政府日常工作；负责政府会议的组织工作；负责政府公文处理、督促检查、政务信息、政务公开和政府信息公开工作；负责政府值班和应急管理的综合协调工作。",
        "ndrc" => $"{agency}负责拟订并组织实施国民经济和社会发展战略、中长期规划和年度计划；统筹提出国民经济和社会发展主要目标；负责固定资产投资综合管理，安排政府投资项目；推进重大项目建设。",
        "education" => $"{agency}负责贯彻执行国家和省、市教育工作的方针政策；统筹规划和指导各级各类教育事业；负责义务教育均衡发展和促进教育公平；指导学校招生入学、教师队伍建设和教育督导工作。",
        "police" => $"{agency}负责预防、制止和侦查违法犯罪活动；维护社会治安秩序；管理户政、出入境、道路交通、消防等工作；指导监督单位内部安全保卫工作。",
        "land" => $"{agency}负责自然资源调查监测评价和统一确权登记；负责国土空间规划和用途管制；负责国有建设用地供应和耕地保护；负责不动产登记工作。",
        "environment" => $"{agency}负责建立健全生态环境基本制度；负责重大生态环境问题的统筹协调和监督管理；负责环境污染防治的监督管理；负责生态环境监测和信息发布。",
        "housing" => $"{agency}负责住房保障和房地产市场监督管理；负责城镇老旧小区改造；负责建筑市场和工程质量安全监督管理；负责住房公积金的政策执行和监督。",
        "health" => $"{agency}负责组织实施国民健康政策；负责公共卫生、医疗服务和应急处置工作；组织实施基本公共卫生服务项目；负责医疗机构和医疗服务行业的监督管理。",
        "agriculture" => $"{agency}负责统筹推进乡村振兴和农业农村现代化；负责粮食等重要农产品生产；负责耕地质量建设和农田水利建设；负责农产品质量安全监督管理。",
        _ => $"{agency}负责本辖区经济社会发展和社会治理工作；负责社会救助、医疗保险参保、退役军人服务等基本公共服务；负责安全生产、防汛抗旱和应急管理的基层工作；负责居民委员会、村民委员会建设指导工作。",
    };

    /// <summary>What an agency does, from its key in the demo region (city.housing → housing).</summary>
    public static string Kind(string key)
    {
        if (!key.Contains('.', StringComparison.Ordinal)) return "government";
        var suffix = key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..];
        return suffix is "office" or "ndrc" or "education" or "police" or "land" or "environment" or "housing" or "health" or "agriculture"
            ? suffix
            : "township";
    }

    public static string Notice(string agency, string subject, params string[] tasks) =>
        $"""
        各有关单位：
        为认真贯彻落实上级决策部署，做好{subject}，现将有关事项通知如下：
        一、提高思想认识。各单位要充分认识做好{subject}的重要意义，切实加强组织领导，明确责任分工，确保各项工作任务落到实处。
        二、突出工作重点。{string.Join("", tasks)}
        三、强化督促检查。{agency}将适时对各单位工作开展情况进行督促检查，对工作推进不力的予以通报。
        四、及时报送情况。请各单位于每季度末将工作进展情况报送{agency}。
        特此通知。
        """;

    public static string Articles(string subject, string basis, params string[] rules)
    {
        string[] numbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
        var articles = new List<string>
        {
            $"第一条　为了规范{subject}，根据{basis}等有关规定，结合本地实际，制定本办法。",
            $"第二条　本行政区域内的{subject}，适用本办法。",
        };
        articles.AddRange(rules.Select((rule, i) => $"第{numbers[i + 2]}条　{rule}"));
        articles.Add($"第{numbers[rules.Length + 2]}条　本办法自印发之日起施行。");
        return string.Join("\n", articles);
    }

    public static string Interpretation(string title, string number, string background, string points) =>
        $"""
        一、起草背景
        {background}
        二、主要依据
        《中华人民共和国行政许可法》《中华人民共和国政府信息公开条例》等法律法规及上级有关文件。
        三、主要内容
        《{title}》（{number}）{points}
        四、施行时间
        本文件自印发之日起施行。如有疑问，请在工作日拨打政府信息公开工作机构电话咨询。
        """;
}
