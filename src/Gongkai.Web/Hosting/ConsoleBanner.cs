using Gongkai.Core.Accounts;
using Gongkai.Core.Demo;
using Gongkai.Core.Storage;

namespace Gongkai.Web.Hosting;

/// <summary>
/// What the operator must read on the console, printed plainly rather than as a JSON log line (and
/// never logged: a password does not belong in log storage).
/// </summary>
public static class ConsoleBanner
{
    public static void Administrator(IssuedPassword admin, StorageSettings storage)
    {
        var rule = new string('=', 64);
        Console.Out.WriteLine($"""

            {rule}
              公开系统首次启动：已创建系统管理员账号
                用户名：{admin.User.UserName}
                一次性密码：{admin.Password}
              请用此密码登录，系统会要求立即修改密码。此密码只显示这一次。
              数据目录：{storage.DataDirectory}
            {rule}

            """);
        Console.Out.Flush();
    }

    public static void Demo(DemoResult result)
    {
        Console.Out.WriteLine();
        foreach (var line in result.Summary) Console.Out.WriteLine("  演示数据：" + line);
        if (result.Accounts.Count > 0)
        {
            Console.Out.WriteLine($"  演示账号（密码均为 {result.Accounts[0].Password}）：");
            foreach (var a in result.Accounts)
                Console.Out.WriteLine($"    {a.UserName,-20} {Roles.Label(a.Role),-8} {a.DisplayName}  {a.AgencyName}");
        }
        Console.Out.WriteLine();
        Console.Out.Flush();
    }
}
