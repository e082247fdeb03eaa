namespace Gongkai.Web.Hosting;

/// <summary>大字版: the large-text mode older readers need, kept in a cookie so it works without JavaScript.</summary>
public static class TextSize
{
    public const string CookieName = "gongkai.text";
    public const string Large = "large";
    public const string Normal = "normal";
}
