using Gongkai.Core.Audit;
using Gongkai.Core.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gongkai.Core.Calendar;

/// <summary>
/// At start-up, after the schema is up to date, stores the national holiday arrangements the
/// database does not hold yet (all of them the first time; a newly shipped year after an upgrade),
/// on one server at a time (the cluster lease "calendar-import").
/// </summary>
public sealed class ShippedCalendarImport(IServiceScopeFactory scopes, ILogger<ShippedCalendarImport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // Servers started together: one imports, the others use the shipped calendar until it is stored.
            await using var lease = await scope.ServiceProvider.GetRequiredService<ClusterLeases>().TryAcquireAsync("calendar-import", TimeSpan.FromMinutes(2),
                cancellationToken: cancellationToken);
            if (lease is null) return;
            var added = await scope.ServiceProvider.GetRequiredService<CalendarStore>().ImportShippedYearsAsync(AuditActor.System, cancellationToken);
            if (added.Count > 0)
                logger.LogInformation("Stored the national holiday arrangements of {Years}", string.Join(", ", added));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException)
        {
            // The shipped calendar is still used until the database can take it (not yet migrated, or
            // another server importing at the same moment); /admin/calendar can import it later.
            logger.LogWarning(e, "Could not store the national holiday arrangements; using the shipped ones");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
