using System.Linq.Expressions;
using Gongkai.Domain.Catalogue;

namespace Gongkai.Core.Catalogue;

/// <summary>A published document as lists show it (catalogue, search, feeds): the catalogue metadata without the body.</summary>
public sealed record DocumentSummary(int Id, string Title, string? IndexNumber, string? DocumentNumber, string Publisher, DocumentKind Kind,
    Topic Topic, string? CategoryName, DateOnly? IssuedOn, DateOnly? PublishedOn, DateTime? PublishedAt, DateOnly? ValidUntil, DateOnly? RepealedOn)
{
    public static readonly Expression<Func<Document, DocumentSummary>> Projection = d => new DocumentSummary(
        d.Id, d.Title, d.IndexNumber, d.DocumentNumber, d.Publisher, d.Kind, d.Topic, d.Category == null ? null : d.Category.Name,
        d.IssuedOn, d.PublishedOn, d.PublishedAt, d.ValidUntil, d.RepealedOn);

    public Validity ValidityOn(DateOnly date) => Validities.On(date, ValidUntil, RepealedOn);
}
