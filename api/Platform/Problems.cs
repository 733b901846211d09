using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Platform;

/// <summary>The object does not exist, or the caller may not know that it does.</summary>
public sealed class NotFoundException(string detail) : Exception(detail);

/// <summary>The caller is known but may not do this.</summary>
public sealed class ForbiddenException(string detail) : Exception(detail);

/// <summary>The request is valid but the object's state refuses it (e.g. awarding a job that is no longer open).</summary>
public sealed class ConflictException(string detail) : Exception(detail);

/// <summary>
/// The one place that turns exceptions into RFC 9457 problem details. Anything unexpected becomes a plain
/// 500 whose body says nothing about the code.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, SqlDialect dialect, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails problem = exception switch
        {
            ValidationException validation => new HttpValidationProblemDetails(
                validation.Errors.GroupBy(e => e.PropertyName)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
            {
                Status = 400,
                Title = "The request has invalid fields.",
                Detail = string.Join(" ", validation.Errors.Select(e => e.ErrorMessage).Distinct()),
                Extensions = { ["errorCodes"] = ValidationCodes.Of(validation.Errors) },
            },
            BadHttpRequestException bad => BadRequest(bad),
            NotFoundException e => new ProblemDetails { Status = 404, Title = "Not found.", Detail = e.Message },
            ForbiddenException e => new ProblemDetails { Status = 403, Title = "Forbidden.", Detail = e.Message },
            ConflictException e => new ProblemDetails { Status = 409, Title = "Conflict.", Detail = e.Message },
            _ when dialect.IsUniqueViolation(exception) => new ProblemDetails
            {
                Status = 409, Title = "Conflict.", Detail = "This would duplicate something that must be unique.",
            },
            OperationCanceledException when http.RequestAborted.IsCancellationRequested => new ProblemDetails
            {
                Status = 499, Title = "Client closed the request.",
            },
            _ => new ProblemDetails { Status = 500, Title = "An unexpected error occurred.", Detail = "The error was logged." },
        };
        if (problem.Status == 500) logger.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path);

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails BadRequest(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return new ProblemDetails { Status = 413, Title = "The request body is too large." };
        // Minimal APIs wrap JSON errors; the JSON path tells the caller which field was wrong, without internals.
        var json = bad.InnerException as JsonException;
        return new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = json is not null ? "The request body is not valid JSON for this endpoint." : "The request is malformed.",
            Detail = json?.Path is { Length: > 1 } path
                ? $"The value at '{path}' is of the wrong type or not one of the allowed values."
                : json is not null ? "The body could not be read as JSON." : bad.Message,
        };
    }
}

/// <summary>What /api answers when no endpoint took the request.</summary>
public static class ApiFallback
{
    /// <summary>
    /// Routing refuses a body that is not JSON before any endpoint runs, and then this fallback is the only match
    /// left: without this check a form post to /api/jobs would read as "no such endpoint". Every API body is JSON,
    /// so a request in another media type is a 415 on any /api path; anything else unmatched is a 404.
    /// </summary>
    public static void Map(IEndpointRouteBuilder api) => api.MapFallback((HttpRequest request) =>
        request.ContentType is { Length: > 0 } contentType && !request.HasJsonContentType()
            ? TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The request body must be JSON.",
                detail: $"The API reads application/json; this request was sent as '{contentType}'.")
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "There is no such API endpoint."));
}

/// <summary>
/// Beside each field's English messages, each message again with a language-neutral code and its limits
/// ({"code":"maxLength","max":200,"message":"…"}), so that a client can word it in its user's language.
/// </summary>
public static class ValidationCodes
{
    /// <summary>Text that must hold more than white space, reported with the same "required" code as NotEmpty.</summary>
    public static IRuleBuilderOptions<T, TProperty> NotBlank<T, TProperty>(this IRuleBuilder<T, TProperty> rule, string message) =>
        rule.Must(value => value is string text && !string.IsNullOrWhiteSpace(text)).WithMessage(message).WithErrorCode("required");

    public static Dictionary<string, Dictionary<string, object?>[]> Of(IEnumerable<FluentValidation.Results.ValidationFailure> failures) =>
        failures.GroupBy(f => f.PropertyName).ToDictionary(g => g.Key, g => g.Select(Code).DistinctBy(c => c["message"]).ToArray());

    private static Dictionary<string, object?> Code(FluentValidation.Results.ValidationFailure failure)
    {
        var code = Describe(failure);
        code["message"] = failure.ErrorMessage;
        return code;
    }

    private static Dictionary<string, object?> Describe(FluentValidation.Results.ValidationFailure failure)
    {
        var values = failure.FormattedMessagePlaceholderValues ?? new Dictionary<string, object>();
        object? Value(string key) => values.TryGetValue(key, out var v) && (v is decimal || v.GetType().IsPrimitive) ? v : null;
        return failure.ErrorCode switch
        {
            "NotEmptyValidator" or "NotNullValidator" => new() { ["code"] = "required" },
            "MaximumLengthValidator" => new() { ["code"] = "maxLength", ["max"] = Value("MaxLength") },
            "MinimumLengthValidator" => new() { ["code"] = "minLength", ["min"] = Value("MinLength") },
            "LengthValidator" => new() { ["code"] = "length", ["min"] = Value("MinLength"), ["max"] = Value("MaxLength") },
            "InclusiveBetweenValidator" => new() { ["code"] = "between", ["min"] = Value("From"), ["max"] = Value("To") },
            "GreaterThanValidator" => new() { ["code"] = "greaterThan", ["value"] = Value("ComparisonValue") },
            "GreaterThanOrEqualValidator" => new() { ["code"] = "atLeast", ["value"] = Value("ComparisonValue") },
            "LessThanValidator" => new() { ["code"] = "lessThan", ["value"] = Value("ComparisonValue") },
            "LessThanOrEqualValidator" => new() { ["code"] = "atMost", ["value"] = Value("ComparisonValue") },
            "EmailValidator" => new() { ["code"] = "email" },
            "PredicateValidator" or "AsyncPredicateValidator" => new() { ["code"] = "invalid" },
            var code => new() { ["code"] = code },
        };
    }
}
