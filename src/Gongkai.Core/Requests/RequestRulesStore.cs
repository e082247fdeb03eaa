using System.Globalization;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Core.Requests;

/// <summary>An agency's own <see cref="RequestRules"/> (the office sets them; without a row, the defaults apply).</summary>
public sealed class AgencyRequestRules
{
    public int AgencyId { get; set; }
    public int CorrectionPeriodMin { get; set; }
    public int CorrectionPeriodMax { get; set; }
    public int CorrectionPeriodDefault { get; set; }
    public int ReasonsPeriodMin { get; set; }
    public int ReasonsPeriodDefault { get; set; }
    public int InternalConsultationDefault { get; set; }
    public int DelayMaxWorkingDays { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }

    public RequestRules ToRules() => new(CorrectionPeriodMin, CorrectionPeriodMax, CorrectionPeriodDefault, ReasonsPeriodMin, ReasonsPeriodDefault,
        InternalConsultationDefault, DelayMaxWorkingDays);
}

internal sealed class AgencyRequestRulesConfiguration : IEntityTypeConfiguration<AgencyRequestRules>
{
    public void Configure(EntityTypeBuilder<AgencyRequestRules> r)
    {
        r.ToTable("RequestRules");
        r.HasKey(x => x.AgencyId);
        r.Property(x => x.AgencyId).ValueGeneratedNever();
        r.HasOne<Agency>().WithOne().HasForeignKey<AgencyRequestRules>(x => x.AgencyId).OnDelete(DeleteBehavior.Cascade);
        r.Property(x => x.UpdatedBy).HasMaxLength(100);
    }
}

/// <summary>Reads and keeps the periods each office sets within the law's room (docs/deadlines.md).</summary>
public sealed class RequestRulesStore(GongkaiDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<RequestRules> ForAgencyAsync(int agencyId, CancellationToken cancellationToken = default) =>
        (await db.Set<AgencyRequestRules>().AsNoTracking().SingleOrDefaultAsync(r => r.AgencyId == agencyId, cancellationToken))?.ToRules()
        ?? RequestRules.Default;

    public async Task<string> AgencyNameAsync(int agencyId, CancellationToken cancellationToken = default) =>
        await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(cancellationToken);

    /// <summary>Saves the office's rules, or says what is wrong with them; the running cases' dates follow at once.</summary>
    public async Task<Result<RequestRules>> SaveAsync(int agencyId, RequestRules rules, RequestActor by, CancellationToken cancellationToken = default)
    {
        if (!by.IsOfficeHeadOf(agencyId))
            return Result<RequestRules>.Failure("", "只有本机关的公开办负责人可以修改办理期限设置。");
        var actor = by.Audit;
        if (rules.Problem() is { } problem)
            return Result<RequestRules>.Failure("", problem + "。");
        var row = await db.Set<AgencyRequestRules>().SingleOrDefaultAsync(r => r.AgencyId == agencyId, cancellationToken);
        if (row is null)
            db.Add(row = new AgencyRequestRules { AgencyId = agencyId, UpdatedBy = "" });
        (row.CorrectionPeriodMin, row.CorrectionPeriodMax, row.CorrectionPeriodDefault) = (rules.CorrectionPeriodMin, rules.CorrectionPeriodMax, rules.CorrectionPeriodDefault);
        (row.ReasonsPeriodMin, row.ReasonsPeriodDefault) = (rules.ReasonsPeriodMin, rules.ReasonsPeriodDefault);
        (row.InternalConsultationDefault, row.DelayMaxWorkingDays) = (rules.InternalConsultationDefault, rules.DelayMaxWorkingDays);
        row.UpdatedBy = actor.Name.Length > 100 ? actor.Name[..100] : actor.Name;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, AuditAction.RequestRulesChanged, "Agency", agencyId.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture,
                $"办理期限设置：补正期限{rules.CorrectionPeriodMin}至{rules.CorrectionPeriodMax}个工作日（默认{rules.CorrectionPeriodDefault}），说明理由期限不少于{rules.ReasonsPeriodMin}个工作日（默认{rules.ReasonsPeriodDefault}），内部征求意见{rules.InternalConsultationDefault}个工作日，延迟答复合理期限不超过{rules.DelayMaxWorkingDays}个工作日"));
        await db.SaveChangesAsync(cancellationToken);
        return Result<RequestRules>.Success(rules);
    }
}
