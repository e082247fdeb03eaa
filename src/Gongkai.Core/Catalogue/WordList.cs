using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Catalogue;

/// <summary>What an import did, or would do in a dry run; nothing at all when there are errors.</summary>
public sealed record WordImportResult(bool Applied, int Added, int Updated, int Unchanged, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// The maintained 错敏词 list: administrators add, change and remove entries, and import or
/// export it as CSV. An import changes the list only when every line is valid, and a dry run
/// reports what it would do and changes nothing (alaveteli's lesson).
/// </summary>
public sealed class WordList(GongkaiDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string DefaultListResource = "catalogue/default-words.csv";

    public async Task<IReadOnlyList<WordListEntry>> ListAsync(string? search, CancellationToken cancellationToken = default)
    {
        var query = db.WordList.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            query = query.Where(e => e.Word.Contains(s) || (e.Correction != null && e.Correction.Contains(s)));
        }
        return await query.OrderBy(e => e.Kind).ThenBy(e => e.Word).ToListAsync(cancellationToken);
    }

    public Task<WordListEntry?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.WordList.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);

    public async Task<Result<WordListEntry>> AddAsync(WordInput input, AuditActor actor, CancellationToken cancellationToken = default)
    {
        input = input.Trimmed();
        var errors = input.Validate().ToList();
        if (errors.Count == 0 && await db.WordList.AnyAsync(e => e.Word == input.Word, cancellationToken))
            errors.Add(new(nameof(input.Word), $"词表中已有“{input.Word}”。"));
        if (errors.Count > 0) return Result<WordListEntry>.Failure(errors);
        var entry = new WordListEntry { Word = input.Word, UpdatedBy = actor.Name };
        Copy(input, entry, actor);
        db.WordList.Add(entry);
        audit.Record(actor, AuditAction.WordListChanged, "WordList", input.Word, $"添加{WordChecker.KindLabel(input.Kind)}“{input.Word}”（{WordChecker.ActionLabel(input.Action)}）");
        await db.SaveChangesAsync(cancellationToken);
        return Result<WordListEntry>.Success(entry);
    }

    public async Task<Result<WordListEntry>> UpdateAsync(int id, WordInput input, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var entry = await db.WordList.SingleOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new KeyNotFoundException($"错敏词 {id} 不存在。");
        input = input.Trimmed();
        var errors = input.Validate().ToList();
        if (errors.Count == 0 && await db.WordList.AnyAsync(e => e.Word == input.Word && e.Id != id, cancellationToken))
            errors.Add(new(nameof(input.Word), $"词表中已有“{input.Word}”。"));
        if (errors.Count > 0) return Result<WordListEntry>.Failure(errors);
        var before = entry.Word;
        Copy(input, entry, actor);
        audit.Record(actor, AuditAction.WordListChanged, "WordList", entry.Word,
            before == entry.Word ? $"修改错敏词“{entry.Word}”" : $"修改错敏词“{before}”为“{entry.Word}”");
        await db.SaveChangesAsync(cancellationToken);
        return Result<WordListEntry>.Success(entry);
    }

    public async Task DeleteAsync(int id, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var entry = await db.WordList.SingleOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new KeyNotFoundException($"错敏词 {id} 不存在。");
        db.WordList.Remove(entry);
        audit.Record(actor, AuditAction.WordListChanged, "WordList", entry.Word, $"删除错敏词“{entry.Word}”");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Adds the CSV's new words and updates the ones already listed (matched by the word), in one
    /// transaction. Any bad line refuses the whole file, every bad line reported; a dry run works
    /// out the same changes and discards them.
    /// </summary>
    public async Task<WordImportResult> ImportAsync(string csv, bool dryRun, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var lines = WordListCsv.Read(csv, out var headerError);
        if (headerError is not null) return new WordImportResult(false, 0, 0, 0, [headerError]);
        var errors = lines.Where(l => l.Errors.Count > 0).Select(WordListCsv.Describe).ToList();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.Input is not null))
        {
            var word = line.Input!.Trimmed().Word;
            if (firstLine.TryGetValue(word, out var first)) errors.Add($"第{line.LineNumber}行：“{word}”与第{first}行重复。");
            else firstLine[word] = line.LineNumber;
        }
        if (lines.Count == 0 && errors.Count == 0) errors.Add("文件中没有词语。");
        if (errors.Count > 0) return new WordImportResult(false, 0, 0, 0, errors);

        var inputs = lines.Select(l => l.Input!.Trimmed()).ToList();
        var current = await db.WordList.AsNoTracking().ToDictionaryAsync(e => e.Word, e => e.ToEntry(), StringComparer.Ordinal, cancellationToken);
        var added = inputs.Count(i => !current.ContainsKey(i.Word));
        var unchanged = inputs.Count(i => current.TryGetValue(i.Word, out var e) && e == new WordEntry(i.Word, i.Kind, i.Correction, i.Action, i.Note));
        var updated = inputs.Count - added - unchanged;
        if (dryRun) return new WordImportResult(false, added, updated, unchanged, []);

        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var existing = await db.WordList.ToDictionaryAsync(e => e.Word, StringComparer.Ordinal, cancellationToken);
        foreach (var input in inputs)
        {
            if (!existing.TryGetValue(input.Word, out var entry))
            {
                entry = new WordListEntry { Word = input.Word, UpdatedBy = actor.Name };
                db.WordList.Add(entry);
            }
            else if (entry.ToEntry() == new WordEntry(input.Word, input.Kind, input.Correction, input.Action, input.Note)) continue;
            Copy(input, entry, actor);
        }
        audit.Record(actor, AuditAction.WordListImported, "WordList", "*", $"导入错敏词：新增{added}个，更新{updated}个，未变{unchanged}个");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new WordImportResult(true, added, updated, unchanged, []);
    }

    /// <summary>The list shipped with Gongkai: 国家秘密 markings and common wrong words of official writing.</summary>
    public static string DefaultListCsv()
    {
        using var stream = typeof(WordList).Assembly.GetManifestResourceStream(DefaultListResource)
            ?? throw new InvalidOperationException("缺少默认错敏词表。");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async Task<WordChecker> CheckerAsync(CancellationToken cancellationToken = default) =>
        new((await db.WordList.AsNoTracking().ToListAsync(cancellationToken)).Select(e => e.ToEntry()));

    private void Copy(WordInput input, WordListEntry entry, AuditActor actor)
    {
        entry.Word = input.Word;
        entry.Kind = input.Kind;
        entry.Correction = input.Correction;
        entry.Action = input.Action;
        entry.Note = input.Note;
        entry.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        entry.UpdatedBy = actor.Name.Length <= 100 ? actor.Name : actor.Name[..100];
    }
}
