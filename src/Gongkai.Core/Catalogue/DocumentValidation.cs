using Gongkai.Core.Agencies;
using Gongkai.Core.Storage;
using Gongkai.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Catalogue;

/// <summary>A drafting form's input checked against the catalogue's rules, with its body sanitised and its references found.</summary>
internal sealed record CheckedInput(DocumentInput Input, string Publisher, SanitisedBody Body, Document? Interprets, Document? Replaces,
    IReadOnlyList<FieldError> Errors)
{
    public void ApplyTo(Document d, CatalogueUser user, DateTime now)
    {
        d.Title = Input.Title.Trim();
        d.Kind = Input.Kind;
        d.Topic = Input.Topic;
        d.CategoryId = Input.CategoryId;
        d.Publisher = Publisher;
        d.DocumentNumber = Clean(Input.DocumentNumber);
        d.DocumentNumberKey = DocumentNumber.Key(d.DocumentNumber);
        d.IssuedOn = Input.IssuedOn;
        d.ValidUntil = Input.ValidUntil;
        d.Keywords = Clean(Input.Keywords) ?? "";
        d.BodyHtml = Body.Html;
        d.BodyText = Body.Text;
        d.InterpretsId = Interprets?.Id;
        d.Interprets = Interprets;
        d.ReplacesId = Replaces?.Id;
        d.Replaces = Replaces;
        d.UpdatedAt = now;
        d.UpdatedBy = user.Actor.Id;
    }

    /// <summary>The labels of what this input would change, for the history.</summary>
    public List<string> Changes(Document d)
    {
        var changes = new List<string>();
        void Compare<T>(T before, T after, string label)
        {
            if (!EqualityComparer<T>.Default.Equals(before, after)) changes.Add(label);
        }
        Compare(d.Title, Input.Title.Trim(), "标题");
        Compare(d.Kind, Input.Kind, "类型");
        Compare(d.Topic, Input.Topic, "主题分类");
        Compare(d.CategoryId, Input.CategoryId, "目录分类");
        Compare(d.Publisher, Publisher, "发布机构");
        Compare(d.DocumentNumber, Clean(Input.DocumentNumber), "文号");
        Compare(d.IssuedOn, Input.IssuedOn, "成文日期");
        Compare(d.ValidUntil, Input.ValidUntil, "有效期");
        Compare(d.Keywords, Clean(Input.Keywords) ?? "", "关键词");
        Compare(d.BodyHtml, Body.Html, "正文");
        Compare(d.InterpretsId, Interprets?.Id, "解读对象");
        Compare(d.ReplacesId, Replaces?.Id, "替代文件");
        return changes;
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal static class DocumentValidation
{
    public static async Task<CheckedInput> CheckAsync(GongkaiDbContext db, DocumentInput input, Agency agency, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var title = input.Title.Trim();
        if (title.Length == 0) errors.Add(new(nameof(input.Title), "请填写标题。"));
        else if (title.Length > 300) errors.Add(new(nameof(input.Title), "标题不能超过300个字。"));
        if (!Enum.IsDefined(input.Kind)) errors.Add(new(nameof(input.Kind), "请选择信息类型。"));
        if (!Enum.IsDefined(input.Topic)) errors.Add(new(nameof(input.Topic), "请选择主题分类。"));
        if (input.CategoryId is { } category
            && !await db.CatalogueCategories.AnyAsync(c => c.Id == category && c.AgencyId == agency.Id, cancellationToken))
            errors.Add(new(nameof(input.CategoryId), "请选择本机关公开目录中的分类。"));
        var publisher = CheckedInput.Clean(input.Publisher) ?? agency.Name;
        if (publisher.Length > 200) errors.Add(new(nameof(input.Publisher), "发布机构不能超过200个字。"));
        var number = CheckedInput.Clean(input.DocumentNumber);
        if (number is { Length: > 100 }) errors.Add(new(nameof(input.DocumentNumber), "文号不能超过100个字。"));
        var normative = input.Kind.Normative() is not null;
        if (normative && number is null) errors.Add(new(nameof(input.DocumentNumber), $"{input.Kind.Label()}须填写文号。"));
        if (normative && input.IssuedOn is null) errors.Add(new(nameof(input.IssuedOn), $"{input.Kind.Label()}须填写成文日期。"));
        if (input.IssuedOn is { } issued && issued > Beijing.Today(clock)) errors.Add(new(nameof(input.IssuedOn), "成文日期不能晚于今天。"));
        if (input.ValidUntil is { } until && input.IssuedOn is { } from && until < from)
            errors.Add(new(nameof(input.ValidUntil), "有效期不能早于成文日期。"));
        if (CheckedInput.Clean(input.Keywords) is { Length: > 200 }) errors.Add(new(nameof(input.Keywords), "关键词不能超过200个字。"));
        if ((input.Body?.Length ?? 0) > RichText.MaxLength) errors.Add(new(nameof(input.Body), $"正文不能超过{RichText.MaxLength}个字符。"));

        Document? interprets = null, replaces = null;
        var interpretsRef = CheckedInput.Clean(input.Interprets);
        if (input.Kind == DocumentKind.Interpretation)
        {
            if (interpretsRef is null) errors.Add(new(nameof(input.Interprets), "政策解读须填写所解读文件的索引号或文号。"));
            else if ((interprets = await DocumentReferences.FindPublishedAsync(db, interpretsRef, null, cancellationToken)) is null)
                errors.Add(new(nameof(input.Interprets), $"没有找到索引号或文号为“{interpretsRef}”的已发布信息；被解读的文件须先发布。"));
        }
        else if (interpretsRef is not null) errors.Add(new(nameof(input.Interprets), "只有政策解读才能填写所解读的文件。"));
        if (CheckedInput.Clean(input.Replaces) is { } replacesRef)
        {
            if (input.Kind == DocumentKind.Interpretation) errors.Add(new(nameof(input.Replaces), "政策解读不替代其他文件。"));
            else if ((replaces = await DocumentReferences.FindPublishedAsync(db, replacesRef, agency.Id, cancellationToken)) is null)
                errors.Add(new(nameof(input.Replaces), $"本机关没有索引号或文号为“{replacesRef}”的已发布信息。"));
        }
        var body = errors.Count == 0 ? RichText.Sanitize(input.Body) : new SanitisedBody("", "");
        return new CheckedInput(input, publisher, body, interprets, replaces, errors);
    }
}
