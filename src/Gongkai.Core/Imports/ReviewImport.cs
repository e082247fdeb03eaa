using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Imports;

/// <summary>The columns of reviews.csv (see docs/import/reviews.csv).</summary>
public static class ReviewColumns
{
    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new("agencyCode", "机关统一社会信用代码", Required: true),
        new("caseNumber", "原案件编号"),
        new("kind", "类型", Required: true),
        new("subject", "事由"),
        new("applicantName", "申请人或原告"),
        new("filedOn", "申请复议或起诉日期", Required: true),
        new("copyReceivedOn", "收到副本日期"),
        new("answeredOn", "答复或答辩日期"),
        new("authority", "复议机关或人民法院", Required: true),
        new("reviewCaseNumber", "案号"),
        new("reviewOf", "所复议案号"),
        new("result", "结果", Required: true),
        new("concludedOn", "审结日期"),
        new("notes", "备注"),
    ];
}

/// <summary>
/// 行政复议 and 行政诉讼 cases (table 四) through <see cref="ReviewService"/> with its rules: over an
/// imported historical request (原案件编号) or of their own (事由, e.g. 未依法主动公开); a 复议后起诉
/// names the 案号 of the review it follows (所复议案号), an earlier row or a case already here.
/// </summary>
internal sealed class ReviewImport(GongkaiDbContext db, ReviewService reviews) : IRowImporter
{
    public ImportKind Kind => ImportKind.Reviews;

    public IReadOnlyList<ImportColumn> Columns => ReviewColumns.All;

    public string? KeyOf(ImportRow row) => row.Optional("agencyCode") is { } code
        ? string.Join(':', code.ToUpperInvariant(), row["caseNumber"], row["kind"], row["filedOn"], row["reviewCaseNumber"])
        : null;

    public void Forget() { }

    public async Task<IReadOnlyList<RowOutcome>> ImportAsync(IReadOnlyList<ImportRow> rows, ImportContext context, CancellationToken cancellationToken)
    {
        var outcomes = new List<RowOutcome>();
        foreach (var row in rows)
            outcomes.Add(await ImportAsync(row, context, cancellationToken));
        return outcomes;
    }

    private async Task<RowOutcome> ImportAsync(ImportRow row, ImportContext context, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var v = new ImportValues(row, errors);
        var code = v.Text("agencyCode", "机关统一社会信用代码", 18, required: true).ToUpperInvariant();
        var number = v.Optional("caseNumber", "原案件编号", 100);
        var kind = v.Choice<ReviewKind>("kind", "类型", ReviewCases.Label, required: true);
        var filed = v.Date("filedOn", "申请复议或起诉日期", required: true);
        var copyReceived = v.Date("copyReceivedOn", "收到副本日期");
        var answered = v.Date("answeredOn", "答复或答辩日期");
        var result = v.Choice<ReviewResult>("result", "结果", ReviewCases.Label, required: true);
        var concluded = v.Date("concludedOn", "审结日期");
        var caseNumber = v.Optional("reviewCaseNumber", "案号", 100);
        var reviewOf = v.Optional("reviewOf", "所复议案号", 100);
        if (errors.Count > 0 || kind is null || result is null)
            return RowOutcome.Refuse(string.Join("；", errors));

        var agencyId = await db.Agencies.AsNoTracking().Where(a => a.OrganizationCode == code).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken);
        if (agencyId is not { } agency)
            return RowOutcome.Refuse($"统一社会信用代码为{code}的机关不存在（请先导入机关）");
        int? requestId = null;
        if (number is not null)
        {
            requestId = await db.Requests.AsNoTracking().Where(r => r.AgencyId == agency && r.ImportedCaseNumber == number)
                .Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
            if (requestId is null)
                return RowOutcome.Refuse($"没有原案件编号为{number}的导入申请（请先导入历史申请）");
        }
        int? followedId = null;
        if (reviewOf is not null)
        {
            followedId = await db.ReviewCases.AsNoTracking().Where(r => r.AgencyId == agency && r.Kind == ReviewKind.Review && r.CaseNumber == reviewOf)
                .Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
            if (followedId is null)
                return RowOutcome.Refuse($"本机关没有案号为{reviewOf}的行政复议案件（应在此行之前导入）");
        }
        if (await db.ReviewCases.AnyAsync(r => r.AgencyId == agency && r.RequestId == requestId && r.Kind == kind && r.FiledOn == filed && r.CaseNumber == caseNumber, cancellationToken))
            return RowOutcome.Existing;

        var actor = new RequestActor(context.Actor, agency, [Roles.OfficeHead], AgencyScope.Everything);
        var saved = await reviews.SaveAsync(null, new ReviewInput
        {
            RequestId = requestId, ReviewOfId = followedId, Kind = kind.Value, Subject = row.Optional("subject"), ApplicantName = row.Optional("applicantName"),
            FiledOn = filed, CopyReceivedOn = copyReceived, AnsweredOn = answered, Authority = row["authority"], CaseNumber = caseNumber,
            Result = result.Value, ConcludedOn = concluded, Notes = row.Optional("notes"),
        }, actor, cancellationToken);
        return saved.Succeeded ? RowOutcome.Added : RowOutcome.Refuse(string.Join("；", saved.Errors.Select(e => e.Message.TrimEnd('。'))));
    }
}
