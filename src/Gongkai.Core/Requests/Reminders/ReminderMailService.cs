using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gongkai.Core.Requests.Reminders;

/// <summary>Runs <see cref="ReminderMailer"/> every half hour while the web app runs (registered only when SMTP is configured).</summary>
public sealed class ReminderMailService(IServiceScopeFactory scopes, ILogger<ReminderMailService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<ReminderMailer>().SendDueAsync(stoppingToken);
                if (sent > 0)
                    logger.LogInformation("Sent {Count} reminder e-mails", sent);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Reminder e-mails failed; retrying in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
