using Gongkai.Core.Calendar;
using Gongkai.Core.Demo;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Requests.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongkai.Core.Requests;

public static class RequestsServices
{
    /// <summary>The requests feature and its calendar: called once from <see cref="CoreServices.AddGongkaiCore"/>.</summary>
    public static IServiceCollection AddRequests(this IServiceCollection services)
    {
        services.TryAddSingleton(new OfficeClockOptions(null));
        services.AddSingleton<OfficeClock>();
        services.AddScoped<CalendarStore>();
        services.TryAddSingleton(LetterOptions.Default);
        services.AddScoped<LetterService>();
        services.AddScoped<RequestRulesStore>();
        services.AddScoped<SignOff.LetterDrafts>();
        services.AddScoped<SignOff.AgencyLetters>();
        services.AddScoped<LetterVerification>();
        services.AddScoped<Export.CaseFileExport>();
        services.AddScoped<RequestLedger>();
        services.AddScoped<RequestIntake>();
        services.AddScoped<RequestCommands>();
        services.AddScoped<RequestCases>();
        services.AddScoped<RequestQueue>();
        services.AddScoped<RequestTracking>();
        services.AddScoped<DuplicateFinder>();
        services.AddScoped<RequestStatistics>();
        services.AddScoped<ReviewService>();
        services.AddScoped<RequestRecompute>();
        services.AddScoped<RequestReminders>();
        services.AddDemoStep<Demo.RequestDemo>();
        services.AddDemoStep<Demo.SignOffDemo>();
        services.AddDemoStep<Demo.DemoVolumes>();
        return services;
    }
}
