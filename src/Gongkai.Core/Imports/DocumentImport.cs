using System.Globalization;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Files;
using Gongkai.Core.OpenData;
using Gongkai.Core.Search;
using Gongkai.Core.Security;
using Gongkai.Core.Storage;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Imports;

/// <summary>
/// Published documents from another platform (documents.csv or JSON Lines, see docs/import), with
/// their attachments from a folder or ZIP: published as they were — 索引号 as issued, 发布时间,
/// validity and repeal, the documents they interpret or replace — entering the catalogue, its
/// counts and the search index in the batch's transaction, without a confidentiality review here.
/// Each document's history says it was imported, by whom, from which file and line. The agency's
/// 索引号 counter moves past every imported number of its own, so later publications never collide.
/// </summary>
internal sealed class DocumentImport(GongkaiDbContext db, FileStore files, UploadInspector inspector, StorageSettings storage, TimeProvider clock)
    : IRowImporter
{
    private sealed record AgencyRow(int Id, string Name, string Stem);

    private Dictionary<string, AgencyRow>? agencies;
    private readonly Dictionary<(int Agency, string Name), int> categories = [];

    /// <summary>Where the attachments the rows name are; without it, a row naming one is refused.</summary>
    public AttachmentSource? Attachments { get; set; }

    public ImportKind Kind => ImportKind.Documents;

    public IReadOnlyList<ImportColumn> Columns => DocumentColumns.All;

    public string? KeyOf(ImportRow row) => row.Optional("indexNumber");

    public void Forget() => categories.Clear();

    public async Task<IReadOnlyList<RowOutcome>> ImportAsync(IReadOnlyList<ImportRow> rows, ImportContext context, CancellationToken cancellationToken)
    {
        agencies ??= (await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name, a.OrganizationCode }).ToListAsync(cancellationToken))
            .ToDictionary(a => a.OrganizationCode, a => new AgencyRow(a.Id, a.Name, CreditCode.OrganizationCode(a.OrganizationCode)), StringComparer.Ordinal);
        var keys = rows.Select(KeyOf).OfType<string>().ToList();
        var existing = (await db.Documents.AsNoTracking().Where(d => keys.Contains(d.IndexNumber!)).Select(d => d.IndexNumber!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var references = rows.SelectMany(r => new[] { r.Optional("interprets"), r.Optional("replaces") }).OfType<string>().Distinct().ToList();
        var published = (await db.Documents.AsNoTracking().Published().Where(d => references.Contains(d.IndexNumber!))
                .Select(d => new { d.Id, d.IndexNumber, d.AgencyId }).ToListAsync(cancellationToken))
            .ToDictionary(d => d.IndexNumber!, d => (d.Id, d.AgencyId, Document: (Document?)null), StringComparer.Ordinal);

        var outcomes = new List<RowOutcome>();
        var added = new List<(Document Document, int Line)>();
        foreach (var row in rows)
        {
            var key = KeyOf(row)!;
            if (existing.Contains(key))
            {
                outcomes.Add(RowOutcome.Existing);
                continue;
            }
            var errors = new List<string>();
            var document = await BuildAsync(row, key, published, errors, cancellationToken);
            if (document is null)
            {
                outcomes.Add(RowOutcome.Refuse(string.Join("；", errors)));
                continue;
            }
            db.Documents.Add(document);
            published[key] = (0, document.AgencyId, document);
            added.Add((document, row.Line));
            outcomes.Add(RowOutcome.Added);
        }
        if (added.Count == 0) return outcomes;

        await db.SaveChangesAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var index = new SearchIndex(db, storage);
        foreach (var (document, line) in added)
        {
            await index.AddAsync(document, cancellationToken);
            db.DocumentEvents.Add(new DocumentEvent
            {
                DocumentId = document.Id, At = now, ActorId = context.Actor.Id, ActorName = Limit(context.Actor.Name, 100), Kind = DocumentEventKind.Imported,
                Note = Limit(string.Create(CultureInfo.InvariantCulture,
                    $"自文件“{Path.GetFileName(context.FileName)}”第{line}行导入：原平台于{Beijing.Text(document.PublishedOn!.Value)}发布，索引号保持不变，未在本平台重新进行保密审查"), 1000),
            });
        }
        await CatalogueCounts.AddAsync(db, added.Select(a => a.Document), +1, cancellationToken);
        foreach (var counter in added.Select(a => Counter(a.Document)).OfType<(int Agency, int Year, int Serial)>()
                     .GroupBy(c => (c.Agency, c.Year)).Select(g => (g.Key.Agency, g.Key.Year, Serial: g.Max(c => c.Serial))))
            await Sql.ExecuteAsync(db,
                "INSERT INTO index_number_counters (agency_id, year, last_serial) VALUES (@agency, @year, @serial) " +
                "ON CONFLICT (agency_id, year) DO UPDATE SET last_serial = CASE WHEN index_number_counters.last_serial < excluded.last_serial " +
                "THEN excluded.last_serial ELSE index_number_counters.last_serial END",
                [("@agency", counter.Agency), ("@year", counter.Year), ("@serial", counter.Serial)], cancellationToken);
        return outcomes;
    }

    /// <summary>An imported 索引号 in the national scheme with an agency's stem: that agency's series must continue after it.</summary>
    private (int Agency, int Year, int Serial)? Counter(Document document) =>
        IndexNumber.TryParse(document.IndexNumber, out var number)
        && agencies!.Values.FirstOrDefault(a => a.Stem == number.OrganizationCode) is { } owner
            ? (owner.Id, number.Year, number.Serial)
            : null;

    private async Task<Document?> BuildAsync(ImportRow row, string key, Dictionary<string, (int Id, int AgencyId, Document? Document)> published,
        List<string> errors, CancellationToken cancellationToken)
    {
        var v = new ImportValues(row, errors);
        if (key.Length > 40) errors.Add("索引号不能超过40个字符");
        var agencyCode = v.Text("agencyCode", "机关统一社会信用代码", 18, required: true).ToUpperInvariant();
        if (agencyCode.Length > 0 && !agencies!.ContainsKey(agencyCode)) errors.Add($"统一社会信用代码为{agencyCode}的机关不存在（请先导入机关）");
        var title = v.Text("title", "标题", 300, required: true);
        var kind = v.Choice<DocumentKind>("kind", "信息类型", k => k.Label(), otherwise: DocumentKind.Ordinary);
        var topic = v.Choice<Topic>("topic", "主题分类", t => t.Label(), otherwise: Topic.General);
        var category = v.Optional("category", "目录分类", 50);
        var publisher = v.Optional("publisher", "发布机构", 200);
        var number = v.Optional("documentNumber", "文号", 100);
        var keywords = v.Optional("keywords", "关键词", 200);
        var issuedOn = v.Date("issuedOn", "成文日期");
        var publishedAt = v.Moment("publishedAt", "发布时间", required: true);
        var validUntil = v.Date("validUntil", "有效期至");
        var repealedOn = v.Date("repealedOn", "废止日期");
        var validityNote = v.Optional("validityNote", "有效性说明", 500);
        var interprets = v.Optional("interprets", "所解读文件索引号", 40);
        var replaces = v.Optional("replaces", "所替代文件索引号", 40);
        var body = row.Optional("bodyHtml") ?? row["bodyText"];
        if (body.Length > RichText.MaxLength) errors.Add(string.Create(CultureInfo.InvariantCulture, $"正文不能超过{RichText.MaxLength}个字符"));

        var now = clock.GetUtcNow().UtcDateTime;
        if (publishedAt > now) errors.Add("发布时间不能晚于现在");
        var publishedOn = publishedAt is { } at ? Beijing.DateOf(at) : (DateOnly?)null;
        if (issuedOn > Beijing.Today(clock)) errors.Add("成文日期不能晚于今天");
        if (kind?.Normative() is not null && number is null) errors.Add($"{kind.Value.Label()}须填写文号");
        if (kind?.Normative() is not null && issuedOn is null) errors.Add($"{kind.Value.Label()}须填写成文日期");
        var start = issuedOn ?? publishedOn;
        if (validUntil < start) errors.Add("有效期不能早于成文日期");
        if (repealedOn < start) errors.Add("废止日期不能早于成文日期");
        if (repealedOn is not null && validityNote is null) errors.Add("废止的文件请写明有效性说明（废止决定的名称和文号）");
        if (interprets is not null && kind != DocumentKind.Interpretation) errors.Add("只有政策解读才能填写所解读的文件");
        var agency = agencies!.GetValueOrDefault(agencyCode);
        var interpreted = interprets is null ? ((int Id, int AgencyId, Document? Document)?)null : published.TryGetValue(interprets, out var i) ? i : null;
        if (interprets is not null && interpreted is null) errors.Add($"所解读的文件（索引号{interprets}）尚未发布：被解读的文件须在前面的行或已在平台上");
        var replaced = replaces is null ? ((int Id, int AgencyId, Document? Document)?)null : published.TryGetValue(replaces, out var r) ? r : null;
        if (replaces is not null && (replaced is null || replaced.Value.AgencyId != agency?.Id))
            errors.Add($"所替代的文件（索引号{replaces}）不是本机关已发布的信息：被替代的文件须在前面的行或已在平台上");

        var attached = await AttachmentsAsync(row["attachments"], errors, cancellationToken);
        if (errors.Count > 0 || agency is null || kind is null || topic is null || publishedAt is null) return null;

        var sanitised = RichText.Sanitize(body);
        var document = new Document
        {
            AgencyId = agency.Id, Title = title, Kind = kind.Value, Topic = topic.Value,
            CategoryId = category is null ? null : await CategoryAsync(agency.Id, category, cancellationToken),
            Publisher = publisher ?? agency.Name, DocumentNumber = number, DocumentNumberKey = DocumentNumber.Key(number), IndexNumber = key,
            Keywords = keywords ?? "", IssuedOn = issuedOn, PublishedAt = publishedAt, PublishedOn = publishedOn, ValidUntil = validUntil,
            RepealedOn = repealedOn, ValidityNote = validityNote, BodyHtml = sanitised.Html, BodyText = sanitised.Text,
            Status = PublishingStatus.Published, CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        if (interpreted is { } target)
        {
            if (target.Document is { } inBatch) document.Interprets = inBatch;
            else document.InterpretsId = target.Id;
        }
        if (replaced is { } old)
        {
            if (old.Document is { } inBatch) document.Replaces = inBatch;
            else document.ReplacesId = old.Id;
        }
        var order = 0;
        foreach (var (upload, text) in attached)
        {
            var stored = await files.AddAsync(upload, new Audit.AuditActor(null, "导入", null), cancellationToken);
            document.Attachments.Add(new DocumentAttachment { FileId = stored.Id, File = stored, SortOrder = ++order, Text = text.Text, TextNote = text.Note });
        }
        return document;
    }

    /// <summary>Every attachment the row names, recognised and read, before any is stored; a missing or refused one refuses the row.</summary>
    private async Task<List<(InspectedUpload Upload, ExtractedText Text)>> AttachmentsAsync(string cell, List<string> errors, CancellationToken cancellationToken)
    {
        var result = new List<(InspectedUpload, ExtractedText)>();
        foreach (var name in cell.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Attachments is null)
            {
                errors.Add($"附件“{name}”：导入附件须同时提供附件所在的文件夹或 ZIP 文件");
                continue;
            }
            var bytes = Attachments.Read(name, inspector.MaxBytes);
            if (bytes is null)
            {
                errors.Add($"附件“{name}”在附件文件夹或 ZIP 中不存在");
                continue;
            }
            var inspected = await files.InspectAsync(new MemoryStream(bytes), name, Enum.GetValues<FileKind>(), cancellationToken);
            if (inspected.Value is not { } upload)
            {
                errors.Add($"附件“{name}”：{inspected.Errors[0].Message.TrimEnd('。')}");
                continue;
            }
            result.Add((upload, AttachmentText.Extract(bytes, upload.Kind)));
        }
        return result;
    }

    /// <summary>The agency's 公开目录 category of that name, added at the end of its list when it has none.</summary>
    private async Task<int> CategoryAsync(int agencyId, string name, CancellationToken cancellationToken)
    {
        if (categories.Count == 0)
            foreach (var c in await db.CatalogueCategories.AsNoTracking().Select(c => new { c.AgencyId, c.Name, c.Id }).ToListAsync(cancellationToken))
                categories[(c.AgencyId, c.Name)] = c.Id;
        if (categories.TryGetValue((agencyId, name), out var id)) return id;
        var last = await db.CatalogueCategories.Where(c => c.AgencyId == agencyId).MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0;
        var category = new CatalogueCategory { AgencyId = agencyId, Name = name, SortOrder = last + 1 };
        db.CatalogueCategories.Add(category);
        await db.SaveChangesAsync(cancellationToken);
        return categories[(agencyId, name)] = category.Id;
    }

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];
}
