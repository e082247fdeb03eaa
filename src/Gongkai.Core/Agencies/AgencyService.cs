using System.Net.Mail;
using Gongkai.Core.Audit;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Files;
using Gongkai.Core.Security;
using Gongkai.Core.Storage;
using Gongkai.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Agencies;

/// <summary>Creating and changing agencies: the hierarchy's rules, a valid and unique code, an audit line.</summary>
public sealed class AgencyService(GongkaiDbContext db, AuditLog audit, FileStore files, CatalogueChanges catalogue, TimeProvider clock)
{
    private static readonly FileKind[] GuideKinds = [FileKind.Pdf, FileKind.Ofd, FileKind.Docx];

    public async Task<Result<Agency>> CreateAsync(AgencyInput input, AuditActor actor, CancellationToken cancellationToken = default)
    {
        input = Trim(input);
        var errors = await ValidateAsync(null, input, cancellationToken);
        if (errors.Count > 0) return Result<Agency>.Failure(errors);

        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var agency = new Agency
        {
            Name = input.Name, OrganizationCode = input.OrganizationCode, OfficeName = input.OfficeName,
            OfficeAddress = input.OfficeAddress, OfficePhone = input.OfficePhone, CreatedAt = now,
        };
        Copy(input, agency, now);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(actor, AuditAction.AgencyCreated, nameof(Agency), Id(agency),
            $"新建{agency.Level.Label()}级机关“{agency.Name}”（{agency.OrganizationCode}）");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // The catalogue's agency filter lists every agency.
        await NotifyCatalogueAsync();
        return Result<Agency>.Success(agency);
    }

    public async Task<Result<Agency>> UpdateAsync(int id, AgencyInput input, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"机关 {id} 不存在。");
        input = Trim(input);
        var errors = await ValidateAsync(id, input, cancellationToken);
        if (errors.Count > 0) return Result<Agency>.Failure(errors);

        var changed = Changes(AgencyInput.From(agency), input);
        if (changed.Count == 0) return Result<Agency>.Success(agency);
        Copy(input, agency, clock.GetUtcNow().UtcDateTime);
        audit.Record(actor, AuditAction.AgencyUpdated, nameof(Agency), Id(agency),
            $"修改机关“{agency.Name}”：{string.Join("、", changed)}");
        await db.SaveChangesAsync(cancellationToken);
        // Its name or place in the catalogue's agency filter may have changed.
        await NotifyCatalogueAsync();
        return Result<Agency>.Success(agency);
    }

    /// <summary>
    /// Tells the catalogue once the change is committed. Inside a caller's transaction (an import's
    /// batch) nothing is committed yet, so the caller tells it once, after its last commit: a page
    /// reloaded now would read the agencies without this one and keep them.
    /// </summary>
    private async Task NotifyCatalogueAsync()
    {
        if (db.Database.CurrentTransaction is null) await catalogue.NotifyAsync(CatalogueChange.Everything);
    }

    /// <summary>The 公开指南 as a file (PDF, OFD or Word) beside the text; refused with the file's own reason.</summary>
    public async Task<Result<StoredFile>> SetGuideFileAsync(int id, Stream upload, string fileName, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"机关 {id} 不存在。");
        var stored = await files.AddAsync(upload, fileName, GuideKinds, actor, cancellationToken);
        if (stored.Value is not { } file)
        {
            db.ChangeTracker.Clear();
            return stored;
        }
        agency.GuideFileId = file.Id;
        audit.Record(actor, AuditAction.AgencyUpdated, nameof(Agency), Id(agency), $"更新机关“{agency.Name}”的公开指南文件为“{file.FileName}”");
        await db.SaveChangesAsync(cancellationToken);
        return stored;
    }

    private static void Copy(AgencyInput input, Agency agency, DateTime now)
    {
        if (agency.Guide != input.Guide) agency.GuideUpdatedAt = now;
        agency.ParentId = input.ParentId;
        agency.Name = input.Name;
        agency.Level = input.Level;
        agency.OrganizationCode = input.OrganizationCode;
        agency.SortOrder = input.SortOrder;
        agency.OfficeName = input.OfficeName;
        agency.OfficeAddress = input.OfficeAddress;
        agency.PostalCode = input.PostalCode;
        agency.OfficePhone = input.OfficePhone;
        agency.OfficeFax = input.OfficeFax;
        agency.OfficeEmail = input.OfficeEmail;
        agency.OfficeHours = input.OfficeHours;
        agency.Guide = input.Guide;
        agency.UpdatedAt = now;
    }

    private async Task<List<FieldError>> ValidateAsync(int? id, AgencyInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        void Require(string field, string value, string label, int max)
        {
            if (value.Length == 0) errors.Add(new(field, $"请填写{label}。"));
            else if (value.Length > max) errors.Add(new(field, $"{label}不能超过{max}个字。"));
        }
        Require(nameof(input.Name), input.Name, "机关名称", 100);
        Require(nameof(input.OfficeName), input.OfficeName, "政府信息公开工作机构名称", 100);
        Require(nameof(input.OfficeAddress), input.OfficeAddress, "办公地址", 200);
        Require(nameof(input.OfficePhone), input.OfficePhone, "联系电话", 50);
        if (!Enum.IsDefined(input.Level)) errors.Add(new(nameof(input.Level), "请选择行政层级。"));
        if (!CreditCode.IsValid(input.OrganizationCode))
            errors.Add(new(nameof(input.OrganizationCode), "统一社会信用代码应为18位，且校验位正确。"));
        else if (await db.Agencies.AnyAsync(a => a.OrganizationCode == input.OrganizationCode && a.Id != id, cancellationToken))
            errors.Add(new(nameof(input.OrganizationCode), "该统一社会信用代码已被其他机关使用。"));
        if (input.PostalCode is { } postal && (postal.Length != 6 || !postal.All(char.IsAsciiDigit)))
            errors.Add(new(nameof(input.PostalCode), "邮政编码应为6位数字。"));
        if (input.OfficeEmail is { } email && !MailAddress.TryCreate(email, out _))
            errors.Add(new(nameof(input.OfficeEmail), "电子邮箱格式不正确。"));

        AgencyLevel? parentLevel = null;
        if (input.ParentId is { } parentId)
        {
            var parent = await db.Agencies.AsNoTracking().Where(a => a.Id == parentId)
                .Select(a => new { a.Level }).SingleOrDefaultAsync(cancellationToken);
            if (parent is null) errors.Add(new(nameof(input.ParentId), "上级机关不存在。"));
            else parentLevel = parent.Level;
            if (id is { } self && await IsSelfOrDescendantAsync(parentId, self, cancellationToken))
                errors.Add(new(nameof(input.ParentId), "不能把机关设为自己或下级机关的下级。"));
        }
        if (Enum.IsDefined(input.Level) && (input.ParentId is null || parentLevel is not null)
            && !input.Level.CanBeChildOf(parentLevel))
        {
            errors.Add(new(nameof(input.ParentId), parentLevel is { } p
                ? $"{input.Level.Label()}级机关不能隶属于{p.Label()}级机关。"
                : $"{input.Level.Label()}级机关必须有上级机关。"));
        }
        return errors;
    }

    private async Task<bool> IsSelfOrDescendantAsync(int candidate, int self, CancellationToken cancellationToken)
    {
        var parents = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ParentId, cancellationToken);
        for (int? at = candidate; at is { } current; at = parents.GetValueOrDefault(current))
            if (current == self) return true;
        return false;
    }

    private static AgencyInput Trim(AgencyInput i) => i with
    {
        Name = i.Name.Trim(), OrganizationCode = i.OrganizationCode.Trim().ToUpperInvariant(),
        OfficeName = i.OfficeName.Trim(), OfficeAddress = i.OfficeAddress.Trim(), OfficePhone = i.OfficePhone.Trim(),
        PostalCode = Blank(i.PostalCode), OfficeFax = Blank(i.OfficeFax), OfficeEmail = Blank(i.OfficeEmail),
        OfficeHours = Blank(i.OfficeHours), Guide = i.Guide.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static List<string> Changes(AgencyInput before, AgencyInput after)
    {
        var labels = new List<string>();
        if (before.ParentId != after.ParentId) labels.Add("上级机关");
        if (before.Name != after.Name) labels.Add($"名称（原“{before.Name}”）");
        if (before.Level != after.Level) labels.Add("行政层级");
        if (before.OrganizationCode != after.OrganizationCode) labels.Add($"统一社会信用代码（原{before.OrganizationCode}）");
        if (before.SortOrder != after.SortOrder) labels.Add("排序");
        if (before.OfficeName != after.OfficeName || before.OfficeAddress != after.OfficeAddress
            || before.PostalCode != after.PostalCode || before.OfficePhone != after.OfficePhone
            || before.OfficeFax != after.OfficeFax || before.OfficeEmail != after.OfficeEmail
            || before.OfficeHours != after.OfficeHours) labels.Add("公开工作机构及联系方式");
        if (before.Guide != after.Guide) labels.Add("政府信息公开指南");
        return labels;
    }

    private static string Id(Agency a) => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
