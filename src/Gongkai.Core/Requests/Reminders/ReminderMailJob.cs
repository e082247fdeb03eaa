using Gongkai.Core.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Core.Requests.Reminders;

/// <summary>Runs <see cref="ReminderMailer"/> every half hour on one of the servers (registered only when SMTP is configured).</summary>
public sealed class ReminderMailJob(ILogger<ReminderMailJob> logger) : IClusterJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    public string Name => "reminder-mail";

    public DateTime NextRunAfter(DateTime finishedAt) => finishedAt + Interval;

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sent = await services.GetRequiredService<ReminderMailer>().SendDueAsync(cancellationToken);
        if (sent > 0)
            logger.LogInformation("Sent {Count} reminder e-mails", sent);
    }
}
