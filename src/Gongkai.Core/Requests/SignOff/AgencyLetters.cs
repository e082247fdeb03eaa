using System.Globalization;
using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Security;
using Gongkai.Core.Storage;
using Gongkai.Domain.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Requests.SignOff;

/// <summary>What an administrator sets for an agency's sign-off chain.</summary>
public sealed record ChainInput(bool ChainEnabled, bool ReviewStage, bool LegalReview, bool HeadMaySignOwn);

/// <summary>One kind of letter's series: its prefix, the last number issued this year, and the next.</summary>
public sealed record SeriesRow(LetterKind Kind, string? Prefix, int IssuedThisYear, string? NextNumber)
{
    /// <summary>A number of this year has been issued: the prefix stays until the year ends.</summary>
    public bool Locked => IssuedThisYear > 0;
}

/// <summary>An agency's letter settings as the administrator's page shows them.</summary>
public sealed record AgencyLettersView(Agency Agency, LetterSettings? Settings, int Year, IReadOnlyList<SeriesRow> Series, StoredFile? Seal,
    int OfficeHeads, int LegalReviewers);

/// <summary>
/// An administrator keeps each agency's letters: the sign-off chain, the numbers' prefixes (one
/// series per kind of letter and year) and the seal. A chain that nobody could complete is refused;
/// a prefix is refused once the year has a number from it, or when another series uses it.
/// </summary>
public sealed class AgencyLetters(GongkaiDbContext db, FileStore files, AuditLog audit, OfficeClock clock)
{
    public async Task<AgencyLettersView?> ForAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        if (await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, cancellationToken) is not { } agency)
            return null;
        var settings = await db.LetterSettings.AsNoTracking().SingleOrDefaultAsync(s => s.AgencyId == agencyId, cancellationToken);
        var seal = settings?.SealFileId is { } id ? await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == id, cancellationToken) : null;
        var series = new List<SeriesRow>();
        foreach (var kind in Enum.GetValues<LetterKind>())
        {
            var (prefix, issued) = await CurrentAsync(agencyId, kind, cancellationToken);
            series.Add(new SeriesRow(kind, prefix, issued, prefix is null ? null : LetterNumber.Format(prefix, clock.Today.Year, issued + 1)));
        }
        return new AgencyLettersView(agency, settings, clock.Today.Year, series, seal,
            await StaffCountAsync(agencyId, Roles.OfficeHead, cancellationToken), await StaffCountAsync(agencyId, Roles.LegalReviewer, cancellationToken));
    }

    /// <summary>The number the next letter of the kind would get this year; null when the agency has no series for it.</summary>
    public async Task<string?> NextNumberAsync(int agencyId, LetterKind kind, CancellationToken cancellationToken = default)
    {
        var (prefix, issued) = await CurrentAsync(agencyId, kind, cancellationToken);
        return prefix is null ? null : LetterNumber.Format(prefix, clock.Today.Year, issued + 1);
    }

    public async Task<Result<LetterSettings>> SaveChainAsync(int agencyId, ChainInput input, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, cancellationToken);
        if (input.ChainEnabled && await StaffCountAsync(agencyId, Roles.OfficeHead, cancellationToken) == 0)
            return Result<LetterSettings>.Failure(nameof(input.ChainEnabled), "本机关没有公开办负责人账号，开启签发流程后文书将无人签发：请先为本机关创建公开办负责人账号。");
        if (input.ChainEnabled && input.LegalReview && await StaffCountAsync(agencyId, Roles.LegalReviewer, cancellationToken) == 0)
            return Result<LetterSettings>.Failure(nameof(input.LegalReview), "本机关没有法制审核员账号，不能开启法制审核：请先为本机关创建法制审核员账号。");
        var settings = await SettingsAsync(agencyId, actor, cancellationToken);
        (settings.ChainEnabled, settings.ReviewStage, settings.LegalReview, settings.HeadMaySignOwn) =
            (input.ChainEnabled, input.ReviewStage, input.LegalReview, input.HeadMaySignOwn);
        var chain = settings.Chain;
        var summary = chain.Enabled
            ? $"“{agency.Name}”的文书须经签发：承办 → {string.Join(" → ", chain.Route(refusal: true).Select(SignOffChain.Label))}"
              + (chain.LegalReview ? "（法制审核仅适用于不予公开、不予处理、无法提供和部分公开）" : "")
              + (chain.HeadMaySignOwn ? "；公开办负责人可以签发本人起草的文书" : "；公开办负责人不签发本人起草的文书")
            : $"“{agency.Name}”的文书随办理步骤直接出具，不经签发";
        audit.Record(actor, AuditAction.LetterSettingsChanged, "Agency", Id(agencyId), summary);
        await db.SaveChangesAsync(cancellationToken);
        return Result<LetterSettings>.Success(settings);
    }

    /// <summary>
    /// Sets the prefix of the agency's series for the kind from this year on. Refused once a number of
    /// this year has been issued from the series, and for a prefix another series uses.
    /// </summary>
    public async Task<Result<string>> SetPrefixAsync(int agencyId, LetterKind kind, string? prefix, AuditActor actor, CancellationToken cancellationToken = default)
    {
        prefix = prefix?.Trim() ?? "";
        var field = "Prefix." + kind;
        if (!Enum.IsDefined(kind))
            return Result<string>.Failure("Kind", "请选择文书种类。");
        var year = clock.Today.Year;
        var (current, issued) = await CurrentAsync(agencyId, kind, cancellationToken);
        if (prefix == (current ?? ""))
            return Result<string>.Success(prefix);
        if (issued > 0)
            return Result<string>.Failure(field,
                $"{LetterKinds.Label(kind)}的文号前缀“{current}”{year}年已编至第{issued}号，本年度内不能修改，以免文号重复或断号；可在下一年度开始前修改。");
        if (prefix.Length == 0)
        {
            if (await db.LetterSeries.AnyAsync(s => s.AgencyId == agencyId && s.Kind == kind && s.LastSerial > 0, cancellationToken))
                return Result<string>.Failure(field, $"{LetterKinds.Label(kind)}已按文号前缀“{current}”编号，不能取消编号，只能在新的年度改用其他前缀。");
            await db.LetterSeries.Where(s => s.AgencyId == agencyId && s.Kind == kind).ExecuteDeleteAsync(cancellationToken);
            audit.Record(actor, AuditAction.LetterSettingsChanged, "Agency", Id(agencyId), $"取消{LetterKinds.Label(kind)}的文号前缀，改按申请编号编号");
            await db.SaveChangesAsync(cancellationToken);
            return Result<string>.Success("");
        }
        if (LetterNumber.PrefixRefusal(prefix) is { } invalid)
            return Result<string>.Failure(field, invalid);
        var taken = await (from s in db.LetterSeries
                           join a in db.Agencies on s.AgencyId equals a.Id
                           where s.Prefix == prefix && (s.AgencyId != agencyId || s.Kind != kind)
                           select new { a.Name, s.Kind }).FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
            return Result<string>.Failure(field, $"文号前缀“{prefix}”已由“{taken.Name}”的{LetterKinds.Label(taken.Kind)}使用，请使用其他前缀，以免文号重复。");

        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        if (!await LetterNumbers.SetPrefixAsync(db, agencyId, kind, year, prefix, cancellationToken))
            return Result<string>.Failure(field, $"{LetterKinds.Label(kind)}的文号{year}年已开始编号，本年度内不能修改前缀。");
        audit.Record(actor, AuditAction.LetterSettingsChanged, "Agency", Id(agencyId),
            $"{LetterKinds.Label(kind)}的文号前缀设为“{prefix}”（如 {LetterNumber.Format(prefix, year, 1)}）");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<string>.Success(prefix);
    }

    /// <summary>Takes a new seal for the agency's letters from now on; letters issued before keep theirs.</summary>
    public async Task<Result<StoredFile>> SetSealAsync(int agencyId, Stream upload, string fileName, AuditActor actor, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= SealImage.MaxBytes && (read = await upload.ReadAsync(chunk, cancellationToken)) > 0)
            buffer.Write(chunk, 0, read);
        if (SealImage.Refusal(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is { } refused)
            return Result<StoredFile>.Failure("Seal", refused);
        buffer.Position = 0;
        var stored = await files.AddAsync(buffer, fileName, [FileKind.Png], actor, cancellationToken);
        if (stored.Value is not { } file)
            return Result<StoredFile>.Failure("Seal", stored.Errors[0].Message);
        var settings = await SettingsAsync(agencyId, actor, cancellationToken);
        settings.SealFileId = file.Id;
        audit.Record(actor, AuditAction.LetterSettingsChanged, "Agency", Id(agencyId), "上传印章图片，此后出具的文书加盖该印章");
        await db.SaveChangesAsync(cancellationToken);
        return Result<StoredFile>.Success(file);
    }

    public async Task RemoveSealAsync(int agencyId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        if (await db.LetterSettings.SingleOrDefaultAsync(s => s.AgencyId == agencyId, cancellationToken) is not { SealFileId: not null } settings)
            return;
        settings.SealFileId = null;
        Touch(settings, actor);
        audit.Record(actor, AuditAction.LetterSettingsChanged, "Agency", Id(agencyId), "删除印章图片，此后出具的文书不加盖印章");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The prefix the kind's numbers use this year (this year's row, else the latest before it) and how many this year has issued.</summary>
    private async Task<(string? Prefix, int Issued)> CurrentAsync(int agencyId, LetterKind kind, CancellationToken cancellationToken)
    {
        var year = clock.Today.Year;
        var latest = await db.LetterSeries.AsNoTracking().Where(s => s.AgencyId == agencyId && s.Kind == kind && s.Year <= year)
            .OrderByDescending(s => s.Year).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? (null, 0) : (latest.Prefix, latest.Year == year ? latest.LastSerial : 0);
    }

    private async Task<LetterSettings> SettingsAsync(int agencyId, AuditActor actor, CancellationToken cancellationToken)
    {
        var settings = await db.LetterSettings.SingleOrDefaultAsync(s => s.AgencyId == agencyId, cancellationToken);
        if (settings is null)
            db.LetterSettings.Add(settings = new LetterSettings { AgencyId = agencyId, UpdatedBy = "" });
        Touch(settings, actor);
        return settings;
    }

    private void Touch(LetterSettings settings, AuditActor actor)
    {
        settings.UpdatedBy = actor.Name.Length > 100 ? actor.Name[..100] : actor.Name;
        settings.UpdatedAt = clock.UtcNow;
    }

    /// <summary>Active accounts of the agency in the role (a locked account signs nothing).</summary>
    private async Task<int> StaffCountAsync(int agencyId, string role, CancellationToken cancellationToken)
    {
        var lockouts = await (from u in db.Users
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where u.AgencyId == agencyId && r.Name == role
                              select u.LockoutEnd).ToListAsync(cancellationToken);
        return lockouts.Count(end => end is null || end < new DateTimeOffset(clock.UtcNow, TimeSpan.Zero));
    }

    private static string Id(int agencyId) => agencyId.ToString(CultureInfo.InvariantCulture);
}
