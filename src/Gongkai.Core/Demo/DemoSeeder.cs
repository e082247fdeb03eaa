using Gongkai.Core.Accounts;
using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Core.Demo;

/// <summary>
/// One part of the demo region. Each feature adds its own step (requests, catalogue documents…),
/// registered with <see cref="DemoServices.AddDemoStep{T}"/>; steps run in <see cref="Order"/> and
/// find what earlier steps made in the shared <see cref="DemoContext"/>.
/// </summary>
public interface IDemoStep
{
    int Order { get; }
    Task RunAsync(DemoContext context, CancellationToken cancellationToken);
}

/// <summary>What the steps share: the agencies and accounts made so far, a fixed random seed, the people's report.</summary>
public sealed class DemoContext(AuditActor actor, TimeProvider clock)
{
    public AuditActor Actor { get; } = actor;
    public TimeProvider Clock { get; } = clock;
    /// <summary>Seeded, so every demo region is the same and screenshots and walkthroughs stay valid.</summary>
    public Random Random { get; } = new(2026);
    public Dictionary<string, Agencies.Agency> Agencies { get; } = new(StringComparer.Ordinal);
    public List<DemoAccount> Accounts { get; } = [];
    public List<string> Summary { get; } = [];
}

public sealed record DemoAccount(string UserName, string DisplayName, string Role, string? AgencyName, string Password);

public sealed record DemoResult(bool Seeded, IReadOnlyList<DemoAccount> Accounts, IReadOnlyList<string> Summary);

/// <summary>Loads the demo region 示范市 once; a database that already has it is left alone.</summary>
public sealed class DemoSeeder(GongkaiDbContext db, FirstRun firstRun, AuditLog audit, IEnumerable<IDemoStep> steps, TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    public async Task<DemoResult> SeedAsync(AuditActor actor, CancellationToken cancellationToken = default)
    {
        if (await db.Agencies.AnyAsync(a => a.OrganizationCode == DemoRegion.CityCode, cancellationToken))
            return new DemoResult(false, [], ["演示数据已存在，未重复载入。"]);

        await firstRun.EnsureRolesAsync(cancellationToken);
        var context = new DemoContext(actor, clock);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A step can take a while (a year of requests, PDFs printed): say which one is running.
        foreach (var step in steps.OrderBy(s => s.Order))
        {
            logger.LogInformation("Loading the demo region: {Step}", step.GetType().Name);
            await step.RunAsync(context, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            ForgetSavedRows(db);
        }
        audit.Record(actor, AuditAction.DemoSeeded, "Demo", DemoRegion.CityCode, "载入演示数据：" + string.Join("；", context.Summary));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DemoResult(true, context.Accounts, context.Summary);
    }

    /// <summary>
    /// Stops tracking what was saved, but the agencies the context hands on: each SaveChanges walks
    /// every tracked row, and the thousands left from earlier steps (or from a step's earlier
    /// documents) made every later save slower. Steps hand on ids, never other tracked rows.
    /// </summary>
    internal static void ForgetSavedRows(GongkaiDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Unchanged && e.Entity is not Agencies.Agency).ToList())
            entry.State = EntityState.Detached;
    }
}

public static class DemoServices
{
    public static IServiceCollection AddDemoStep<T>(this IServiceCollection services) where T : class, IDemoStep =>
        services.AddScoped<IDemoStep, T>();

    internal static IServiceCollection AddDemoSeeder(this IServiceCollection services) =>
        services.AddScoped<DemoSeeder>().AddDemoStep<DemoRegion>().AddDemoStep<DemoStaff>();
}
