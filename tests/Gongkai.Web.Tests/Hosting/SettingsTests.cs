using Gongkai.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Tests.Hosting;

/// <summary>The Gongkai settings are read once and checked at start-up: a bad one stops the app with its name and what it should be.</summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("Gongkai:SiteUrl", "gongkai.example.gov.cn", "配置项 Gongkai:SiteUrl 的值“gongkai.example.gov.cn”无效")]
    [InlineData("Gongkai:Today", "2026-13-01", "配置项 Gongkai:Today 的值“2026-13-01”无效，应为 yyyy-MM-dd。")]
    [InlineData("Gongkai:KnownProxies", "10.0.0.1;proxy.local", "配置项 Gongkai:KnownProxies 中的“proxy.local”不是 IP 地址。")]
    [InlineData("Gongkai:Smtp:Host", "mail.example.gov.cn", "配置了 Gongkai:Smtp:Host 时必须配置发件人 Gongkai:Smtp:From。")]
    [InlineData("Gongkai:Pdf:MaxRenders", "0", "配置项 Gongkai:Pdf:MaxRenders 的值 0 无效，应为 1 到 16。")]
    public void Start_BadSetting_StopsWithTheSettingNamed(string key, string value, string message)
    {
        using var factory = new GongkaiFactory(new Dictionary<string, string?> { [key] = value });

        var e = Should.Throw<OptionsValidationException>(() => factory.CreateClient());

        e.Message.ShouldContain(message);
    }

    [Fact]
    public async Task Start_GoodSettings_ServesWithThem()
    {
        using var factory = new GongkaiFactory(new Dictionary<string, string?>
        {
            ["Gongkai:SiteName"] = "示范市政府信息公开平台",
            ["Gongkai:SiteUrl"] = "https://gongkai.example.gov.cn",
            ["Gongkai:Smtp:Host"] = "mail.example.gov.cn",
            ["Gongkai:Smtp:From"] = "gongkai@example.gov.cn",
            ["Gongkai:Smtp:Security"] = "tls",
        });

        var rss = await factory.CreateClient().GetStringAsync("/feeds/rss.xml");

        rss.ShouldContain("示范市政府信息公开平台");
        var mail = factory.Services.GetRequiredService<Gongkai.Core.Requests.Reminders.SmtpSettings>();
        (mail.Port, mail.Security, mail.SiteUrl, mail.SiteName).ShouldBe((465, Gongkai.Core.Requests.Reminders.SmtpSecurity.Tls, "https://gongkai.example.gov.cn", "示范市政府信息公开平台"));
    }
}
