using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Core.Requests.Reminders;

/// <summary>
/// The mail server for reminder e-mails (Gongkai:Smtp:Host, Port, From, UserName, Password,
/// EnableSsl) and the site's address for links (Gongkai:SiteUrl). Without a host, no mail is sent.
/// </summary>
public sealed record SmtpSettings(string Host, int Port, string From, string? UserName, string? Password, bool EnableSsl, string SiteUrl)
{
    public static SmtpSettings? FromConfiguration(IConfiguration configuration)
    {
        var smtp = configuration.GetSection("Gongkai:Smtp");
        if (string.IsNullOrWhiteSpace(smtp["Host"]))
            return null;
        return new SmtpSettings(
            smtp["Host"]!,
            int.Parse(smtp["Port"] ?? "25", CultureInfo.InvariantCulture),
            smtp["From"] is { Length: > 0 } from ? from : throw new InvalidOperationException("配置了 Gongkai:Smtp:Host 时必须配置发件人 Gongkai:Smtp:From。"),
            smtp["UserName"],
            smtp["Password"],
            bool.TryParse(smtp["EnableSsl"], out var ssl) && ssl,
            (configuration["Gongkai:SiteUrl"] ?? "").TrimEnd('/'));
    }
}
