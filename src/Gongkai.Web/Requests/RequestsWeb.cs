using System.Globalization;
using Gongkai.Core.Calendar;
using Gongkai.Core.Cluster;
using Gongkai.Core.Requests;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Requests.Reminders;
using Gongkai.Web.Api;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Requests;

/// <summary>The requests feature's web wiring; WebSetup calls these two methods.</summary>
public static class RequestsWeb
{
    public static void AddRequestsWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        if (configuration["Gongkai:Today"] is { Length: > 0 } today)
        {
            var date = DateOnly.TryParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"配置项 Gongkai:Today 的值“{today}”无效，应为 yyyy-MM-dd。");
            services.AddSingleton(new OfficeClockOptions(date));
        }
        if (SmtpSettings.FromConfiguration(configuration) is { } smtp)
        {
            services.AddSingleton(smtp);
            services.AddScoped<ReminderMailer>();
            services.AddClusterJob<ReminderMailJob>();
        }
        var siteUrl = configuration["Gongkai:SiteUrl"] is { Length: > 0 } url ? url : null;
        if (siteUrl is not null && !(Uri.TryCreate(siteUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            throw new InvalidOperationException($"配置项 Gongkai:SiteUrl 的值“{siteUrl}”无效，应为本平台的公网地址，如 https://gongkai.example.gov.cn。");
        services.AddSingleton(new LetterOptions(configuration["Gongkai:SiteName"] ?? LetterOptions.Default.SiteName, siteUrl));
        services.AddHostedService<ShippedCalendarImport>();
        services.AddSingleton<TrackingAccess>();
        services.AddScoped<CaseFiles>();

        // The JSON API answers 401/403 instead of redirecting to the sign-in page.
        services.ConfigureApplicationCookie(cookie =>
        {
            var toLogin = cookie.Events.OnRedirectToLogin;
            var denied = cookie.Events.OnRedirectToAccessDenied;
            cookie.Events.OnRedirectToLogin = context => Problems.IsApi(context.Request) ? Status(context.Response, 401) : toLogin(context);
            cookie.Events.OnRedirectToAccessDenied = context => Problems.IsApi(context.Request) ? Status(context.Response, 403) : denied(context);
        });
    }

    public static void MapRequestsWeb(this WebApplication app)
    {
        app.MapPublicRequestsApi();
        app.MapStaffRequestsApi();
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
