using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gongkai.Core.Requests;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Requests.Reminders;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Hosting;

/// <summary>
/// The web app's settings (the configuration's Gongkai section), read once by the options binder and
/// checked when the app starts (<see cref="GongkaiOptionsValidator"/>, ValidateOnStart): a bad value
/// stops start-up with a message naming the setting. The database settings (Gongkai:Database,
/// GONGKAI_DATA_DIR, connection string) stay in Core's StorageSettings, which the CLI shares.
/// </summary>
public sealed class GongkaiOptions
{
    public const string Section = "Gongkai";

    /// <summary>The platform's name in letters, feeds, print-outs and the authenticator app.</summary>
    public string SiteName { get; set; } = LetterOptions.Default.SiteName;

    /// <summary>The platform's public address (https://…), printed on letters and in reminder e-mails.</summary>
    public string? SiteUrl { get; set; }

    /// <summary>A fixed "today" (yyyy-MM-dd) for the statutory clock, for trainings and browser tests.</summary>
    public string? Today { get; set; }

    /// <summary>The reverse proxies whose X-Forwarded-For is trusted (IP addresses, separated by commas, semicolons or spaces).</summary>
    public string? KnownProxies { get; set; }

    /// <summary>Whether start-up brings the schema up to date (and makes the first administrator).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Load the demo region 示范市 on start-up, as --demo does.</summary>
    public bool Demo { get; set; }

    /// <summary>
    /// Benchmark mode, never in production: the bench/ endpoints, and catalogue pages asked for with
    /// the <c>X-Gongkai-Render</c> header rendered without the output cache.
    /// </summary>
    public bool Benchmark { get; set; }

    /// <summary>Public form submissions a client may make per minute.</summary>
    public int PublicFormsPerMinute { get; set; } = 10;
    public int PublicReadsPerMinute { get; set; } = 600;

    public GongkaiSmtpOptions Smtp { get; set; } = new();

    public GongkaiPdfOptions Pdf { get; set; } = new();

    public GongkaiDataProtectionOptions DataProtection { get; set; } = new();

    public DateOnly? TodayDate => Today is { Length: > 0 } t ? DateOnly.ParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    public IReadOnlyList<IPAddress> Proxies => [.. (KnownProxies ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries).Select(p => IPAddress.Parse(p))];

    public LetterOptions Letters => new(SiteName, SiteUrl is { Length: > 0 } url ? url : null);

    /// <summary>The reminder e-mail's server, or none when no host is set.</summary>
    public SmtpSettings? Mail => Smtp.Host is { Length: > 0 } host
        ? new SmtpSettings(host, Smtp.Port ?? (Smtp.SecurityMode == SmtpSecurity.Tls ? 465 : 587), Smtp.From!, Smtp.UserName, Smtp.Password,
            Smtp.SecurityMode, (SiteUrl ?? "").TrimEnd('/'), Smtp.CertificateSha256?.Replace(":", "", StringComparison.Ordinal), SiteName)
        : null;
}

/// <summary>Gongkai:Smtp: the mail server for reminder e-mail.</summary>
public sealed class GongkaiSmtpOptions
{
    public string? Host { get; set; }
    public int? Port { get; set; }
    public string? From { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>StartTls (default), Tls or None.</summary>
    public string? Security { get; set; }

    public string? CertificateSha256 { get; set; }

    public SmtpSecurity SecurityMode => Security is { Length: > 0 } s ? Enum.Parse<SmtpSecurity>(s, ignoreCase: true) : SmtpSecurity.StartTls;
}

/// <summary>Gongkai:Pdf.</summary>
public sealed class GongkaiPdfOptions
{
    /// <summary>How many PDFs chromium prints at once.</summary>
    public int MaxRenders { get; set; } = 2;
}

/// <summary>
/// Gongkai:DataProtection: the keys that protect sign-in cookies and form tokens are kept in the
/// database for every server; with a certificate (a PKCS#12 file with its private key, kept outside
/// the database and its backups), they are encrypted there, so a copy of the database or of a backup
/// cannot be used to forge a sign-in.
/// </summary>
public sealed class GongkaiDataProtectionOptions
{
    /// <summary>Path of the .pfx/.p12 file; every server of one site needs the same certificate.</summary>
    public string? Certificate { get; set; }

    /// <summary>The file's password, from the environment (Gongkai__DataProtection__CertificatePassword).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The certificate, when one is set and can be read with its private key; otherwise null (the validator says why).</summary>
    public X509Certificate2? Load()
    {
        if (Certificate is not { Length: > 0 } path) return null;
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, CertificatePassword);
            if (certificate.HasPrivateKey) return certificate;
            certificate.Dispose();
            return null;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>Each bad setting in words: which key, what it holds, what it should hold.</summary>
public sealed class GongkaiOptionsValidator : IValidateOptions<GongkaiOptions>
{
    public ValidateOptionsResult Validate(string? name, GongkaiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.SiteUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            failures.Add($"配置项 Gongkai:SiteUrl 的值“{url}”无效，应为本平台的公网地址，如 https://gongkai.example.gov.cn。");
        if (options.Today is { Length: > 0 } today && !DateOnly.TryParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            failures.Add($"配置项 Gongkai:Today 的值“{today}”无效，应为 yyyy-MM-dd。");
        foreach (var proxy in (options.KnownProxies ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries).Where(p => !IPAddress.TryParse(p, out _)))
            failures.Add($"配置项 Gongkai:KnownProxies 中的“{proxy}”不是 IP 地址。");
        if (options.PublicFormsPerMinute < 1)
            failures.Add($"配置项 Gongkai:PublicFormsPerMinute 的值 {options.PublicFormsPerMinute.ToString(CultureInfo.InvariantCulture)} 无效，应至少为 1。");
        if (options.PublicReadsPerMinute < 1)
            failures.Add($"配置项 Gongkai:PublicReadsPerMinute 的值 {options.PublicReadsPerMinute.ToString(CultureInfo.InvariantCulture)} 无效，应至少为 1。");
        if (options.Pdf.MaxRenders is < 1 or > 16)
            failures.Add($"配置项 Gongkai:Pdf:MaxRenders 的值 {options.Pdf.MaxRenders.ToString(CultureInfo.InvariantCulture)} 无效，应为 1 到 16。");
        if (options.DataProtection.Certificate is { Length: > 0 } certificate)
        {
            using var loaded = options.DataProtection.Load();
            if (loaded is null)
                failures.Add($"配置项 Gongkai:DataProtection:Certificate 的证书“{certificate}”无法读取：应为含私钥的 PKCS#12（.pfx）文件，密码见 Gongkai:DataProtection:CertificatePassword。");
        }
        var smtp = options.Smtp;
        if (smtp.Host is { Length: > 0 })
        {
            if (string.IsNullOrWhiteSpace(smtp.From))
                failures.Add("配置了 Gongkai:Smtp:Host 时必须配置发件人 Gongkai:Smtp:From。");
            if (smtp.Port is < 1 or > 65535)
                failures.Add($"配置项 Gongkai:Smtp:Port 的值 {smtp.Port.Value.ToString(CultureInfo.InvariantCulture)} 无效，应为 1 到 65535。");
            if (smtp.Security is { Length: > 0 } s && !(Enum.TryParse<SmtpSecurity>(s, ignoreCase: true, out var mode) && Enum.IsDefined(mode)))
                failures.Add($"配置项 Gongkai:Smtp:Security 的值“{s}”无效，应为 StartTls、Tls 或 None。");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

public static class GongkaiOptionsSetup
{
    /// <summary>
    /// Binds and validates the settings, and returns them as bound for the few decisions taken while
    /// the services are registered (whether to send reminder e-mail); everything else reads
    /// <see cref="IOptions{GongkaiOptions}"/>.
    /// </summary>
    public static GongkaiOptions AddGongkaiOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<GongkaiOptions>, GongkaiOptionsValidator>();
        builder.Services.AddOptions<GongkaiOptions>().BindConfiguration(GongkaiOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton(s => new OfficeClockOptions(s.Gongkai().TodayDate));
        builder.Services.AddSingleton(s => s.Gongkai().Letters);
        return builder.Configuration.GetSection(GongkaiOptions.Section).Get<GongkaiOptions>() ?? new GongkaiOptions();
    }

    public static GongkaiOptions Gongkai(this IServiceProvider services) => services.GetRequiredService<IOptions<GongkaiOptions>>().Value;
}
