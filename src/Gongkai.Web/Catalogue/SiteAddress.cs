namespace Gongkai.Web.Catalogue;

/// <summary>Absolute links for feeds and sitemaps, from the request (behind a proxy, from the forwarded scheme and host).</summary>
internal static class SiteAddress
{
    public static string Of(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    public static string Document(HttpRequest request, int id) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Of(request)}/documents/{id}");
}
