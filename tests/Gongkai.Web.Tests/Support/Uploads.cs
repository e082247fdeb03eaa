using System.IO.Compression;
using System.Net.Http.Headers;
using Gongkai.Reports.Tests;

namespace Gongkai.Web.Tests.Support;

/// <summary>What a browser sends when a supervisor uploads report files: multipart form data with the page's antiforgery token.</summary>
public static class Uploads
{
    public static readonly string[] Seeds = ["000", "001", "002", "003", "004"];

    public static (string Name, byte[] Content) Seed(string number) => ($"seed-{number}.txt", File.ReadAllBytes(TestFiles.Seed(number)));

    public static (string Name, byte[] Content) SeedsZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var n in Seeds)
                zip.CreateEntryFromFile(TestFiles.Seed(n), $"seeds/{n}.txt");
        }
        return ("seeds.zip", stream.ToArray());
    }

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, int workspace, params (string Name, byte[] Content)[] files)
    {
        var page = $"/staff/supervision/{workspace}";
        var form = new MultipartFormDataContent { { new StringContent(await client.TokenAsync(page)), "__RequestVerificationToken" } };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        return await client.PostAsync(page + "?handler=Upload", form);
    }
}
