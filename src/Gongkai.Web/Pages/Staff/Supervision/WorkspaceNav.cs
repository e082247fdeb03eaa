using Gongkai.Core.Supervision.Storage;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>The views of a workspace, as the sub-navigation of every workspace page lists them.</summary>
public static class WorkspaceNav
{
    public const string Key = "SupervisionWorkspace";

    public static readonly (string Path, string Label)[] Views =
    [
        ("", "公开情况"),
        ("/ranking", "单位排名"),
        ("/charts", "统计图"),
        ("/compare", "年度对比"),
        ("/summary", "区域汇总"),
    ];

    public static string Url(SupervisionWorkspace workspace, string path = "") =>
        $"/staff/supervision/{workspace.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}{path}";
}
