using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Platform;

/// <summary>
/// The one place that turns exceptions into RFC 9457 problem details. Anything unexpected becomes a plain
/// 500 whose body says nothing about the code.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, SqlDialect dialect, ILogger<ProblemExceptionHandler> logger)
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
            BadHttpRequestException bad => BadRequest(bad, http),
            NotFoundException e => new ProblemDetails { Status = 404, Title = "Not found.", Detail = e.Message },
            // Reading Caller.Id on a request that is not signed in: the caller must authenticate first.
            UnauthorizedAccessException e => new ProblemDetails { Status = 401, Title = "Not signed in.", Detail = e.Message },
            ForbiddenException e => new ProblemDetails { Status = 403, Title = "Forbidden.", Detail = e.Message },
            MissingScopeException e => new ProblemDetails
            {
                Status = 403, Title = "Forbidden.", Detail = e.Message, Extensions = { ["code"] = "missingScope", ["scope"] = e.Scope },
            },
            ConflictException e => new ProblemDetails { Status = 409, Title = "Conflict.", Detail = e.Message, Extensions = { ["code"] = WireName.Of(e.Code) } },
            TooManyRequestsException e => new ProblemDetails { Status = 429, Title = "Too many attempts.", Detail = e.Message },
            ProblemException { MaxBytes: { } max } e => new ProblemDetails
            {
                Status = e.Status, Title = e.Title, Detail = e.Message, Extensions = { ["code"] = e.Code, ["maxBytes"] = max },
            },
            ProblemException e => new ProblemDetails { Status = e.Status, Title = e.Title, Detail = e.Message, Extensions = { ["code"] = e.Code } },
            _ when dialect.IsUniqueViolation(exception) => new ProblemDetails
            {
                Status = 409, Title = "Conflict.", Detail = "This would duplicate something that must be unique.",
                Extensions = { ["code"] = WireName.Of(ConflictCode.Duplicate) },
            },
            OperationCanceledException when http.RequestAborted.IsCancellationRequested => new ProblemDetails
            {
                Status = 499, Title = "Client closed the request.",
            },
            _ => new ProblemDetails { Status = 500, Title = "An unexpected error occurred.", Detail = "The error was logged." },
        };
        if (problem.Status == 500) logger.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path);

        http.Response.StatusCode = problem.Status!.Value;
        if (exception is TooManyRequestsException tooMany)
            http.Response.Headers.RetryAfter = RetryAfterSeconds(tooMany.RetryAfter);
        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception }))
            return true;
        // The framework's writer writes only what the Accept header asks for, so a caller that asked for CSV alone (a
        // statement download) got its 400 or 403 with no body at all. RFC 9110 §12.5.1 lets a server disregard Accept; the
        // reason matters more than the type, so the problem goes out as problem+json regardless.
        problem.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.Id ?? http.TraceIdentifier);
        await http.Response.WriteAsJsonAsync(problem, problem.GetType(), (JsonSerializerOptions?)null, "application/problem+json", ct);
        return true;
    }

    /// <summary>Whole seconds, rounded up and at least 1: "Retry-After: 0" would invite an immediate retry.</summary>
    public static string RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ProblemDetails BadRequest(BadHttpRequestException bad, HttpContext http)
    {
        // A body with no stated length that grew past the route's limit while read (Kestrel's own 413).
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var tooLarge = new ProblemDetails { Status = 413 };
            PlatformSetup.DescribeTooLarge(tooLarge, http);
            return tooLarge;
        }
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return new ProblemDetails { Status = 415, Title = "The request body must be JSON.", Detail = bad.Message };
        // A JSON content type with an empty body: minimal APIs word it for the developer of the endpoint ("Implicit body
        // inferred for parameter … Did you mean to use a Service instead?"), which tells the caller nothing.
        if (bad.Message.Contains("no body was provided", StringComparison.Ordinal))
            return new ProblemDetails { Status = 400, Title = "The request body is missing.", Detail = "This endpoint reads a JSON body: send one." };
        // Minimal APIs wrap JSON errors; the JSON path tells the caller which field was wrong, without internals. A field
        // the body could not bind (null or a string for a number, an unknown enum name) is named in errors as a validator's
        // failure would be: "accountType", "kinds[0].kind".
        var json = bad.InnerException as JsonException;
        // Not JSON at all, or cut off ({"password": and no more): the reader's own error, which names the last property
        // read as its path. That property is not what is wrong, so no field is named: where the text breaks is.
        if (json?.InnerException?.GetType().Name == "JsonReaderException")
            return new ProblemDetails
            {
                Status = 400, Title = "The request body is not well-formed JSON.",
                Detail = $"The JSON breaks off or has a syntax error at line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}.",
                Extensions = { ["code"] = "malformedJson" },
            };
        if (json?.Path is { Length: > 2 } field && field.StartsWith("$.", StringComparison.Ordinal))
        {
            var message = $"The value at '{field}' is null, of the wrong type or not one of the allowed values.";
            var name = field[2..];
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [name] = [message] })
            {
                Status = 400, Title = "The request body is not valid JSON for this endpoint.", Detail = message,
                Extensions = { ["errorCodes"] = new Dictionary<string, object[]> { [name] = [new Dictionary<string, object?> { ["code"] = "invalid", ["message"] = message }] } },
            };
        }
        // A query or route value that does not read as its parameter's type ("minBudget=45000.5"): minimal APIs word it
        // for the endpoint's developer ("Failed to bind parameter \"Nullable<long> MinBudget\" from \"45000.5\"."); the
        // caller is told which parameter, as a validator's failure names a field, so that a form shows it under the field.
        if (json is null && BindFailure().Match(bad.Message) is { Success: true } bind)
        {
            var name = char.ToLowerInvariant(bind.Groups["name"].Value[0]) + bind.Groups["name"].Value[1..];
            var message = $"'{bind.Groups["value"].Value}' is not a valid {name}: {Expected(bind.Groups["type"].Value)} is expected.";
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [name] = [message] })
            {
                Status = 400, Title = "One or more validation errors occurred.", Detail = message,
                Extensions = { ["errorCodes"] = new Dictionary<string, object[]> { [name] = [new Dictionary<string, object?> { ["code"] = "invalid", ["message"] = message }] } },
            };
        }
        return new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = json is not null ? "The request body is not valid JSON for this endpoint." : "The request is malformed.",
            Detail = json?.Path is { Length: > 1 } path
                ? $"The value at '{path}' is of the wrong type or not one of the allowed values."
                : json is not null ? "The body could not be read as JSON." : bad.Message,
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>\w+)" from "(?<value>.*)"\.$""")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("Int", StringComparison.Ordinal) || type.Contains("long", StringComparison.Ordinal) || type.Contains("int", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("DateTimeOffset", StringComparison.Ordinal) || type.Contains("DateTime", StringComparison.Ordinal) => "a date and time (ISO 8601)",
        _ when type.Contains("DateOnly", StringComparison.Ordinal) => "a date (yyyy-MM-dd)",
        _ when type.Contains("bool", StringComparison.OrdinalIgnoreCase) => "true or false",
        _ when type.Contains("decimal", StringComparison.Ordinal) || type.Contains("double", StringComparison.Ordinal) => "a number",
        _ => "one of the allowed values",
    };
}
