using System.Text;
using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Imports;
using Gongkai.Core.OpenData;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Requests;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Imports;

/// <summary>Every import: good rows in, bad rows listed with their line and reason, nothing twice, resumable, and a check that changes nothing.</summary>
public sealed class ImportTests
{
    private static readonly AuditActor Admin = new(Guid.NewGuid(), "导入管理员", "127.0.0.1");

    private static string Header => ImportFile.Header(DocumentColumns.All.Take(21));

    /// <summary>A documents.csv row of the agency (columns up to 附件).</summary>
    private static string Row(string index, string title, string code, string published = "2025-03-02T09:30:00+08:00", string kind = "其他政府信息",
        string number = "", string attachments = "", string issued = "") =>
        Csv.Line([index, title, code, "", "", number, kind, "综合政务", "公共服务", "", issued, published, "", "", "", "", "", "", "正文：" + title, "", attachments]);

    private static async Task<ImportReport> ImportAsync(TestDatabase database, ImportKind kind, string text, bool check = false, int batch = 500,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await using var scope = database.Scope();
        return await scope.ServiceProvider.GetRequiredService<Importer>().ImportAsync(kind, () => new MemoryStream(bytes), "导入.csv",
            new ImportOptions(Admin, check, batch, progress), cancellationToken: cancellationToken);
    }

    private static async Task<T> QueryAsync<T>(TestDatabase database, Func<GongkaiDbContext, Task<T>> query)
    {
        await using var scope = database.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>());
    }

    private static string Stem(CatalogueWorld world) => CreditCode.OrganizationCode(world.Agency.OrganizationCode);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_DocumentsWithBrokenRows_ImportsTheGoodRowsAndListsTheBadOnes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CatalogueWorld.CreateAsync(database);
        var code = world.Agency.OrganizationCode;
        var file = Header
            + Row($"{Stem(world)}/2025-00001", "关于做好防汛工作的通知", code)
            + Row($"{Stem(world)}/2025-00002", "", code)
            + Row($"{Stem(world)}/2025-00003", "日期有误的通知", code, published: "2025年13月1日")
            + Row($"{Stem(world)}/2025-00001", "索引号重复的通知", code)
            + Row($"{Stem(world)}/2025-00004", "机关不存在的通知", "91110000000000000X")
            + Row($"{Stem(world)}/2025-00005", "示范市住房公积金管理办法", code, kind: "行政规范性文件")
            + Row($"{Stem(world)}/2025-00006", "有附件的通知", code, attachments: "附件/表格.docx")
            + "\"只有一列\"\r\n"
            + Row($"{Stem(world)}/2025-00007", "关于公布重点项目名单的通知", code);

        var report = await ImportAsync(database, ImportKind.Documents, file);

        report.Added.ShouldBe(2);
        report.Refusals.Select(r => r.ToString()).ShouldBe([
            $"第3行（{Stem(world)}/2025-00002）：请填写标题",
            $"第4行（{Stem(world)}/2025-00003）：发布时间“2025年13月1日”不是有效的时间（应为2026-03-01T09:30:00+08:00或2026-03-01 09:30）",
            $"第5行（{Stem(world)}/2025-00001）：索引号与第2行重复",
            $"第6行（{Stem(world)}/2025-00004）：统一社会信用代码为91110000000000000X的机关不存在（请先导入机关）",
            $"第7行（{Stem(world)}/2025-00005）：行政规范性文件须填写文号；行政规范性文件须填写成文日期",
            $"第8行（{Stem(world)}/2025-00006）：附件“附件/表格.docx”：导入附件须同时提供附件所在的文件夹或 ZIP 文件",
            "第9行（只有一列）：请填写机关统一社会信用代码；请填写标题；请填写发布时间",
        ]);
        var published = await QueryAsync(database, db => db.Documents.Where(d => d.Status == Domain.Catalogue.PublishingStatus.Published)
            .OrderBy(d => d.Id).Select(d => d.Title).ToListAsync());
        published.ShouldBe(["关于做好防汛工作的通知", "关于公布重点项目名单的通知"]);
        var history = await QueryAsync(database, db => db.DocumentEvents.Select(e => e.Kind + "|" + e.ActorName + "|" + e.Note).ToListAsync());
        history.ShouldAllBe(h => h.StartsWith("Imported|导入管理员|自文件“导入.csv”第", StringComparison.Ordinal) && h.Contains("未在本平台重新进行保密审查"));
        var refusals = await QueryAsync(database, db => db.ImportRefusals.CountAsync());
        refusals.ShouldBe(7);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_Check_ReportsTheSameAndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CatalogueWorld.CreateAsync(database);
        var file = Header + string.Concat(Enumerable.Range(1, 5).Select(i => Row($"{Stem(world)}/2025-{i:D5}", $"第{i}号通知", world.Agency.OrganizationCode)))
            + Row($"{Stem(world)}/2025-00009", "", world.Agency.OrganizationCode);
        var before = await QueryAsync(database, db => db.AuditEntries.CountAsync());

        var check = await ImportAsync(database, ImportKind.Documents, file, check: true, batch: 2);

        check.Summary.ShouldBe("检查政府信息：共6行，可新增5条，已存在0条，拒绝1行。");
        (await QueryAsync(database, db => db.Documents.CountAsync())).ShouldBe(0);
        (await QueryAsync(database, db => db.ImportRuns.CountAsync())).ShouldBe(0);
        (await QueryAsync(database, db => db.CatalogueCounts.CountAsync())).ShouldBe(0);
        (await QueryAsync(database, db => db.AuditEntries.CountAsync())).ShouldBe(before);
        var imported = await ImportAsync(database, ImportKind.Documents, file, batch: 2);
        imported.Added.ShouldBe(check.Added);
        imported.Refusals.ShouldBe(check.Refusals);
    }

    [Fact]
    public async Task ImportAsync_StoppedAfterTheFirstBatch_NextRunResumesAfterItsLastLine()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var world = await CatalogueWorld.CreateAsync(database);
        var file = Header + string.Concat(Enumerable.Range(1, 7).Select(i => Row($"{Stem(world)}/2025-{i:D5}", $"第{i}号通知", world.Agency.OrganizationCode)));
        using var crash = new CancellationTokenSource();

        // The process dies while the second batch is in hand: its rows roll back.
        await Should.ThrowAsync<OperationCanceledException>(() =>
            ImportAsync(database, ImportKind.Documents, file, batch: 3, progress: new Synchronous(_ => crash.Cancel()), cancellationToken: crash.Token));
        var afterCrash = await QueryAsync(database, db => db.Documents.CountAsync());
        var resumed = await ImportAsync(database, ImportKind.Documents, file, batch: 3);
        var again = await ImportAsync(database, ImportKind.Documents, file, batch: 3);

        afterCrash.ShouldBe(3);
        resumed.ResumedAfterLine.ShouldBe(4);
        resumed.Summary.ShouldBe("导入政府信息：共7行，新增7条，已存在0条，没有拒绝的行（接续上次中断的导入，从第5行起）。");
        (await QueryAsync(database, db => db.Documents.CountAsync())).ShouldBe(7);
        again.Summary.ShouldBe("导入政府信息：共7行，新增0条，已存在7条，没有拒绝的行。");
        (await QueryAsync(database, db => db.ImportRuns.Select(r => r.Status).ToListAsync())).ShouldBe([ImportRunStatus.Finished, ImportRunStatus.Finished]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_IndexNumberOfTheAgency_LaterPublicationsContinueAfterIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CatalogueWorld.CreateAsync(database);
        var year = DateTime.UtcNow.AddHours(8).Year;
        await ImportAsync(database, ImportKind.Documents, Header + Row($"{Stem(world)}/{year}-00050", "旧平台发布的通知", world.Agency.OrganizationCode,
            published: DateTime.UtcNow.AddHours(8).AddMinutes(-5).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)));

        var published = await world.PublishedAsync("迁移后发布的通知");

        published.IndexNumber.ShouldBe($"{Stem(world)}/{year}-00051");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_HistoricalRequests_CountedInTableThreeAndReadOnly(DatabaseProvider provider)
    {
        await using var world = await RequestsWorld.CreateAsync(provider, today: "2026-03-20");
        var code = world.Office.OrganizationCode;
        var file = ImportFile.Header(RequestColumns.All)
            + Csv.Line(["旧2025-001", code, "2025-03-03", "当面提交", "自然人", "张三", "请公开2024年预算", "", "", "", "", "", "", "", "予以公开", "2025-03-20", "2025-03-21"])
            + Csv.Line(["旧2025-002", code, "2025-12-22", "Online", "商业企业", "", "", "", "", "", "按件计收", "11", "2025-12-24", "2026-01-05", "results.unavailable.notHeld", "2026-01-12", "2026-01-13"])
            + Csv.Line(["旧2025-003", code, "2025-05-06", "当面提交", "自然人", "", "", "2025-05-08", "", "", "", "", "", "", "NoCorrection", "2025-06-10", "2025-06-11"])
            + Csv.Line(["旧2025-004", code, "2025-04-01", "当面提交", "自然人", "", "", "", "", "", "", "", "", "", "予以公开", "2025-03-01", ""])
            + Csv.Line(["旧2020-005", code, "2020-04-01", "当面提交", "自然人", "", "", "", "", "", "按件计收", "12", "2020-04-03", "2020-04-10", "予以公开", "2020-04-20", ""])
            + Csv.Line(["旧2025-006", code, "2025-04-01", "信访", "自然人", "", "", "", "", "", "", "", "", "", "同意", "2025-04-10", ""]);

        var report = await ImportAsync(world.Database, ImportKind.Requests, file);
        await using var scope = world.Database.Scope();
        var table = await scope.ServiceProvider.GetRequiredService<RequestStatistics>().TableThreeAsync(world.Office.Id, 2025);
        var imported = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Requests.AsNoTracking()
            .SingleAsync(r => r.ImportedCaseNumber == "旧2025-001");
        var step = await world.StepAsync(imported.Id, new StepInput { Step = RequestStep.Deliver, Date = RequestsWorld.D("2026-03-20") });

        report.Added.ShouldBe(3);
        report.Refusals.Select(r => r.Line).ShouldBe([5, 6, 7]);
        report.Refusals[0].Reason.ShouldBe("作出答复决定：予以公开的日期早于收到申请日期");
        report.Refusals[1].Reason.ShouldStartWith("办理记录不成立：信息处理费只对2021年1月1日以后收到的申请收取");
        report.Refusals[2].Reason.ShouldBe("办理结果“同意”无效，应为年度报告表三的办理结果（如“予以公开”或 results.granted）；提交方式“信访”无效，应为当面提交、邮寄、平信邮寄、互联网、传真之一");
        table["newReceived"]![6].Value.ShouldBe(3);
        table["results.granted"]![6].Value.ShouldBe(1);
        table["results.other.noCorrection"]![6].Value.ShouldBe(1);
        table["carriedForward"]![6].Value.ShouldBe(1);
        imported.Status.ShouldBe(RequestStatus.Closed);
        step.Errors.ShouldHaveSingleItem().Message.ShouldBe(RequestLedger.ImportedRefusal);
    }

    [Fact]
    public async Task ImportAsync_Staff_OneTimePasswordsToChangeAtFirstSignIn()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var world = await CatalogueWorld.CreateAsync(database);
        await using (var scope = database.Scope()) await scope.ServiceProvider.GetRequiredService<FirstRun>().EnsureRolesAsync();
        var file = ImportFile.Header(StaffColumns.All)
            + Csv.Line(["wang.chengban", "王承办", "承办人", world.Agency.OrganizationCode, "wang@example.gov.cn", "13900000001"])
            + Csv.Line(["li.fuze", "李负责", "office-head", world.Agency.OrganizationCode, "", ""])
            + Csv.Line(["zhao", "赵某", "局长", world.Agency.OrganizationCode, "", ""]);

        var report = await ImportAsync(database, ImportKind.Staff, file);

        report.Added.ShouldBe(2);
        report.Refusals.ShouldHaveSingleItem().Reason.ShouldStartWith("角色“局长”无效");
        await using var check = database.Scope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<User>>();
        foreach (var (userName, password) in report.Issued!)
        {
            var user = (await users.FindByNameAsync(userName))!;
            user.MustChangePassword.ShouldBeTrue();
            user.AgencyId.ShouldBe(world.Agency.Id);
            (await users.CheckPasswordAsync(user, password)).ShouldBeTrue();
        }
        report.Issued.Select(i => i.UserName).ShouldBe(["wang.chengban", "li.fuze"]);
    }

    [Fact]
    public async Task ImportAsync_NotACsvHeader_RefusesTheFileAndSaysWhatTheHeaderShouldBe()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var report = await ImportAsync(database, ImportKind.Agencies, "名称,代码\r\n示范市,123\r\n");

        report.FileError.ShouldStartWith("第1行表头有误（不认识的列：代码；缺少必填列：统一社会信用代码、行政层级、公开工作机构、办公地址、联系电话）。表头应为：统一社会信用代码,名称,行政层级");
        report.Added.ShouldBe(0);
    }

    [Theory]
    [InlineData("PK\u0003\u0004[Content_Types].xml")]
    [InlineData("统一社会信用代码\0名称")]
    public async Task ImportAsync_WorkbookOrBinaryFile_RefusedAsNotText(string content)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var report = await ImportAsync(database, ImportKind.Agencies, content);

        report.FileError.ShouldBe(ImportFile.NotText);
        report.Rows.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_Agencies_TellTheCatalogueOnceAfterTheLastCommit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var before = await QueryAsync(database, db => db.Agencies.CountAsync());
        // What a page reloading its agency filter at that moment would read: committed agencies only.
        var seen = new List<int>();
        database.Services.GetRequiredService<CatalogueChanges>().OnChanged(async _ => seen.Add(await QueryAsync(database, db => db.Agencies.CountAsync())));
        var file = await File.ReadAllTextAsync(Gongkai.Reports.Tests.TestFiles.Root + "/docs/import/agencies.csv");

        var report = await ImportAsync(database, ImportKind.Agencies, file, batch: 1);

        report.Added.ShouldBeGreaterThan(1, "more than one batch");
        seen.ShouldBe([before + report.Added]);
    }

    /// <summary>Reports on the importing thread, so the test's reaction happens before the next batch starts.</summary>
    private sealed class Synchronous(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
