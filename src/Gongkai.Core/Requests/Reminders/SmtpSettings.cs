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
/// The mail server for reminder e-mails, the site's address for links and the platform's name as
/// the sender (the web app's Gongkai:Smtp section, Gongkai:SiteUrl and Gongkai:SiteName).
/// <see cref="CertificateSha256"/> pins the certificate of a mail server on a government network
/// whose certificate no public authority signed.
/// </summary>
public sealed record SmtpSettings(string Host, int Port, string From, string? UserName, string? Password, SmtpSecurity Security, string SiteUrl,
    string? CertificateSha256 = null, string SiteName = "政府信息公开平台");
