namespace Gongkai.Core.Audit;

/// <summary>Who did something and from where: the signed-in user and client IP, or the system itself.</summary>
public sealed record AuditActor(Guid? Id, string Name, string? ClientIp)
{
    public static readonly AuditActor System = new(null, "系统", null);
    public static AuditActor CommandLine { get; } = new(null, $"命令行（{Environment.UserName}）", null);
}
