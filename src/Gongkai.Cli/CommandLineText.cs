using System.Text.RegularExpressions;

namespace Gongkai.Cli;

/// <summary>
/// The zh-Hans resources of System.CommandLine 2.0.0 leave some help labels and parse errors in
/// English (and one with a stray full stop). The library's own output passes through here so
/// that every line a user sees is Chinese.
/// </summary>
internal static class CommandLineText
{
    private static readonly (Regex English, string Chinese)[] Phrases =
    [
        (new(@"^Description:", RegexOptions.Multiline), "说明："),
        (new(@"Show help and usage information"), "显示帮助和用法信息"),
        (new(@"\(REQUIRED\)"), "（必填）"),
        (new(@"\[default: "), "[默认："),
        (new(@"Option '([^']*)' is required\."), "缺少必填选项 $1。"),
        (new(@"Cannot parse argument '([^']*)' for option '([^']*)' as expected type '[^']*'\."), "选项 $2 的值“$1”无效。"),
        (new(@"Cannot parse argument '([^']*)' for command '([^']*)' as expected type '[^']*'\."), "命令 $2 的参数“$1”无效。"),
        (new(@"Cannot parse argument '([^']*)' as expected type '[^']*'\."), "参数“$1”无效。"),
        (new(@"Option '([^']*)' expects a single argument but (\d+) were provided\."), "选项 $1 只接受一个值，但提供了 $2 个。"),
        (new(@"'([^']*)' was not matched\. Did you mean one of the following\?"), "无法识别“$1”。是否想输入以下之一？"),
        (new(@" Did you mean one of the following\?"), "是否想输入以下之一？"),
        (new(@"(\S+) option cannot be combined with other arguments\."), "$1 选项不能与其他参数同时使用。"),
        (new(@"“'([^']*)'”"), "“$1”"),
        (new(@"。\."), "。"),
        (new(@"”\.$", RegexOptions.Multiline), "”。"),
        (new(@"必须为一个: "), "可选值："),
    ];

    public static string Translate(string text)
    {
        foreach (var (english, chinese) in Phrases)
            text = english.Replace(text, chinese);
        return text;
    }
}
