using Gongkai.Core.Agencies;

namespace Gongkai.Web.Pages;

/// <summary>The model of _AgencyTree: nodes and where each links, e.g. "/guide/{0}".</summary>
public sealed record AgencyTreeView(IReadOnlyList<AgencyNode> Nodes, string LinkFormat, bool IsRoot = true);
