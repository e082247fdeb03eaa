using System.Globalization;
using Gongkai.Core.Calendar;
using Gongkai.Core.Cluster;
using Gongkai.Core.Requests;
using Gongkai.Core.Requests.Reminders;
using Gongkai.Web.Api;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Requests;

/// <summary>The requests feature's web wiring; WebSetup calls these two methods.</summary>
public static class RequestsWeb
{
    public static void AddRequestsWeb(this WebApplicationBuilder builder, GongkaiOptions options)
    {
        var services = builder.Services;
        if (options.Smtp.Host is { Length: > 0 })
        {
            services.AddSingleton(s => s.Gongkai().Mail!);
            services.AddScoped<ReminderMailer>();
            services.AddClusterJob<ReminderMailJob>();
        }
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
