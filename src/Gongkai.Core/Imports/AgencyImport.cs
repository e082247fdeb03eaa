using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Storage;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Reports.Generation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Imports;

/// <summary>The columns of agencies.csv (see docs/import/agencies.csv).</summary>
public static class AgencyColumns
{
    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new("organizationCode", "统一社会信用代码", Required: true),
        new("name", "名称", Required: true),
        new("level", "行政层级", Required: true),
        new("parentCode", "上级机关统一社会信用代码"),
        new("sortOrder", "排序"),
        new("officeName", "公开工作机构", Required: true),
        new("officeAddress", "办公地址", Required: true),
        new("postalCode", "邮政编码"),
        new("officePhone", "联系电话", Required: true),
        new("officeFax", "传真"),
        new("officeEmail", "电子邮箱"),
        new("officeHours", "办公时间"),
        new("guide", "公开指南"),
        new("inParentReport", "计入上级政府年度报告"),
    ];

    /// <summary>是 or 否: the parent government's choice whether its report covers the agency (docs/decisions/0022).</summary>
    public static string InParentReport(bool included) => included ? "是" : "否";

    public static bool? ReadInParentReport(string text) => text switch
    {
        "是" or "true" or "True" or "1" => true,
        "否" or "false" or "False" or "0" => false,
        _ => null,
    };
}

/// <summary>
/// Agencies with their disclosure offices and 公开指南, through <see cref="AgencyService"/> and its
/// rules (a valid 统一社会信用代码, a level that fits the parent). A parent is named by its code and
/// must come in an earlier row or already be on the platform.
/// </summary>
internal sealed class AgencyImport(GongkaiDbContext db, AgencyService agencies) : IRowImporter
{
    public ImportKind Kind => ImportKind.Agencies;

    public IReadOnlyList<ImportColumn> Columns => AgencyColumns.All;

    public string? KeyOf(ImportRow row) => row.Optional("organizationCode")?.ToUpperInvariant();

    public void Forget() { }

    public async Task<IReadOnlyList<RowOutcome>> ImportAsync(IReadOnlyList<ImportRow> rows, ImportContext context, CancellationToken cancellationToken)
    {
        var outcomes = new List<RowOutcome>();
        foreach (var row in rows)
        {
            var code = KeyOf(row)!;
            if (await db.Agencies.AnyAsync(a => a.OrganizationCode == code, cancellationToken))
            {
                outcomes.Add(RowOutcome.Existing);
                continue;
            }
            var errors = new List<string>();
            var v = new ImportValues(row, errors);
            var level = v.Choice<AgencyLevel>("level", "行政层级", l => l.Label(), required: true);
            var sortOrder = v.Number("sortOrder", "排序");
            Agency? parent = null;
            if (row.Optional("parentCode")?.ToUpperInvariant() is { } parentCode)
            {
                parent = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.OrganizationCode == parentCode, cancellationToken);
                if (parent is null) errors.Add($"上级机关（统一社会信用代码{parentCode}）不存在：上级机关须在前面的行或已在平台上");
            }
            bool? inParentReport = null;
            if (row.Optional("inParentReport") is { } choice)
            {
                inParentReport = AgencyColumns.ReadInParentReport(choice);
                if (inParentReport is null) errors.Add($"计入上级政府年度报告“{choice}”无效，应为“是”或“否”");
                else if (parent is null || !ReportScope.IsGovernment(parent.Level)) errors.Add("只有上级机关是人民政府时才能填写计入上级政府年度报告");
            }
            if (errors.Count > 0 || level is null)
            {
                outcomes.Add(RowOutcome.Refuse(string.Join("；", errors)));
                continue;
            }
            var created = await agencies.CreateAsync(new AgencyInput
            {
                OrganizationCode = code, Name = row["name"], Level = level.Value, ParentId = parent?.Id, SortOrder = sortOrder ?? 0,
                OfficeName = row["officeName"], OfficeAddress = row["officeAddress"], PostalCode = row.Optional("postalCode"),
                OfficePhone = row["officePhone"], OfficeFax = row.Optional("officeFax"), OfficeEmail = row.Optional("officeEmail"),
                OfficeHours = row.Optional("officeHours"), Guide = row.Cells.GetValueOrDefault("guide") ?? "",
            }, context.Actor, cancellationToken);
            if (created.Value is { } agency && inParentReport is { } included)
            {
                db.ReportScopeUnits.Add(new ReportScopeUnit { GovernmentId = parent!.Id, UnitId = agency.Id, Included = included });
                await db.SaveChangesAsync(cancellationToken);
            }
            outcomes.Add(created.Succeeded ? RowOutcome.Added : RowOutcome.Refuse(string.Join("；", created.Errors.Select(e => e.Message.TrimEnd('。')))));
        }
        return outcomes;
    }
}
