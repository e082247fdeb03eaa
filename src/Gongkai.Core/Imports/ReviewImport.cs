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
        new("caseNumber", "原案件编号", Required: true),
        new("agencyCode", "机关统一社会信用代码", Required: true),
        new("kind", "类型", Required: true),
        new("filedOn", "申请复议或起诉日期", Required: true),
        new("authority", "复议机关或人民法院", Required: true),
        new("reviewCaseNumber", "案号"),
        new("result", "结果", Required: true),
        new("concludedOn", "审结日期"),
        new("notes", "备注"),
    ];
}

/// <summary>
/// 行政复议 and 行政诉讼 of imported historical requests, for table 四, through <see cref="ReviewService"/>
/// with its rules. Kept apart from the requests on purpose: reviews are becoming cases of their own
/// (issue 14), and only this class needs to follow.
/// </summary>
internal sealed class ReviewImport(GongkaiDbContext db, ReviewService reviews) : IRowImporter
{
    public ImportKind Kind => ImportKind.Reviews;

    public IReadOnlyList<ImportColumn> Columns => ReviewColumns.All;

    public string? KeyOf(ImportRow row) => row.Optional("caseNumber") is { } number
        ? string.Join(':', row["agencyCode"].ToUpperInvariant(), number, row["kind"], row["filedOn"], row["reviewCaseNumber"])
        : null;

    public void Forget() { }

    public async Task<IReadOnlyList<RowOutcome>> ImportAsync(IReadOnlyList<ImportRow> rows, ImportContext context, CancellationToken cancellationToken)
    {
        var outcomes = new List<RowOutcome>();
        foreach (var row in rows)
        {
            var errors = new List<string>();
            var v = new ImportValues(row, errors);
            var number = v.Text("caseNumber", "原案件编号", 100, required: true);
            var code = v.Text("agencyCode", "机关统一社会信用代码", 18, required: true).ToUpperInvariant();
            var kind = v.Choice<ReviewKind>("kind", "类型", ReviewCases.Label, required: true);
            var filed = v.Date("filedOn", "申请复议或起诉日期", required: true);
            var result = v.Choice<ReviewResult>("result", "结果", ReviewCases.Label, required: true);
            var concluded = v.Date("concludedOn", "审结日期");
            var caseNumber = v.Optional("reviewCaseNumber", "案号", 100);
            if (errors.Count > 0 || kind is null || result is null)
            {
                outcomes.Add(RowOutcome.Refuse(string.Join("；", errors)));
                continue;
            }
            var request = await (from r in db.Requests.AsNoTracking()
                                 join a in db.Agencies.AsNoTracking() on r.AgencyId equals a.Id
                                 where a.OrganizationCode == code && r.ImportedCaseNumber == number
                                 select new { r.Id, r.AgencyId }).SingleOrDefaultAsync(cancellationToken);
            if (request is null)
            {
                outcomes.Add(RowOutcome.Refuse($"没有原案件编号为{number}的导入申请（请先导入历史申请）"));
                continue;
            }
            if (await db.RequestReviews.AnyAsync(r => r.RequestId == request.Id && r.Kind == kind && r.FiledOn == filed && r.CaseNumber == caseNumber, cancellationToken))
            {
                outcomes.Add(RowOutcome.Existing);
                continue;
            }
            var actor = new RequestActor(context.Actor, request.AgencyId, [Roles.OfficeHead], AgencyScope.Everything);
            var saved = await reviews.SaveAsync(request.Id, null, new ReviewInput
            {
                Kind = kind.Value, FiledOn = filed, Authority = row["authority"], CaseNumber = caseNumber, Result = result.Value, ConcludedOn = concluded,
                Notes = row.Optional("notes"),
            }, actor, cancellationToken);
            outcomes.Add(saved.Succeeded ? RowOutcome.Added : RowOutcome.Refuse(string.Join("；", saved.Errors.Select(e => e.Message.TrimEnd('。')))));
        }
        return outcomes;
    }
}
