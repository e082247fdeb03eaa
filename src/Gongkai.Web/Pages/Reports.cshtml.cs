using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>Published annual reports; they are stored and published with the live-reports feature.</summary>
public sealed class ReportsModel : PageModel;
