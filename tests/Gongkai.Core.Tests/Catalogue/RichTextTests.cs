using Gongkai.Core.Catalogue;

namespace Gongkai.Core.Tests.Catalogue;

public sealed class RichTextTests
{
    [Theory]
    [InlineData("<p>正文<script>alert(1)</script></p>", "<p>正文</p>")]
    [InlineData("<p onclick=\"alert(1)\" style=\"color:red\" class=\"x\" id=\"y\">正文</p>", "<p>正文</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">链接</a>", "<a>链接</a>")]
    [InlineData("<a href=\" jav&#x09;ascript:alert(1)\">链接</a>", "<a>链接</a>")]
    [InlineData("<a href=\"data:text/html,x\">链接</a>", "<a>链接</a>")]
    [InlineData("<a href=\"//evil.example/\">链接</a>", "<a>链接</a>")]
    [InlineData("<a href=\"https://www.gov.cn/\" target=\"_blank\">国务院</a>", "<a href=\"https://www.gov.cn/\" rel=\"noopener noreferrer nofollow\">国务院</a>")]
    [InlineData("<a href=\"/catalog?agency=1\">目录</a>", "<a href=\"/catalog?agency=1\">目录</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe><p>留下</p>", "<p>留下</p>")]
    [InlineData("<img src=x onerror=alert(1)><p>图</p>", "<p>图</p>")]
    [InlineData("<svg><script>alert(1)</script></svg>文字", "文字")]
    [InlineData("<h1>标题</h1><b>粗</b><i>斜</i>", "<h2>标题</h2><strong>粗</strong><em>斜</em>")]
    [InlineData("<div><span style=\"font-size:20px\">包裹</span></div>", "包裹")]
    [InlineData("<table><tr><td colspan=\"2\" rowspan=\"x\" width=\"9\">格</td></tr></table>", "<table><tbody><tr><td colspan=\"2\">格</td></tr></tbody></table>")]
    [InlineData("<p>&lt;script&gt; 与 &amp;</p>", "<p>&lt;script&gt; 与 &amp;</p>")]
    [InlineData("<!-- 注释 --><p>正文</p>", "<p>正文</p>")]
    [InlineData("<style>p{color:red}</style><form action=\"/x\"><input name=\"a\"><button>提交</button></form>正文", "正文")]
    public void Sanitize_Html_OnlyTheAllowListRemains(string input, string expected) =>
        RichText.Sanitize(input).Html.ShouldBe(expected);

    [Fact]
    public void Sanitize_PlainText_EachLineAParagraphAndNothingInterpreted()
    {
        var body = RichText.Sanitize("第一段，1 < 2。\r\n\r\n  第二段 & 结尾  \n");

        body.Html.ShouldBe("<p>第一段，1 &lt; 2。</p><p>第二段 &amp; 结尾</p>");
        body.Text.ShouldBe("第一段，1 < 2。\n第二段 & 结尾");
    }

    [Fact]
    public void Sanitize_Html_PlainTextKeepsBlocksOnTheirOwnLines()
    {
        var body = RichText.Sanitize("<h2>一、总则</h2><p>第一条<br>第二条</p><ul><li>甲</li><li>乙</li></ul><table><tr><td>项目</td><td>金额</td></tr></table>");

        body.Text.ShouldBe("一、总则\n第一条\n第二条\n甲\n乙\n项目 金额");
    }

    [Fact]
    public void Sanitize_Nothing_Empty() => RichText.Sanitize(null).ShouldBe(new SanitisedBody("", ""));
}
