namespace Gongkai.Core.Supervision.Storage;

/// <summary>
/// 监督检查工作区: a supervisor's agency's audit of the reports its units published. Whoever may
/// see the agency (its supervisors, those above, administrators) may see the workspace.
/// </summary>
public sealed class SupervisionWorkspace
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
}
