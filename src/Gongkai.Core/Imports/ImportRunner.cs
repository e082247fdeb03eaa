using System.Data.Common;
using System.Globalization;
using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Core.Imports;

/// <summary>Who imports, whether only to check, and how often to report progress.</summary>
public sealed record ImportOptions(AuditActor Actor, bool Check = false, int BatchSize = 500, IProgress<ImportProgress>? Progress = null);

public sealed record ImportProgress(int Rows, int Line, int Added, int Existing, int Refused);

/// <summary>A refused row: its line in the file, its key when it has one, and why, in Chinese.</summary>
public sealed record RowRefusal(int Line, string? Key, string Reason)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"第{Line}行{(Key is null ? "" : $"（{Key}）")}：{Reason}");
}

/// <summary>What an import did (or, checking, would do). <paramref name="Issued"/>: one-time passwords of new accounts, shown once.</summary>
public sealed record ImportReport(ImportKind Kind, string FileName, bool Check, int Rows, int Added, int Existing, IReadOnlyList<RowRefusal> Refusals,
    string? FileError = null, int? ResumedAfterLine = null, IReadOnlyList<(string UserName, string Password)>? Issued = null)
{
    public int Refused => Refusals.Count;

    public string Summary => FileError ?? string.Create(CultureInfo.InvariantCulture,
        $"{(Check ? "检查" : "导入")}{Kind.Label()}：共{Rows}行，{(Check ? "可新增" : "新增")}{Added}条，已存在{Existing}条，{(Refused == 0 ? "没有拒绝的行" : $"拒绝{Refused}行")}{Resumed}。");

    private string Resumed => ResumedAfterLine is { } line ? string.Create(CultureInfo.InvariantCulture, $"（接续上次中断的导入，从第{line + 1}行起）") : "";
}

public enum RowResult
{
    Added,
    Existing,
    Refused,
}

public sealed record RowOutcome(RowResult Result, string? Reason = null)
{
    public static readonly RowOutcome Added = new(RowResult.Added);
    public static readonly RowOutcome Existing = new(RowResult.Existing);

    public static RowOutcome Refuse(string reason) => new(RowResult.Refused, reason);
}

/// <summary>What the importer of one kind of row is told about the run.</summary>
public sealed record ImportContext(AuditActor Actor, string FileName, bool Check);

/// <summary>The rows of one kind: their key, and how a batch of them enters the database in the caller's transaction.</summary>
internal interface IRowImporter
{
    ImportKind Kind { get; }
    IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>The row's stable key (索引号, the old system's case number …), or null when it has none.</summary>
    string? KeyOf(ImportRow row);

    /// <summary>One outcome per row, in order; the runner saves. Rows already present are <see cref="RowResult.Existing"/>.</summary>
    Task<IReadOnlyList<RowOutcome>> ImportAsync(IReadOnlyList<ImportRow> rows, ImportContext context, CancellationToken cancellationToken);

    /// <summary>After a rollback: forget what was cached about rows that are no longer there.</summary>
    void Forget();
}

/// <summary>
/// Runs an import: rows in batches, each batch one transaction with the run's progress, so a crash
/// loses at most the batch in hand and the next import of the same file resumes after the last
/// committed line; rows whose key is already present change nothing, so a second run of a file
/// adds nothing. A refused row (unreadable, a key twice, a rule broken) is reported with its line
/// and reason and the rest go on. When the database refuses a batch, its rows are retried one by
/// one to find the row at fault. A check (<c>--check</c>) runs the same code in one transaction
/// rolled back at the end, each batch in a savepoint: it finds what the import would, and changes nothing.
/// </summary>
public sealed class ImportRunner(GongkaiDbContext db, AuditLog audit, TimeProvider clock)
{
    private sealed record Pending(ImportRow Row, string? Key, string? Refusal);

    internal async Task<ImportReport> RunAsync(IRowImporter importer, ImportSource source, ImportOptions options, CancellationToken cancellationToken = default)
    {
        if (source.HeaderError is { } headerError)
            return new ImportReport(importer.Kind, source.FileName, options.Check, 0, 0, 0, [], headerError);
        var context = new ImportContext(options.Actor, source.FileName, options.Check);
        var outer = options.Check ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var run = options.Check ? null : await StartAsync(importer.Kind, source, options.Actor, cancellationToken);
            var resumedAfter = run is { LinesDone: > 0 } ? run.LinesDone : (int?)null;
            var (rows, added, existing) = (0, run?.Added ?? 0, run?.Existing ?? 0);
            var refusals = new List<RowRefusal>();
            if (run is { Refused: > 0 })
                refusals.AddRange(await db.ImportRefusals.AsNoTracking().Where(r => r.RunId == run.Id).OrderBy(r => r.Line)
                    .Select(r => new RowRefusal(r.Line, r.RowKey, r.Reason)).ToListAsync(cancellationToken));
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var batch = new List<Pending>();
            var lastLine = 0;

            async Task FlushAsync()
            {
                if (batch.Count == 0) return;
                var outcomes = await ImportBatchAsync(importer, batch, context, run, outer, cancellationToken);
                for (var i = 0; i < batch.Count; i++)
                {
                    switch (outcomes[i].Result)
                    {
                        case RowResult.Added: added++; break;
                        case RowResult.Existing: existing++; break;
                        case RowResult.Refused: refusals.Add(new RowRefusal(batch[i].Row.Line, batch[i].Key, outcomes[i].Reason!)); break;
                    }
                }
                batch.Clear();
                options.Progress?.Report(new ImportProgress(rows, lastLine, added, existing, refusals.Count));
            }

            foreach (var row in source.Rows)
            {
                rows++;
                lastLine = row.Line;
                var key = row.Error is null ? importer.KeyOf(row) : null;
                if (row.Line <= (resumedAfter ?? 0))
                {
                    if (key is not null) seen.TryAdd(key, row.Line);
                    continue;
                }
                string? refusal = row.Error;
                if (refusal is null && key is null) refusal = $"缺少{importer.Columns[0].Header}";
                else if (refusal is null && !seen.TryAdd(key!, row.Line))
                    refusal = string.Create(CultureInfo.InvariantCulture, $"{importer.Columns[0].Header}与第{seen[key!]}行重复");
                batch.Add(new Pending(row, key, refusal));
                if (batch.Count >= options.BatchSize) await FlushAsync();
            }
            await FlushAsync();
            if (run is not null)
            {
                db.Attach(run);
                run.Status = ImportRunStatus.Finished;
                run.FinishedAt = clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(cancellationToken);
            }
            return new ImportReport(importer.Kind, source.FileName, options.Check, rows, added, existing, refusals, ResumedAfterLine: resumedAfter);
        }
        finally
        {
            db.ChangeTracker.Clear();
            if (outer is not null)
            {
                await outer.RollbackAsync(CancellationToken.None);
                await outer.DisposeAsync();
                importer.Forget();
            }
        }
    }

    /// <summary>The unfinished run of the same file to resume, or a new one.</summary>
    private async Task<ImportRun> StartAsync(ImportKind kind, ImportSource source, AuditActor actor, CancellationToken cancellationToken)
    {
        var unfinished = await db.ImportRuns.Where(r => r.Kind == kind && r.FileSha256 == source.Sha256 && r.Status == ImportRunStatus.Running)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (unfinished is not null) return unfinished;
        var run = new ImportRun
        {
            Kind = kind, FileName = Limit(Path.GetFileName(source.FileName), 260), FileSha256 = source.Sha256, Status = ImportRunStatus.Running,
            StartedAt = clock.GetUtcNow().UtcDateTime, StartedById = actor.Id, StartedByName = Limit(actor.Name, 100),
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    /// <summary>The batch in one transaction (a savepoint when checking); refused by the database, its rows one at a time.</summary>
    private async Task<IReadOnlyList<RowOutcome>> ImportBatchAsync(IRowImporter importer, List<Pending> batch, ImportContext context, ImportRun? run,
        IDbContextTransaction? outer, CancellationToken cancellationToken)
    {
        var candidates = batch.Where(p => p.Refusal is null).ToList();
        var outcomes = new Dictionary<Pending, RowOutcome>();
        foreach (var p in batch.Where(p => p.Refusal is not null)) outcomes[p] = RowOutcome.Refuse(p.Refusal!);
        var committed = run is null ? default : (run.LinesDone, run.Added, run.Existing, run.Refused);
        try
        {
            await using var unit = await BeginAsync(outer, cancellationToken);
            var results = candidates.Count == 0 ? [] : await importer.ImportAsync([.. candidates.Select(p => p.Row)], context, cancellationToken);
            for (var i = 0; i < candidates.Count; i++) outcomes[candidates[i]] = results[i];
            await RecordAsync(importer.Kind, run, batch, outcomes, context, cancellationToken);
            await unit.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            db.ChangeTracker.Clear();
            importer.Forget();
            if (run is not null) (run.LinesDone, run.Added, run.Existing, run.Refused) = committed;
            foreach (var p in candidates)
            {
                try
                {
                    await using var one = await BeginAsync(outer, cancellationToken);
                    outcomes[p] = (await importer.ImportAsync([p.Row], context, cancellationToken))[0];
                    await db.SaveChangesAsync(cancellationToken);
                    await one.CommitAsync(cancellationToken);
                }
                catch (Exception rowError) when (rowError is DbUpdateException or DbException)
                {
                    db.ChangeTracker.Clear();
                    importer.Forget();
                    outcomes[p] = RowOutcome.Refuse("数据库拒绝保存这一行（与已有数据冲突或超出长度限制）：" + Message(rowError));
                }
            }
            await using var progress = await BeginAsync(outer, cancellationToken);
            await RecordAsync(importer.Kind, run, batch, outcomes, context, cancellationToken);
            await progress.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return [.. batch.Select(p => outcomes[p])];
    }

    /// <summary>The run's progress, its refusals and the batch's audit line, saved with the batch.</summary>
    private async Task RecordAsync(ImportKind kind, ImportRun? run, List<Pending> batch, Dictionary<Pending, RowOutcome> outcomes, ImportContext context,
        CancellationToken cancellationToken)
    {
        int Count(RowResult result) => batch.Count(p => outcomes[p].Result == result);
        var (added, existing, refused) = (Count(RowResult.Added), Count(RowResult.Existing), Count(RowResult.Refused));
        if (run is not null)
        {
            db.Attach(run);
            run.LinesDone = batch[^1].Row.Line;
            run.Added += added;
            run.Existing += existing;
            run.Refused += refused;
            foreach (var p in batch.Where(p => outcomes[p].Result == RowResult.Refused))
                db.ImportRefusals.Add(new ImportRefusal { RunId = run.Id, Line = p.Row.Line, RowKey = p.Key is null ? null : Limit(p.Key, 200), Reason = Limit(outcomes[p].Reason!, 1000) });
        }
        if (added > 0 && !context.Check)
            audit.Record(context.Actor, AuditAction.RecordsImported, nameof(ImportRun), run?.Id.ToString(CultureInfo.InvariantCulture) ?? "",
                string.Create(CultureInfo.InvariantCulture,
                    $"自文件“{Path.GetFileName(context.FileName)}”第{batch[0].Row.Line}—{batch[^1].Row.Line}行导入{kind.Label()}：新增{added}条，已存在{existing}条，拒绝{refused}行"));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Unit> BeginAsync(IDbContextTransaction? outer, CancellationToken cancellationToken)
    {
        if (outer is null) return new Unit(await db.Database.BeginTransactionAsync(cancellationToken), null);
        await outer.CreateSavepointAsync("import_batch", cancellationToken);
        return new Unit(null, outer);
    }

    /// <summary>A batch's transaction, or its savepoint inside a check's transaction: rolled back unless committed.</summary>
    private sealed class Unit(IDbContextTransaction? own, IDbContextTransaction? outer) : IAsyncDisposable
    {
        private bool done;

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            if (own is not null) await own.CommitAsync(cancellationToken);
            else await outer!.ReleaseSavepointAsync("import_batch", cancellationToken);
            done = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (own is not null) await own.DisposeAsync();
            else if (!done) await outer!.RollbackToSavepointAsync("import_batch", CancellationToken.None);
        }
    }

    private static string Message(Exception e)
    {
        var inner = e.InnerException ?? e;
        var text = inner.Message.ReplaceLineEndings(" ");
        return text.Length > 200 ? text[..200] : text;
    }

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];
}
