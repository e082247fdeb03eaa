namespace Gongkai.Core.Requests.Letters;

/// <summary>
/// What the original PDFs print about the platform: its name, and its public address for the
/// verification page (Gongkai:SiteUrl, e.g. https://gongkai.example.gov.cn). Without an address the
/// letter names the page; an address taken from a request's Host header would let anyone choose what
/// a letter prints.
/// </summary>
public sealed record LetterOptions(string SiteName, string? SiteUrl)
{
    public static LetterOptions Default { get; } = new("政府信息公开平台", null);

    public string VerifyAt => SiteUrl is { Length: > 0 } address ? $" {address.TrimEnd('/')}/verify " : $"{SiteName}“文书核验”页面（/verify）";

    public string VerificationLine(string number, string code) =>
        $"文号：{number}　验证码：{code}。可在{VerifyAt}输入文号和验证码，核验本文书是否由本机关出具，并可上传本 PDF 文件核验是否被修改。";
}
