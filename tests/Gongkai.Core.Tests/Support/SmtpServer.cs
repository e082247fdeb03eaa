using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;

namespace Gongkai.Core.Tests.Support;

/// <summary>
/// A real mail server for tests: aiosmtpd (python3-aiosmtpd, installed by test.sh) on 127.0.0.1,
/// with STARTTLS and AUTH required, a certificate made for this run (its SHA-256 to pin), and the
/// messages it accepted read back with MimeKit.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    public const string User = "gongkai-mailer";
    public const string Password = "邮件-Secret-1";

    private readonly Process process;
    private readonly DirectoryInfo folder;

    private SmtpServer(Process process, DirectoryInfo folder, int port, string certificateSha256) =>
        (this.process, this.folder, Port, CertificateSha256) = (process, folder, port, certificateSha256);

    public int Port { get; }

    public string CertificateSha256 { get; }

    public static async Task<SmtpServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("gongkai-smtp-");
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certFile = Path.Combine(folder.FullName, "cert.pem");
        var keyFile = Path.Combine(folder.FullName, "key.pem");
        await File.WriteAllTextAsync(certFile, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyFile, key.ExportPkcs8PrivateKeyPem());
        var mail = folder.CreateSubdirectory("mail");

        var port = FreePort();
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Support", "smtp_server.py"), port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     certFile, keyFile, User, Password, mail.FullName })
            start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await process.StandardOutput.ReadLineAsync(wait.Token);
        if (line != "ready")
            throw new InvalidOperationException("aiosmtpd did not start (apt-get install python3-aiosmtpd): " + await process.StandardError.ReadToEndAsync(wait.Token));
        return new SmtpServer(process, folder, port, certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }

    /// <summary>The messages accepted so far, in the order they came.</summary>
    public IReadOnlyList<MimeMessage> Messages =>
        [.. Directory.GetFiles(Path.Combine(folder.FullName, "mail"), "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))];

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(5000))
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        folder.Delete(recursive: true);
    }
}
