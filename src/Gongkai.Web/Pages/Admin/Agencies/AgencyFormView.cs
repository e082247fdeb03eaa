using Gongkai.Core.Agencies;

namespace Gongkai.Web.Pages.Admin.Agencies;

public sealed record AgencyFormView(AgencyInput Input, IReadOnlyList<Agency> ParentOptions);
