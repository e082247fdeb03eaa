using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gongkai.Core.Accounts;
using Gongkai.Core.Storage;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Hosting;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Hosting;

/// <summary>
/// The keys behind sign-in cookies live in the database, for every server. With
/// Gongkai:DataProtection:Certificate they are encrypted there: a server with the certificate
/// reads them, and the database alone (a copy, a backup) no longer signs anybody in.
/// </summary>
public sealed class DataProtectionTests : IDisposable
{
    private const string CertificatePassword = "Pfx-Password-2026";
    private readonly string folder = Directory.CreateTempSubdirectory("gongkai-keys-").FullName;

    [Fact]
    public async Task SignIn_KeysEncryptedWithTheCertificate_ValidOnAServerWithItOnly()
    {
        var certificate = CertificateFile();
        var withCertificate = new Dictionary<string, string?>
        {
            ["Gongkai:DataProtection:Certificate"] = certificate,
            ["Gongkai:DataProtection:CertificatePassword"] = CertificatePassword,
        };
        using var a = new GongkaiFactory(withCertificate);
        var agency = await a.AgencyAsync("密钥测试市人民政府", AgencyLevel.City);
        await a.UserAsync("keys.handler", Roles.Handler, agency.Id);
        var signIn = await a.Browser().LogInAsync("keys.handler");
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(WebSetup.AuthCookie + "=", StringComparison.Ordinal)).Split(';')[0];

        // The same database, read by a server started afresh with the certificate, and by one without it.
        using var b = new GongkaiFactory(new Dictionary<string, string?>(withCertificate) { ["GONGKAI_DATA_DIR"] = a.DataDirectory });
        using var c = new GongkaiFactory(new Dictionary<string, string?> { ["GONGKAI_DATA_DIR"] = a.DataDirectory });

        (await StaffPageAsync(a, cookie)).ShouldBe(HttpStatusCode.OK);
        (await StaffPageAsync(b, cookie)).ShouldBe(HttpStatusCode.OK, "the key, decrypted with the certificate");
        (await StaffPageAsync(c, cookie)).ShouldBe(HttpStatusCode.Redirect, "without the certificate the stored key cannot be read");
        await using var scope = a.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        keys.ShouldNotBeEmpty();
        keys[0].ShouldContain("<encryptedSecret");
        keys[0].ShouldNotContain("<masterKey");
    }

    [Theory]
    [InlineData("Wrong-Password")]
    [InlineData(null)]
    public void Start_CertificateUnreadable_StopsWithTheSettingNamed(string? password)
    {
        using var factory = new GongkaiFactory(new Dictionary<string, string?>
        {
            ["Gongkai:DataProtection:Certificate"] = CertificateFile(),
            ["Gongkai:DataProtection:CertificatePassword"] = password,
        });

        var e = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => factory.CreateClient());

        e.Message.ShouldContain("配置项 Gongkai:DataProtection:Certificate 的证书");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<HttpStatusCode> StaffPageAsync(GongkaiFactory server, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff") { Headers = { { "Cookie", cookie } } };
        using var response = await server.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>A self-signed certificate with its private key, as a password-protected PKCS#12 file.</summary>
    private string CertificateFile()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Gongkai Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        var path = Path.Combine(folder, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        return path;
    }
}
