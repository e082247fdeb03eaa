namespace Gongkai.Reports.Reading;

/// <summary>Text of the web page around a report (links, buttons) that is not part of it.</summary>
internal static class PageChrome
{
    private static readonly HashSet<string> Lines = new(StringComparer.Ordinal)
    {
        "相关词条", "热门词条", "联络我们", "联系我们", "×", "x", "返回顶部", "打印本页", "关闭窗口", "[打印]", "[关闭]",
        "打印", "关闭", "分享到:", "分享", "字号:大中小", "[大中小]", "上一篇", "下一篇", "扫一扫在手机打开当前页",
        "【打印】", "【关闭】", "[字体:大中小]", "收藏", "附件:", "相关附件", "相关链接",
    };

    public static bool IsChrome(string norm) => Lines.Contains(norm);
}
