using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Core.Requests.Reminders;

/// <summary>How the connection to the mail server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS; the send fails if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    Tls,

    /// <summary>No encryption: only for a relay on the same host or a closed network.</summary>
    None,
}

/// <summary>
/// The mail server for reminder e-mails (Gongkai:Smtp:Host, Port, From, UserName, Password,
/// Security, CertificateSha256) and the site's address for links (Gongkai:SiteUrl). Without a
/// host, no mail is sent. <see cref="CertificateSha256"/> pins the certificate of a mail server on
/// a government network whose certificate no public authority signed.
/// </summary>
public sealed record SmtpSettings(string Host, int Port, string From, string? UserName, string? Password, SmtpSecurity Security, string SiteUrl,
    string? CertificateSha256 = null)
{
    public static SmtpSettings? FromConfiguration(IConfiguration configuration)
    {
        var smtp = configuration.GetSection("Gongkai:Smtp");
        if (string.IsNullOrWhiteSpace(smtp["Host"]))
            return null;
        var security = smtp["Security"] is { Length: > 0 } s
            ? Enum.TryParse<SmtpSecurity>(s, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
                : throw new InvalidOperationException($"配置项 Gongkai:Smtp:Security 的值“{s}”无效，应为 StartTls、Tls 或 None。")
            : SmtpSecurity.StartTls;
        return new SmtpSettings(
            smtp["Host"]!,
            int.Parse(smtp["Port"] ?? (security == SmtpSecurity.Tls ? "465" : "587"), CultureInfo.InvariantCulture),
            smtp["From"] is { Length: > 0 } from ? from : throw new InvalidOperationException("配置了 Gongkai:Smtp:Host 时必须配置发件人 Gongkai:Smtp:From。"),
            smtp["UserName"],
            smtp["Password"],
            security,
            (configuration["Gongkai:SiteUrl"] ?? "").TrimEnd('/'),
            smtp["CertificateSha256"] is { Length: > 0 } pin ? pin.Replace(":", "", StringComparison.Ordinal) : null);
    }
}
