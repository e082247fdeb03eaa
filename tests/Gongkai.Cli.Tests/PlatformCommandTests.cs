using Microsoft.Data.Sqlite;

namespace Gongkai.Cli.Tests;

/// <summary>db and demo on an SQLite data folder of their own (the same services run on PostgreSQL in Gongkai.Core.Tests).</summary>
public sealed class PlatformCommandTests : IDisposable
{
    private readonly TempDir temp = new();

    private string DataDir => temp.File("data");

    /// <summary>The newest schema version: the migrations embedded in Core, however many features have added.</summary>
    private static string LatestVersion =>
        Core.Storage.Migrator.Available(Core.Storage.DatabaseProvider.Sqlite).Max(m => m.Version).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private long Count(string table)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(DataDir, "gongkai.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public void DbMigrate_FreshDataFolder_CreatesSchemaAndAdministratorOnce()
    {
        var first = CliRun.Run("db", "migrate", "--data-dir", DataDir);
        var second = CliRun.Run("db", "migrate", "--data-dir", DataDir);

        first.ExitCode.ShouldBe(0, first.Error);
        first.Out.ShouldContain("已应用迁移 0001 foundation");
        first.Out.ShouldContain("已应用迁移 0002 requests");
        first.Out.ShouldMatch(@"已创建系统管理员账号 admin，一次性密码：\S{14}");
        second.ExitCode.ShouldBe(0);
        second.Out.ShouldNotContain("已应用迁移");
        second.Out.ShouldNotContain("一次性密码");
        second.Out.ShouldContain($"数据库表结构为最新版本 {LatestVersion}（Sqlite）");
        File.Exists(Path.Combine(DataDir, "gongkai.db")).ShouldBeTrue();
    }

    [Fact]
    public void Import_ExampleAgencies_CheckChangesNothingImportAddsThemAgainNothing()
    {
        var file = Path.Combine(Gongkai.Reports.Tests.TestFiles.Root, "docs", "import", "agencies.csv");
        CliRun.Run("db", "migrate", "--data-dir", DataDir).ExitCode.ShouldBe(0);

        var check = CliRun.Run("import", "agencies", file, "--check", "--data-dir", DataDir);
        var agenciesAfterCheck = Count("agencies");
        var first = CliRun.Run("import", "agencies", file, "--data-dir", DataDir);
        var second = CliRun.Run("import", "agencies", file, "--data-dir", DataDir);

        check.ExitCode.ShouldBe(0, check.Error);
        check.Out.ShouldContain("检查机关：共2行，可新增2条");
        agenciesAfterCheck.ShouldBe(0);
        first.ExitCode.ShouldBe(0, first.Error);
        first.Out.ShouldContain("导入机关：共2行，新增2条，已存在0条，没有拒绝的行。");
        Count("agencies").ShouldBe(2);
        second.Out.ShouldContain("新增0条，已存在2条");
    }

    [Fact]
    public void Import_BrokenRow_ListedWithLineAndReasonExitOne()
    {
        var file = temp.File("机关.csv");
        File.WriteAllText(file, "统一社会信用代码,名称,行政层级,公开工作机构,办公地址,联系电话\n11990100001000010R,示范市人民政府,市,办公室,地址,0999-1234567\n123,错误机关,市,办公室,地址,0999-1234567\n");
        CliRun.Run("db", "migrate", "--data-dir", DataDir).ExitCode.ShouldBe(0);

        var run = CliRun.Run("import", "agencies", file, "--data-dir", DataDir);

        run.ExitCode.ShouldBe(1, run.Error);
        run.Out.ShouldContain("第3行（123）：统一社会信用代码应为18位，且校验位正确");
        Count("agencies").ShouldBe(1);
    }

    [Fact]
    public void DbSweepFiles_StrayFile_ReportedThenRemovedWhenAsked()
    {
        CliRun.Run("db", "migrate", "--data-dir", DataDir).ExitCode.ShouldBe(0);
        var stray = Path.Combine(DataDir, "files", "ab", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        File.WriteAllText(stray, "nothing refers to this");

        var reported = CliRun.Run("db", "sweep-files", "--data-dir", DataDir);
        var removed = CliRun.Run("db", "sweep-files", "--data-dir", DataDir, "--remove");
        var clean = CliRun.Run("db", "sweep-files", "--data-dir", DataDir);

        reported.ExitCode.ShouldBe(1, reported.Error);
        reported.Out.ShouldContain("没有记录：" + stray);
        removed.Out.ShouldContain("已删除：" + stray);
        File.Exists(stray).ShouldBeFalse();
        clean.ExitCode.ShouldBe(0);
        clean.Out.ShouldContain("没有记录的文件 0 个，找不到文件的记录 0 条。");
    }

    [Fact]
    public void DemoSeed_Twice_LoadsTheRegionOnceAndPrintsAccounts()
    {
        var first = SeededDemo.Seed;
        SeededDemo.CopyTo(DataDir);
        var second = CliRun.Run("demo", "seed", "--data-dir", DataDir);

        first.ExitCode.ShouldBe(0, first.Error);
        first.Out.ShouldContain("已载入机关 26 个");
        first.Out.ShouldContain("演示账号（密码均为 Shifan-2026）：");
        first.Out.ShouldContain("shi.jiandu\t上级监督\t周建华\t示范市人民政府");
        second.Out.ShouldContain("演示数据已存在，未重复载入。");
        Count("agencies").ShouldBe(26);
        CliRun.Run("requests", "recompute", "--data-dir", DataDir).Out.ShouldMatch(@"^已核对 \d{2,} 件申请，更正 0 件。", "the demo's requests were recorded consistently");
    }

    [Fact]
    public void DbRestore_OverTheDemoRegion_BringsBackTheBackedUpState()
    {
        var archive = temp.File("backup.zip");
        var empty = temp.File("empty");
        CliRun.Run("db", "migrate", "--data-dir", empty).ExitCode.ShouldBe(0);
        var backup = CliRun.Run("db", "backup", archive, "--data-dir", empty);
        SeededDemo.CopyTo(DataDir);
        Count("agencies").ShouldBe(26);

        var refused = CliRun.Run("db", "restore", archive, "--data-dir", DataDir);
        var restored = CliRun.Run("db", "restore", archive, "--data-dir", DataDir, "--yes");

        backup.ExitCode.ShouldBe(0, backup.Error);
        backup.Out.ShouldContain($"已备份 Sqlite 数据库（表结构版本 {LatestVersion}）和 0 个上传文件");
        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain("确认后加 --yes");
        restored.ExitCode.ShouldBe(0, restored.Error);
        Count("agencies").ShouldBe(0);
        Count("audit_log WHERE action = 'BackupRestored'").ShouldBe(1);
    }

    [Fact]
    public void DbRestore_NotABackup_ExitsTwoWithReason()
    {
        var notBackup = temp.Write("notes.zip", [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

        var result = CliRun.Run("db", "restore", notBackup, "--data-dir", DataDir, "--yes");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("这不是公开系统的备份文件");
    }

    [Theory]
    [InlineData("db", "--help")]
    [InlineData("db", "migrate", "--help")]
    [InlineData("db", "backup", "--help")]
    [InlineData("db", "restore", "--help")]
    [InlineData("demo", "seed", "--help")]
    public void Help_PlatformCommands_AreChinese(params string[] args)
    {
        var result = CliRun.Run(args);

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldStartWith("说明：");
        result.Out.ShouldNotContain("Show help");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        temp.Dispose();
    }
}
