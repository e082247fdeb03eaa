namespace Gongkai.Core;

/// <summary>A refused input, named by the field it belongs to so a form can show it beside that field.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>What a use case returns when people's input can be refused: the value, or why not.</summary>
public sealed record Result<T>(T? Value, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static Result<T> Success(T value) => new(value, []);
    public static Result<T> Failure(IReadOnlyList<FieldError> errors) => new(default, errors);
    public static Result<T> Failure(string field, string message) => new(default, [new FieldError(field, message)]);
}
