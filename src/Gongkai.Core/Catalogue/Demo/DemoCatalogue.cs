using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Demo;
using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Catalogue.Demo;

/// <summary>
/// The demo region's catalogue: every agency's 公开目录 categories, duties, budgets and notices over
/// the last years; normative documents with their lives (a 规章, a revision that replaces its
/// predecessor, a term that ran out, a repeal by decision) and their 政策解读; and work in hand —
/// a draft in review, one approved, and a draft past Article 26's 20 working days with a wrong
/// word in it. Everything goes through the real use cases, with the clock set to each day.
/// </summary>
internal sealed class DemoCatalogue(IServiceProvider services, GongkaiDbContext db, TimeProvider clock) : IDemoStep
{
    public int Order => 510;

    private sealed record Attachment(string Name, string Title, string[][] Rows);

    private sealed record Item(string Key, string Agency, DateOnly Published, string Title, DocumentKind Kind, Topic Topic, string Category, string Body,
        string? Number = null, DateOnly? Issued = null, DateOnly? ValidUntil = null, string? Interprets = null, string? Replaces = null,
        string? Keywords = null, Attachment? File = null);

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var demoClock = new DemoClock(clock.GetUtcNow());
        var drafts = ActivatorUtilities.CreateInstance<DocumentDrafts>(services, demoClock);
        var publishing = ActivatorUtilities.CreateInstance<Publishing>(services, demoClock);
        var validity = ActivatorUtilities.CreateInstance<DocumentValidity>(services, demoClock);
        var categories = services.GetRequiredService<CatalogueCategories>();
        var today = Beijing.Today(clock);
        var handler = await ActorAsync("shi.chengban", "演示承办人", cancellationToken);
        var reviewer = await ActorAsync("shi.baomi", "演示保密审查员", cancellationToken);
        CatalogueUser As(AuditActor actor, string role, string agency) =>
            new(actor, [role], context.Agencies[agency].Id, AgencyScope.Everything);

        var categoryIds = new Dictionary<(string Agency, string Name), int>();
        foreach (var (key, agency) in context.Agencies)
        {
            await categories.UseDefaultsAsync(agency.Id, As(context.Actor, Roles.Admin, key), cancellationToken);
            foreach (var c in await categories.ListAsync(agency.Id, cancellationToken)) categoryIds[(key, c.Name)] = c.Id;
        }

        var published = new Dictionary<string, Document>(StringComparer.Ordinal);
        var items = Items(context, today).Where(i => i.Published < today).OrderBy(i => i.Published).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();
        var minute = 0;
        foreach (var item in items)
        {
            var writer = As(handler, Roles.Handler, item.Agency);
            demoClock.Set(item.Published.AddDays(-2), 9, 0);
            var document = Check(await drafts.CreateAsync(Input(item, context.Agencies[item.Agency].Id, categoryIds, published), writer, cancellationToken), item.Title);
            if (item.File is { } file)
            {
                using var content = new MemoryStream(DemoAttachments.Docx(file.Title, file.Rows));
                document = Check(await drafts.AddAttachmentAsync(document.Id, document.Version, content, file.Name, writer, cancellationToken), item.Title);
            }
            demoClock.Set(item.Published.AddDays(-1), 10, 0);
            document = Check(await publishing.SubmitAsync(document.Id, document.Version, writer, cancellationToken), item.Title);
            demoClock.Set(item.Published.AddDays(-1), 15, 0);
            document = Check(await publishing.ApproveAsync(document.Id, document.Version, null, As(reviewer, Roles.Reviewer, item.Agency), cancellationToken), item.Title);
            demoClock.Set(item.Published, 9, minute++ % 60);
            published[item.Key] = Check(await publishing.PublishAsync(document.Id, document.Version, writer, cancellationToken), item.Title);
            DemoSeeder.ForgetSavedRows(db);
        }

        if (published.TryGetValue("repeal-decision", out var decision) && published.TryGetValue("road-digging", out var repealed))
        {
            demoClock.Set(decision.PublishedOn!.Value, 16, 0);
            Check(await validity.ChangeAsync(repealed.Id, repealed.Version,
                new ValidityInput(repealed.ValidUntil, decision.PublishedOn, $"依据《{decision.Title}》（{decision.DocumentNumber}）"),
                As(handler, Roles.Handler, "city"), cancellationToken), repealed.Title);
        }

        var pending = await PendingAsync(context, today, demoClock, drafts, publishing, categoryIds, handler, reviewer, cancellationToken);
        context.Summary.Add($"主动公开政府信息 {published.Count} 条（含规章、行政规范性文件和政策解读），待办 {pending} 条（其中1条超过20个工作日未发布）");
    }

    /// <summary>Work in hand in the city government's office, where the demo's handler and reviewer work.</summary>
    private static async Task<int> PendingAsync(DemoContext context, DateOnly today, DemoClock demoClock, DocumentDrafts drafts, Publishing publishing,
        Dictionary<(string, string), int> categories, AuditActor handler, AuditActor reviewer, CancellationToken cancellationToken)
    {
        var office = context.Agencies["city.office"];
        CatalogueUser As(AuditActor actor, string role, string agency) => new(actor, [role], context.Agencies[agency].Id, AgencyScope.Everything);
        DocumentInput Draft(string agency, string title, Topic topic, string category, string body) => new()
        {
            AgencyId = context.Agencies[agency].Id, Title = title, Kind = DocumentKind.Ordinary, Topic = topic,
            CategoryId = categories[(agency, category)], Body = body,
        };

        demoClock.Set(today.AddDays(-45), 10, 0);
        Check(await drafts.CreateAsync(Draft("city.office", $"示范市政务服务事项目录（{today.Year}年版）", Topic.General, "公共服务",
            $"为进一步优化营商环境，方便企业和群众办事，{office.Name}会同市级有关部门对政务服务事项进行了全面梳理。截止目前，全市共梳理政务服务事项1386项，其中行政许可事项412项、公共服务事项974项。现将《示范市政务服务事项目录（{today.Year}年版）》予以公布。"),
            As(handler, Roles.Handler, "city.office"), cancellationToken), "政务服务事项目录");

        demoClock.Set(today.AddDays(-6), 9, 30);
        var land = Check(await drafts.CreateAsync(Draft("city.land", $"示范市{today.Year}年度国有建设用地供应计划（第二批）", Topic.LandAndEnergy, "规划计划",
            "根据国土空间规划和土地利用年度计划，结合建设项目用地需求，编制本批国有建设用地供应计划。本批计划供应国有建设用地42.6公顷，其中住宅用地15.2公顷、工矿仓储用地18.7公顷、公共管理与公共服务用地8.7公顷。"),
            As(handler, Roles.Handler, "city.land"), cancellationToken), "供应计划");
        land = Check(await publishing.SubmitAsync(land.Id, land.Version, As(handler, Roles.Handler, "city.land"), cancellationToken), "供应计划");
        demoClock.Set(today.AddDays(-5), 14, 0);
        Check(await publishing.ApproveAsync(land.Id, land.Version, "经审查，不涉及国家秘密和工作秘密，同意公开。", As(reviewer, Roles.Reviewer, "city.land"), cancellationToken), "供应计划");

        demoClock.Set(today.AddDays(-3), 11, 0);
        var flood = Check(await drafts.CreateAsync(Draft("city.office", $"示范市人民政府办公室关于做好{today.Year}年防汛抗旱工作的通知", Topic.AgricultureForestryWater, "应急管理",
            DemoTexts.Notice(office.Name, $"{today.Year}年防汛抗旱工作", "各地要全面排查水库、堤防、山洪灾害危险区等风险隐患，建立问题清单，逐项落实整改措施；", "要修订完善防汛抗旱应急预案，充实抢险队伍和物资储备，汛期严格执行24小时值班和领导带班制度。")),
            As(handler, Roles.Handler, "city.office"), cancellationToken), "防汛抗旱");
        Check(await publishing.SubmitAsync(flood.Id, flood.Version, As(handler, Roles.Handler, "city.office"), cancellationToken), "防汛抗旱");

        demoClock.Set(today.AddDays(-1), 16, 0);
        Check(await drafts.CreateAsync(Draft("mingde.office", $"明德区{today.Year}年民生实事项目征集公告", Topic.General, "公共服务",
            "为广泛听取群众意见，科学确定年度民生实事项目，现面向社会公开征集民生实事项目建议。征集内容包括教育、医疗、养老、住房、交通、生态环境等领域。"),
            As(handler, Roles.Handler, "mingde.office"), cancellationToken), "民生实事");
        return 4;
    }

    private static DocumentInput Input(Item item, int agencyId, Dictionary<(string, string), int> categories, Dictionary<string, Document> published) => new()
    {
        AgencyId = agencyId,
        Title = item.Title,
        Kind = item.Kind,
        Topic = item.Topic,
        CategoryId = categories[(item.Agency, item.Category)],
        DocumentNumber = item.Number,
        IssuedOn = item.Issued ?? (item.Number is null ? null : item.Published.AddDays(-7)),
        ValidUntil = item.ValidUntil,
        Keywords = item.Keywords,
        Body = item.Body,
        Interprets = item.Interprets is { } i ? published[i].IndexNumber : null,
        Replaces = item.Replaces is { } r ? published[r].IndexNumber : null,
    };

    private static IEnumerable<Item> Items(DemoContext context, DateOnly today)
    {
        var y = today.Year;
        DateOnly D(int years, int month, int day) => new(y + years, month, day);
        string Name(string key) => context.Agencies[key].Name;

        foreach (var (key, agency) in context.Agencies)
        {
            var kind = DemoTexts.Kind(key);
            yield return new Item($"{key}.duties", key, D(-3, 1, 10 + agency.SortOrder % 18), $"{agency.Name}主要职责和内设机构", DocumentKind.Ordinary,
                Topic.General, "机构职能", DemoTexts.Duties(key, agency.Name), Keywords: "机构职能");
            foreach (var year in new[] { y - 1, y })
            {
                yield return new Item($"{key}.budget{year}", key, new DateOnly(year, 2, 10 + agency.SortOrder % 15), $"{agency.Name}{year}年部门预算公开",
                    DocumentKind.Ordinary, Topic.FinanceAndAudit, "财政信息",
                    $"根据预算法和财政部门关于预算公开的要求，现将{agency.Name}{year}年部门预算公开如下。{year}年本部门收入预算、支出预算均按照“量入为出、收支平衡”的原则编制，“三公”经费预算较上年下降。具体数据见附件。",
                    Keywords: "部门预算,三公经费",
                    File: new Attachment($"{year}年部门预算表.docx", $"{agency.Name}{year}年部门预算表",
                        [["项目", "预算数（万元）"], ["一般公共预算拨款", (320 + agency.SortOrder * 17).ToString(System.Globalization.CultureInfo.InvariantCulture)],
                         ["其中：“三公”经费", (6 + agency.SortOrder % 5).ToString(System.Globalization.CultureInfo.InvariantCulture)]]));
            }
            yield return new Item($"{key}.openness", key, D(-1, 4, 1 + agency.SortOrder % 25), $"{agency.Name}{y - 1}年政务公开工作要点", DocumentKind.Ordinary,
                Topic.General, "规划计划",
                DemoTexts.Notice(agency.Name, $"{y - 1}年政务公开工作", "要围绕重大决策部署加强政策发布解读，做好规范性文件集中统一公开；", "要严格落实保密审查制度，坚持先审查、后公开，严防泄密和侵犯个人隐私。"),
                Keywords: "政务公开");
            if (Notice(kind, agency.Name, y) is var (title, topic, category, body))
                yield return new Item($"{key}.notice", key, D(-1, 6, 1 + agency.SortOrder % 25), title, DocumentKind.Ordinary, topic, category, body);
        }

        // The city government's normative documents and their lives.
        yield return new Item("water-rule", "city", D(-3, 4, 18), "示范市城市供水管理办法", DocumentKind.Rule, Topic.ConstructionAndEnvironment, "法规文件",
            DemoTexts.Articles("城市供水、用水和供水设施保护", "《城市供水条例》",
                "市住房和城乡建设行政主管部门负责本市城市供水的监督管理工作。", "城市供水企业应当保障供水水质符合国家生活饮用水卫生标准。",
                "任何单位和个人不得擅自改装、迁移或者拆除城市公共供水设施。"),
            Number: "示范市人民政府令第3号", Keywords: "城市供水");
        yield return new Item("fund-2", "city", D(-2, 5, 20), "示范市住房公积金管理办法", DocumentKind.NormativeDocument, Topic.ConstructionAndEnvironment, "法规文件",
            DemoTexts.Articles("住房公积金的缴存、提取和使用", "《住房公积金管理条例》",
                "职工和单位住房公积金的缴存比例均不低于5%，不高于12%。", "职工购买、建造、翻建、大修自住住房的，可以提取本人住房公积金账户内的存储余额。",
                "缴存职工购买首套自住住房的，可以申请住房公积金个人住房贷款。"),
            Number: $"示府规〔{y - 2}〕2号", Keywords: "住房公积金");
        yield return new Item("fund-revised", "city", today.AddDays(-25), "示范市住房公积金管理办法", DocumentKind.NormativeDocument, Topic.ConstructionAndEnvironment, "法规文件",
            DemoTexts.Articles("住房公积金的缴存、提取和使用", "《住房公积金管理条例》",
                "职工和单位住房公积金的缴存比例均不低于5%，不高于12%；缴存基数上限为上一年度全市城镇非私营单位就业人员月平均工资的3倍。",
                "职工租赁住房的，可以按月提取住房公积金支付房租。", "缴存职工购买首套自住住房的，住房公积金个人住房贷款最高额度调整为80万元。"),
            Number: $"示府规〔{today.AddDays(-25).Year}〕1号", Replaces: "fund-2", Keywords: "住房公积金,租房提取");
        yield return new Item("fund-explained", "city.housing", today.AddDays(-24), "《示范市住房公积金管理办法》政策解读", DocumentKind.Interpretation,
            Topic.ConstructionAndEnvironment, "政策解读",
            DemoTexts.Interpretation("示范市住房公积金管理办法", $"示府规〔{today.AddDays(-25).Year}〕1号",
                "原办法施行以来，在支持缴存职工解决住房问题方面发挥了重要作用。为更好满足缴存职工租房和购房需求，对原办法进行了修订。",
                "主要调整了三方面内容：一是明确缴存基数上限；二是支持按月提取住房公积金支付房租；三是提高首套住房公积金贷款最高额度。"),
            Interprets: "fund-revised", Keywords: "住房公积金");
        yield return new Item("sme-measures", "city", D(-3, 6, 8), "示范市促进中小企业发展若干措施", DocumentKind.NormativeDocument, Topic.EconomyAndStateAssets, "法规文件",
            DemoTexts.Articles("促进中小企业发展", "《中华人民共和国中小企业促进法》",
                "设立市级中小企业发展专项资金，支持中小企业技术改造和创新发展。", "对首次升规的中小企业给予一次性奖励10万元。"),
            Number: $"示府规〔{y - 3}〕4号", ValidUntil: D(-1, 6, 7), Keywords: "中小企业");
        yield return new Item("road-digging", "city", D(-4, 3, 2), "示范市城市道路占用挖掘管理规定", DocumentKind.NormativeDocument, Topic.IndustryAndTransport, "法规文件",
            DemoTexts.Articles("城市道路占用、挖掘", "《城市道路管理条例》",
                "因特殊情况需要临时占用城市道路的，须经市政工程行政主管部门和公安交通管理部门批准。", "新建、扩建、改建的城市道路交付使用后5年内不得挖掘。"),
            Number: $"示府规〔{y - 4}〕1号", Keywords: "城市道路");
        yield return new Item("repeal-decision", "city", D(-1, 8, 25), "示范市人民政府关于废止部分行政规范性文件的决定", DocumentKind.NormativeDocument, Topic.General, "法规文件",
            "为维护法制统一，经清理，市人民政府决定废止《示范市城市道路占用挖掘管理规定》等行政规范性文件。本决定自公布之日起施行。",
            Number: $"示府规〔{y - 1}〕6号", Keywords: "规范性文件清理");
        yield return new Item("openness-rule", "city", D(-1, 3, 1), "示范市政府信息公开规定", DocumentKind.Rule, Topic.General, "法规文件",
            DemoTexts.Articles("政府信息公开工作", "《中华人民共和国政府信息公开条例》",
                "行政机关应当建立健全政府信息公开保密审查机制，坚持先审查、后公开。", "属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。",
                "行政机关应当编制并公布政府信息公开指南和政府信息公开目录，并及时更新。"),
            Number: "示范市人民政府令第5号", Keywords: "政府信息公开");
        yield return new Item("openness-explained", "city.office", D(-1, 3, 3), "《示范市政府信息公开规定》解读", DocumentKind.Interpretation, Topic.General, "政策解读",
            DemoTexts.Interpretation("示范市政府信息公开规定", "示范市人民政府令第5号",
                "为贯彻修订后的《中华人民共和国政府信息公开条例》，进一步规范本市政府信息公开工作，制定本规定。",
                "明确了保密审查、主动公开时限、公开指南和公开目录编制等要求，强调主动公开的政府信息应当在20个工作日内公开。"),
            Interprets: "openness-rule", Keywords: "政府信息公开");

        // Departments', districts' and the county's normative documents.
        yield return new Item("admission", "city.education", D(-1, 3, 20), "示范市义务教育阶段学校招生入学管理办法", DocumentKind.NormativeDocument, Topic.ScienceAndEducation, "法规文件",
            DemoTexts.Articles("义务教育阶段学校招生入学", "《中华人民共和国义务教育法》",
                "公办学校实行划片招生、免试就近入学。", "民办学校招生纳入审批地统一管理，与公办学校同步招生。", "进城务工人员随迁子女入学以居住证为主要依据。"),
            Number: $"示教规〔{y - 1}〕1号", Keywords: "招生入学,义务教育",
            File: new Attachment("招生入学时间安排表.docx", "义务教育阶段学校招生入学时间安排", [["环节", "时间"], ["网上报名", "6月1日至6月10日"], ["资格审核", "6月11日至6月25日"], ["公布结果", "7月15日前"]]));
        yield return new Item("admission-explained", "city.education", D(-1, 3, 21), "《示范市义务教育阶段学校招生入学管理办法》解读", DocumentKind.Interpretation, Topic.ScienceAndEducation, "政策解读",
            DemoTexts.Interpretation("示范市义务教育阶段学校招生入学管理办法", $"示教规〔{y - 1}〕1号",
                "为推进义务教育优质均衡发展，规范招生入学秩序，制定本办法。", "明确了划片招生、公民办同步招生和随迁子女入学等规定。"),
            Interprets: "admission", Keywords: "招生入学");
        yield return new Item("old-estates", "city.housing", D(-1, 7, 12), "示范市城镇老旧小区改造实施办法", DocumentKind.NormativeDocument, Topic.ConstructionAndEnvironment, "法规文件",
            DemoTexts.Articles("城镇老旧小区改造", "《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》",
                "老旧小区改造内容分为基础类、完善类和提升类。", "改造资金由政府、居民、社会力量合理共担。"),
            Number: $"示建规〔{y - 1}〕2号", Keywords: "老旧小区改造");
        yield return new Item("dust", "city.environment", D(-2, 4, 22), "示范市建筑施工扬尘污染防治管理规定", DocumentKind.NormativeDocument, Topic.ConstructionAndEnvironment, "法规文件",
            DemoTexts.Articles("建筑施工扬尘污染防治", "《中华人民共和国大气污染防治法》",
                "施工工地应当设置硬质围挡，对裸露地面进行覆盖。", "运输车辆应当密闭运输，不得沿途遗撒。"),
            Number: $"示环规〔{y - 2}〕1号", Keywords: "扬尘污染");
        yield return new Item("collective-assets", "mingde", D(-1, 5, 16), $"{Name("mingde")}农村集体资产管理办法", DocumentKind.NormativeDocument, Topic.AgricultureForestryWater, "法规文件",
            DemoTexts.Articles("农村集体资产管理", "《中华人民共和国村民委员会组织法》",
                "农村集体资产实行民主管理，重大事项经村民会议或者村民代表会议讨论决定。", "集体资产的承包、租赁应当公开招标。"),
            Number: $"明政规〔{y - 1}〕1号", Keywords: "集体资产");
        yield return new Item("enforcement", "linjiang", D(-2, 8, 30), $"{Name("linjiang")}城市管理综合执法实施办法", DocumentKind.NormativeDocument, Topic.SecurityAndJustice, "法规文件",
            DemoTexts.Articles("城市管理综合执法", "《中华人民共和国行政处罚法》",
                "城市管理综合执法部门应当公示执法主体、人员、职责和程序。", "执法人员应当全过程记录执法活动。"),
            Number: $"临政规〔{y - 2}〕3号", Keywords: "综合执法");
        yield return new Item("farmland", "anlan", D(-1, 4, 9), "安澜县耕地保护补偿办法", DocumentKind.NormativeDocument, Topic.AgricultureForestryWater, "法规文件",
            DemoTexts.Articles("耕地保护补偿", "《中华人民共和国土地管理法》",
                "对承担耕地保护任务的农村集体经济组织和农户给予补偿。", "补偿标准为每亩每年150元，永久基本农田每亩每年另增50元。"),
            Number: $"安政规〔{y - 1}〕2号", Keywords: "耕地保护");
        yield return new Item("farmland-explained", "anlan.agriculture", D(-1, 4, 12), "《安澜县耕地保护补偿办法》政策解读", DocumentKind.Interpretation, Topic.AgricultureForestryWater, "政策解读",
            DemoTexts.Interpretation("安澜县耕地保护补偿办法", $"安政规〔{y - 1}〕2号",
                "为调动农村集体经济组织和农户保护耕地的积极性，制定本办法。", "明确了补偿对象、补偿标准和资金发放程序。"),
            Interprets: "farmland", Keywords: "耕地保护");
    }

    private static (string Title, Topic Topic, string Category, string Body)? Notice(string kind, string agency, int y) => kind switch
    {
        "office" => ($"{agency}关于做好{y - 1}年防汛抗旱工作的通知", Topic.AgricultureForestryWater, "应急管理",
            DemoTexts.Notice(agency, $"{y - 1}年防汛抗旱工作", "要全面排查风险隐患，修订完善应急预案；", "要落实汛期24小时值班和领导带班制度。")),
        "ndrc" => ($"关于公布{y - 1}年市级重点建设项目名单的通知", Topic.EconomyAndStateAssets, "重大建设项目",
            DemoTexts.Notice(agency, $"{y - 1}年市级重点建设项目建设", "经研究确定市级重点建设项目120个，总投资856亿元；", "各项目责任单位要倒排工期，加快推进前期工作和建设进度。")),
        "education" => ($"关于做好{y - 1}年义务教育阶段学校招生入学工作的通知", Topic.ScienceAndEducation, "公共服务",
            DemoTexts.Notice(agency, $"{y - 1}年义务教育阶段学校招生入学工作", "要严格落实免试就近入学，合理划定招生片区；", "要做好进城务工人员随迁子女和残疾儿童少年入学保障。")),
        "police" => ("关于调整部分道路交通管理措施的通告", Topic.SecurityAndJustice, "公共服务",
            "为缓解交通拥堵，保障道路交通安全，决定对部分道路交通管理措施进行调整：一、政务大道实行单向通行；二、文教路学校周边上下学时段禁止停车。本通告自发布之日起施行。"),
        "land" => ($"{y - 1}年度国有建设用地供应计划", Topic.LandAndEnergy, "规划计划",
            "根据国土空间规划和土地利用年度计划，编制本年度国有建设用地供应计划。全年计划供应国有建设用地380公顷，其中住宅用地95公顷、工矿仓储用地160公顷、基础设施用地125公顷。"),
        "environment" => ($"示范市{y - 2}年生态环境状况公报", Topic.ConstructionAndEnvironment, "统计信息",
            $"{y - 2}年，全市生态环境质量持续改善。城市环境空气质量优良天数比例为89.6%，细颗粒物（PM2.5）年均浓度为31微克/立方米；地表水国控断面水质优良比例为93.3%。"),
        "housing" => ($"关于公布{y - 1}年度保障性租赁住房筹集计划的通知", Topic.ConstructionAndEnvironment, "规划计划",
            DemoTexts.Notice(agency, $"{y - 1}年度保障性租赁住房筹集", "全年计划筹集保障性租赁住房3000套（间）；", "要优先保障新市民、青年人的住房需求。")),
        "health" => ($"关于开展{y - 1}年基本公共卫生服务项目的通知", Topic.HealthAndSports, "公共服务",
            DemoTexts.Notice(agency, $"{y - 1}年基本公共卫生服务项目", "人均基本公共卫生服务经费补助标准提高到94元；", "要做实家庭医生签约服务，做好老年人和慢性病患者健康管理。")),
        "agriculture" => ($"关于做好{y - 1}年春耕备耕工作的通知", Topic.AgricultureForestryWater, "公共服务",
            DemoTexts.Notice(agency, $"{y - 1}年春耕备耕工作", "要稳定粮食播种面积，落实耕地地力保护补贴；", "要做好种子、化肥、农药等农资供应和质量监管。")),
        "township" => ($"关于开展{y}年度城乡居民医疗保险集中参保缴费工作的通知", Topic.HealthAndSports, "公共服务",
            DemoTexts.Notice(agency, $"{y}年度城乡居民医疗保险集中参保缴费", "个人缴费标准为每人每年380元；", "困难群众参保个人缴费部分按规定给予资助。")),
        _ => null,
    };

    private async Task<AuditActor> ActorAsync(string userName, string fallback, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        return user is null ? new AuditActor(Guid.NewGuid(), fallback, null) : new AuditActor(user.Id, $"{user.DisplayName}（{userName}）", null);
    }

    private static Document Check(Result<Document> result, string what) =>
        result.Value ?? throw new InvalidOperationException($"演示信息“{what}”无效：" + string.Join(" ", result.Errors.Select(e => e.Message)));
}
