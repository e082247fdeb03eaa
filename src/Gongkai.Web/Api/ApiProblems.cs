using Gongkai.Core;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Api;

/// <summary>The API's refusals as ProblemDetails; titles in Chinese come from <see cref="Hosting.Problems"/>.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult Of(int status, string detail) => TypedResults.Problem(detail: detail, statusCode: status);

    /// <summary>Field errors of a use case, each message under its field, all of them in the detail.</summary>
    public static ProblemHttpResult Invalid(IReadOnlyList<FieldError> errors, int status = StatusCodes.Status422UnprocessableEntity) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
        {
            Status = status,
            Detail = string.Join(" ", errors.Select(e => e.Message)),
        });
}
