using Microsoft.Playwright;

namespace Gongkai.E2E.Support;

/// <summary>Debian's chromium under Playwright: Playwright cannot download browsers here, and need not.</summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser profile (cookies of its own) for one person.</summary>
    public async Task<IPage> NewPageAsync(string baseUrl, bool javaScript = true)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "zh-CN", JavaScriptEnabled = javaScript });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }
}
