using System.Globalization;
using System.IO.Compression;
using Gongkai.Core.Catalogue.Demo;
using Gongkai.Core.OpenData;
using Gongkai.Core.Storage;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Support;

/// <summary>
/// A documents file (JSON Lines) for the agencies of a database, with Word attachments in a ZIP:
/// notices and normative documents over the last three years, seeded so every run writes the same.
/// </summary>
public static class GeneratedDocuments
{
    private static readonly string[] Themes = ["住房公积金", "老旧小区改造", "义务教育招生入学", "防汛抗旱", "部门预算", "安全生产", "政务公开", "社会救助", "耕地保护", "公共文化服务"];
    private static readonly string[] Sentences =
    [
        "各有关单位要高度重视，切实加强组织领导，确保各项工作任务落到实处。", "请各区人民政府、市政府各部门认真贯彻执行。",
        "进一步优化审批流程，压缩办理时限，推行“一网通办”。", "对符合条件的申请人按规定给予补贴。", "要加强宣传引导，及时回应社会关切。",
    ];

    /// <summary>Writes <paramref name="count"/> documents to documents.jsonl and their attachments to attachments.zip in <paramref name="directory"/>.</summary>
    public static async Task<(string Documents, string Attachments)> WriteAsync(TestDatabase database, string directory, int count, DateTimeOffset now)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Name, a.OrganizationCode }).ToListAsync();
        var random = new Random(16);
        var documentsPath = Path.Combine(directory, "generated.jsonl");
        var zipPath = Path.Combine(directory, "generated-attachments.zip");
        await using var writer = new StreamWriter(documentsPath);
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        var start = now.AddYears(-3);
        for (var i = 0; i < count; i++)
        {
            var agency = agencies[random.Next(agencies.Count)];
            var publishedAt = start + (now.AddDays(-1) - start) * ((double)i / count);
            var beijing = publishedAt.ToOffset(ChinaTime.Offset);
            var theme = Themes[random.Next(Themes.Length)];
            var normative = random.Next(12) == 0;
            var year = beijing.Year;
            var number = normative || random.Next(3) == 0 ? string.Create(CultureInfo.InvariantCulture, $"示生发〔{year}〕{i + 1}号") : null;
            var body = string.Join("\n", Enumerable.Range(0, 2 + random.Next(6)).Select(_ => $"围绕{theme}，" + Sentences[random.Next(Sentences.Length)]));
            var attachments = new List<AttachmentRecord>();
            if (i % 10 == 0)
            {
                var file = string.Create(CultureInfo.InvariantCulture, $"g{i}/{theme}明细表.docx");
                await using (var entry = zip.CreateEntry(file).Open())
                    await entry.WriteAsync(DemoAttachments.Docx($"{theme}明细表", [["项目", "数量"], [theme, (i % 97).ToString(CultureInfo.InvariantCulture)]]));
                attachments.Add(new AttachmentRecord($"{theme}明细表.docx", file));
            }
            var record = new DocumentRecord
            {
                IndexNumber = string.Create(CultureInfo.InvariantCulture, $"{CreditCode.OrganizationCode(agency.OrganizationCode)}/{year}-{60000 + i:D5}"),
                Title = normative ? $"{agency.Name.Replace("人民政府", "", StringComparison.Ordinal)}{theme}管理办法" : $"{agency.Name}关于做好{year}年{theme}工作的通知",
                AgencyCode = agency.OrganizationCode, Publisher = agency.Name, DocumentNumber = number,
                Kind = (normative ? DocumentKind.NormativeDocument : DocumentKind.Ordinary).ToString(), Topic = Topic.General.ToString(),
                Category = normative ? "法规文件" : "公共服务", Keywords = theme,
                IssuedOn = number is null ? null : DateOnly.FromDateTime(beijing.DateTime).AddDays(-5), PublishedAt = beijing,
                RepealedOn = normative && random.Next(4) == 0 ? DateOnly.FromDateTime(beijing.DateTime).AddDays(30) : null,
                BodyText = body, Attachments = attachments,
            };
            if (record.RepealedOn is not null) record = record with { ValidityNote = "依据清理规范性文件的决定废止" };
            await writer.WriteLineAsync(record.ToJsonLine());
        }
        return (documentsPath, zipPath);
    }
}
