using Gongkai.Web.Hosting;

// `--demo` loads the demo region 示范市 on start-up; it is not a configuration key, so take it out first.
var demo = args.Contains("--demo", StringComparer.Ordinal);
var builder = WebApplication.CreateBuilder(WebSetup.Options([.. args.Where(a => a != "--demo")]));
builder.AddGongkaiWeb();

var app = builder.Build();
app.UseGongkaiWeb();
await StartupTasks.RunAsync(app, demo);
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
