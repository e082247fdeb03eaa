using System.Net.Http.Headers;
using Gongkai.Core.Accounts;
using Gongkai.Core.Agencies;
using Gongkai.Core.Audit;
using Gongkai.Core.Catalogue;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Support;

/// <summary>Documents put in place through the real use cases, by a handler and a separate reviewer.</summary>
public static class Catalogue
{
    private static CatalogueUser Staff(string name, string role) =>
        new(new AuditActor(Guid.NewGuid(), name, null), [role], null, AgencyScope.Everything);

    public static async Task<Document> DraftAsync(this GongkaiFactory factory, int agencyId, string title, string body = "正文。")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DocumentDrafts>()
            .CreateAsync(new DocumentInput { AgencyId = agencyId, Title = title, Body = body }, Staff("测试承办人", Roles.Handler));
        return result.Value ?? throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    public static async Task<Document> PublishedAsync(this GongkaiFactory factory, int agencyId, string title, string body = "正文。", Stream? attachment = null)
    {
        var document = await factory.DraftAsync(agencyId, title, body);
        await using var scope = factory.Services.CreateAsyncScope();
        var handler = Staff("测试承办人", Roles.Handler);
        if (attachment is not null)
            document = Ok(await scope.ServiceProvider.GetRequiredService<DocumentDrafts>().AddAttachmentAsync(document.Id, document.Version, attachment, "附件.docx", handler));
        var publishing = scope.ServiceProvider.GetRequiredService<Publishing>();
        document = Ok(await publishing.SubmitAsync(document.Id, document.Version, handler));
        document = Ok(await publishing.ApproveAsync(document.Id, document.Version, null, Staff("测试审查员", Roles.Reviewer)));
        return Ok(await publishing.PublishAsync(document.Id, document.Version, handler));
    }

    public static async Task<Document> WithdrawnAsync(this GongkaiFactory factory, Document published)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return Ok(await scope.ServiceProvider.GetRequiredService<Publishing>().WithdrawAsync(published.Id, published.Version, "测试撤回", Staff("测试承办人", Roles.Handler)));
    }

    /// <summary>A multipart form as a browser sends it, with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string page, string action, string field, byte[] content, string fileName,
        params (string Name, string Value)[] fields)
    {
        var token = await client.TokenAsync(page);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, field, fileName);
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(action, form);
    }

    /// <summary>A one-paragraph Word document.</summary>
    public static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            word.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text)))));
        }
        return stream.ToArray();
    }

    private static Document Ok(Core.Result<Document> result) =>
        result.Value ?? throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
}
