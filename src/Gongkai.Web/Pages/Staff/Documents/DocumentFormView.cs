using Gongkai.Core.Catalogue;

namespace Gongkai.Web.Pages.Staff.Documents;

/// <summary>The model of _DocumentForm: the input and the choices the form offers.</summary>
public sealed record DocumentFormView(DocumentInput Input, IReadOnlyList<CatalogueCategory> Categories, int AgencyId);
