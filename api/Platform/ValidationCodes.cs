using FluentValidation;

namespace Marketplace.Platform;

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
