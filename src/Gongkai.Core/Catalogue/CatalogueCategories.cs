using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Catalogue;

/// <summary>
/// An agency's own 政府信息公开目录: the categories its office head keeps in order. A category in
/// use by a document cannot be removed, only renamed.
/// </summary>
public sealed class CatalogueCategories(GongkaiDbContext db, AuditLog audit, CatalogueChanges changes)
{
    /// <summary>The categories most local governments' catalogues share (条例第二十条), offered to an agency without any.</summary>
    public static readonly IReadOnlyList<string> Defaults =
    [
        "机构职能", "法规文件", "规划计划", "政策解读", "财政信息", "行政许可", "行政处罚", "行政事业性收费",
        "政府采购", "重大建设项目", "公共服务", "人事信息", "应急管理", "统计信息", "其他",
    ];

    public Task<List<CatalogueCategory>> ListAsync(int agencyId, CancellationToken cancellationToken = default) =>
        db.CatalogueCategories.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>How many documents (in any state) each of the agency's categories holds; a category in use cannot be removed.</summary>
    public Task<Dictionary<int, int>> InUseAsync(int agencyId, CancellationToken cancellationToken = default) =>
        db.Documents.Where(d => d.AgencyId == agencyId && d.CategoryId != null).GroupBy(d => d.CategoryId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public async Task<Result<CatalogueCategory>> AddAsync(int agencyId, string name, CatalogueUser user, CancellationToken cancellationToken = default)
    {
        var error = await CheckAsync(agencyId, null, name, user, cancellationToken);
        if (error is not null) return Result<CatalogueCategory>.Failure("Name", error);
        var last = await db.CatalogueCategories.Where(c => c.AgencyId == agencyId).MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0;
        var category = new CatalogueCategory { AgencyId = agencyId, Name = name.Trim(), SortOrder = last + 1 };
        db.CatalogueCategories.Add(category);
        Audit(user, agencyId, $"添加公开目录分类“{category.Name}”");
        await SaveAsync(cancellationToken);
        return Result<CatalogueCategory>.Success(category);
    }

    public async Task<Result<CatalogueCategory>> RenameAsync(int id, string name, CatalogueUser user, CancellationToken cancellationToken = default)
    {
        var category = await FindAsync(id, user, cancellationToken);
        var error = await CheckAsync(category.AgencyId, id, name, user, cancellationToken);
        if (error is not null) return Result<CatalogueCategory>.Failure("Name", error);
        Audit(user, category.AgencyId, $"公开目录分类“{category.Name}”改名为“{name.Trim()}”");
        category.Name = name.Trim();
        await SaveAsync(cancellationToken);
        return Result<CatalogueCategory>.Success(category);
    }

    /// <summary>Moves a category one place up (or down), swapping with its neighbour.</summary>
    public async Task MoveAsync(int id, bool up, CatalogueUser user, CancellationToken cancellationToken = default)
    {
        var category = await FindAsync(id, user, cancellationToken);
        var all = await db.CatalogueCategories.Where(c => c.AgencyId == category.AgencyId).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var at = all.FindIndex(c => c.Id == id);
        var other = up ? at - 1 : at + 1;
        if (other < 0 || other >= all.Count) return;
        (all[at], all[other]) = (all[other], all[at]);
        for (var i = 0; i < all.Count; i++) all[i].SortOrder = i + 1;
        Audit(user, category.AgencyId, $"调整公开目录分类“{category.Name}”的顺序");
        await SaveAsync(cancellationToken);
    }

    public async Task<Result<CatalogueCategory>> RemoveAsync(int id, CatalogueUser user, CancellationToken cancellationToken = default)
    {
        var category = await FindAsync(id, user, cancellationToken);
        if (await db.Documents.AnyAsync(d => d.CategoryId == id, cancellationToken))
            return Result<CatalogueCategory>.Failure("", $"“{category.Name}”下已有政府信息，不能删除，可以改名。");
        db.CatalogueCategories.Remove(category);
        Audit(user, category.AgencyId, $"删除公开目录分类“{category.Name}”");
        await SaveAsync(cancellationToken);
        return Result<CatalogueCategory>.Success(category);
    }

    /// <summary>Gives an agency without categories the common list.</summary>
    public async Task UseDefaultsAsync(int agencyId, CatalogueUser user, CancellationToken cancellationToken = default)
    {
        if (!user.CanManageCategories || !await user.Scope.Apply(db.Agencies, a => a.Id).AnyAsync(a => a.Id == agencyId, cancellationToken))
            throw new KeyNotFoundException($"机关 {agencyId} 不存在。");
        if (await db.CatalogueCategories.AnyAsync(c => c.AgencyId == agencyId, cancellationToken)) return;
        for (var i = 0; i < Defaults.Count; i++)
            db.CatalogueCategories.Add(new CatalogueCategory { AgencyId = agencyId, Name = Defaults[i], SortOrder = i + 1 });
        Audit(user, agencyId, "采用通用公开目录分类");
        await SaveAsync(cancellationToken);
    }

    /// <summary>Saves, and tells the catalogue's pages, whose category filter lists the agency's categories.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await changes.NotifyAsync(CatalogueChange.Everything);
    }

    private async Task<CatalogueCategory> FindAsync(int id, CatalogueUser user, CancellationToken cancellationToken)
    {
        var category = user.CanManageCategories
            ? await user.Scope.Apply(db.CatalogueCategories, c => c.AgencyId).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            : null;
        return category ?? throw new KeyNotFoundException($"分类 {id} 不存在。");
    }

    private async Task<string?> CheckAsync(int agencyId, int? id, string name, CatalogueUser user, CancellationToken cancellationToken)
    {
        if (!user.CanManageCategories || !await user.Scope.Apply(db.Agencies, a => a.Id).AnyAsync(a => a.Id == agencyId, cancellationToken))
            throw new KeyNotFoundException($"机关 {agencyId} 不存在。");
        var trimmed = name.Trim();
        if (trimmed.Length == 0) return "请填写分类名称。";
        if (trimmed.Length > 50) return "分类名称不能超过50个字。";
        return await db.CatalogueCategories.AnyAsync(c => c.AgencyId == agencyId && c.Name == trimmed && c.Id != id, cancellationToken)
            ? $"已有名为“{trimmed}”的分类。"
            : null;
    }

    private void Audit(CatalogueUser user, int agencyId, string summary) =>
        audit.Record(user.Actor, AuditAction.CatalogueCategoriesChanged, "Agency", agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture), summary);
}
