using Gongkai.Core.Storage;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Core.Tests.Storage;

public sealed class StorageSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void FromConfiguration_Nothing_SqliteInDataFolderOfWorkingDirectory()
    {
        var storage = StorageSettings.FromConfiguration(Config());

        storage.Provider.ShouldBe(DatabaseProvider.Sqlite);
        storage.DataDirectory.ShouldBe(Path.GetFullPath("data"));
        storage.ConnectionString.ShouldContain(Path.Combine(Path.GetFullPath("data"), "gongkai.db"));
        storage.ConnectionString.ShouldContain("Foreign Keys=True");
        storage.FilesDirectory.ShouldBe(Path.Combine(Path.GetFullPath("data"), "files"));
    }

    [Fact]
    public void FromConfiguration_DataDirVariable_DatabaseAndFilesMoveThere()
    {
        var storage = StorageSettings.FromConfiguration(Config(("GONGKAI_DATA_DIR", "/srv/gongkai")));

        storage.ConnectionString.ShouldContain("/srv/gongkai/gongkai.db");
        storage.FilesDirectory.ShouldBe("/srv/gongkai/files");
    }

    [Fact]
    public void FromConfiguration_PostgreSQL_UsesConnectionString()
    {
        var storage = StorageSettings.FromConfiguration(Config(("Gongkai:Database", "postgresql"), ("ConnectionStrings:Gongkai", "Host=db;Database=gongkai")));

        storage.Provider.ShouldBe(DatabaseProvider.PostgreSQL);
        storage.ConnectionString.ShouldBe("Host=db;Database=gongkai");
    }

    [Fact]
    public void FromConfiguration_PostgreSQLWithoutConnectionString_ExplainsInChinese() =>
        Should.Throw<InvalidOperationException>(() => StorageSettings.FromConfiguration(Config(("Gongkai:Database", "PostgreSQL"))))
            .Message.ShouldBe("使用 PostgreSQL 时必须配置 ConnectionStrings:Gongkai。");

    [Fact]
    public void FromConfiguration_UnknownProvider_Refused() =>
        Should.Throw<InvalidOperationException>(() => StorageSettings.FromConfiguration(Config(("Gongkai:Database", "MySQL"))))
            .Message.ShouldContain("MySQL");
}
