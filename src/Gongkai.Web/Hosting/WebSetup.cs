using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Gongkai.Core;
using Gongkai.Core.Accounts;
using Gongkai.Core.Files;
using Gongkai.Core.Files.Backends;
using Gongkai.Core.Security;
using Gongkai.Core.Storage;
using Gongkai.Web.Api;
using Gongkai.Web.Catalogue;
using Gongkai.Web.OpenData;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace Gongkai.Web.Hosting;

/// <summary>How the web app is put together; Program.cs only calls these two methods.</summary>
public static class WebSetup
{
    /// <summary>The sign-in cookie: its presence alone keeps a request away from the output cache (see <see cref="CatalogueWeb"/>).</summary>
    public const string AuthCookie = "gongkai.auth";

    /// <summary>
    /// The app's own folder is its content root whatever the working directory, so appsettings.json
    /// and wwwroot are found when a service manager starts it from elsewhere; <c>--contentRoot</c> or
    /// ASPNETCORE_CONTENTROOT still choose another (the tests, <c>dotnet run</c>).
    /// </summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var given = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return new WebApplicationOptions { Args = args, ContentRootPath = given ? null : AppContext.BaseDirectory };
    }

    public static void AddGongkaiWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var storage = StorageSettings.FromConfiguration(builder.Configuration);
        var options = builder.AddGongkaiOptions();
        // A build run in place (not published) serves wwwroot from the project, as `dotnet run` does; published, this does nothing.
        builder.WebHost.UseStaticWebAssets();
        PrivateFiles.CreateDirectory(storage.DataDirectory);

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));

        services.AddGongkaiCore(storage, FileBackendSettings.FromConfiguration(builder.Configuration, storage));
        builder.AddScaleOut(options);
        builder.AddTelemetry();

        services.AddIdentity<User, Role>(IdentityPolicy.Configure)
            .AddEntityFrameworkStores<GongkaiDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<GongkaiClaimsFactory>();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = AuthCookie;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Secure on HTTPS; plain http://127.0.0.1 (development, tests) must still work.
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "gongkai.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Staff))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));

        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Staff", Policies.Staff);
                o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
                o.Conventions.AuthorizePage("/Account/ChangePassword");
                o.Conventions.AuthorizePage("/Account/Security");
                o.Conventions.AuthorizePage("/Account/Logout");
            })
            .AddMvcOptions(o =>
            {
                o.ModelMetadataDetailsProviders.Add(new KeepEmptyStrings());
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                ChineseBindingMessages.Apply(o.ModelBindingMessageProvider);
            });
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        // Chinese text is written as characters, not &#x…; escapes; <, >, &, quotes are still encoded.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = UploadInspector.DefaultMaxBytes + 1024 * 1024);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = ErrorResponses.MaxBodyBytes);
        services.AddPublicFormRateLimits(options);
        ConfigureProxies(services);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Customize);
        services.AddSingleton(s => new PdfRenderOptions(s.Gongkai().Pdf.MaxRenders));
        services.AddHostedService(s => s.GetRequiredService<PdfRenderQueue>());
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddCatalogueWeb(options.Benchmark);
        services.AddOpenDataWeb(builder.Configuration);
        services.AddOpenApi(o => o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true);
        builder.AddRequestsWeb(options);
    }

    public static void UseGongkaiWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseErrorResponses();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseBodySizeLimit();
        // Before authentication: a cached public page needs no sign-in, limit or permission check,
        // and the catalogue policy never caches a request that carries the sign-in cookie.
        app.UseOutputCache();
        app.UseAuthentication();
        app.UseMustChangePassword();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapTelemetry();
        app.MapHealth();
        app.MapOpenApi();
        app.MapAgenciesApi();
        app.MapDocumentsApi();
        app.MapReportsApi();
        app.MapOpenDataWeb();
        app.MapRequestsWeb();
        app.MapCatalogueWeb();
        app.MapRazorPages();
    }

    /// <summary>Behind a reverse proxy the audit log must record the client, not the proxy: trust only the proxies named.</summary>
    private static void ConfigureProxies(IServiceCollection services) =>
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<GongkaiOptions>>((o, gongkai) =>
        {
            var proxies = gongkai.Value.Proxies;
            o.ForwardedHeaders = proxies.Count > 0 ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
        });
}

public static class Policies
{
    public const string Staff = "staff";
    public const string Admin = "admin";
}
