using System.Net;
using System.Text.RegularExpressions;

namespace Gongkai.Web.Tests.Support;

/// <summary>What a browser does with a form: fetch the page, keep its antiforgery token, post the fields.</summary>
public static partial class Forms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<string> TokenAsync(this HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"{page} has no antiforgery token");
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, IEnumerable<KeyValuePair<string, string>> fields,
        string? action = null)
    {
        var token = await client.TokenAsync(page);
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(fields.Append(KeyValuePair.Create("__RequestVerificationToken", token))));
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, params (string Name, string Value)[] fields) =>
        client.PostFormAsync(page, fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    public static async Task<HttpResponseMessage> LogInAsync(this HttpClient client, string userName, string password = GongkaiFactory.Password) =>
        await client.PostFormAsync("/account/login", ("UserName", userName), ("Password", password));
}
