using FluentValidation;
using FluentValidation.Validators;

namespace Marketplace.Platform;

/// <summary>
/// Beside each field's English messages, each message again with a language-neutral code and its limits
/// ({"code":"maxLength","max":200,"message":"…"}), so that a client can word it in its user's language.
/// </summary>
public static partial class ValidationCodes
{
    /// <summary>Text that must hold more than white space, reported with the same "required" code as NotEmpty.</summary>
    public static IRuleBuilderOptions<T, TProperty> NotBlank<T, TProperty>(this IRuleBuilder<T, TProperty> rule, string message) =>
        rule.Must(value => value is string text && !string.IsNullOrWhiteSpace(text)).WithMessage(message).WithErrorCode("required");

    /// <summary>
    /// A list of at most <paramref name="max"/> items, coded <paramref name="code"/> ("tooManyFiles"); the OpenAPI document
    /// publishes it as the list's maxItems (OpenApi.cs), so a client reads the number instead of copying it.
    /// </summary>
    public static IRuleBuilderOptions<T, TList> MaxItems<T, TList>(this IRuleBuilder<T, TList> rule, int max, string code, string message)
        where TList : System.Collections.IEnumerable? =>
        rule.SetValidator(new MaxItemsValidator<T, TList>(max)).WithErrorCode(code).WithMessage(message);

    /// <summary>
    /// A short text (a name, a title, a region, an id): no control character at all and no bidi override. See
    /// <see cref="PlainTextValidator{T,TProperty}"/> for why; the failure is coded "controlCharacter".
    /// </summary>
    public static IRuleBuilderOptions<T, TProperty> PlainText<T, TProperty>(this IRuleBuilder<T, TProperty> rule) =>
        rule.SetValidator(new PlainTextValidator<T, TProperty>(multiline: false)).WithErrorCode(PlainTextCode);

    /// <summary>
    /// An address the product can mail (a sign-up's confirmation, an invitation): FluentValidation's check (one @, text on
    /// each side), and a domain of dot-separated labels ending in a top-level one of two or more letters. "office@yuzawa"
    /// passed the first alone: a trial invited it, and the account it made could neither receive mail nor be removed.
    /// Coded "email", as the first.
    /// </summary>
    public static IRuleBuilderOptions<T, string> MailboxAddress<T>(this IRuleBuilder<T, string> rule) =>
        // The domain as the handlers keep it: trimmed (Emails.Normalize).
        rule.EmailAddress().Must(address => address is null || !address.Contains('@') || MailDomain().IsMatch(address.Trim()[(address.Trim().LastIndexOf('@') + 1)..]))
            .WithErrorCode("EmailValidator").WithMessage("'{PropertyName}' is not a valid email address: its domain ends in a top-level domain such as .jp.");

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$")]
    private static partial System.Text.RegularExpressions.Regex MailDomain();

    /// <summary>A long text (a description, a message, a bio, a reason, a comment): as <see cref="PlainText"/>, but keeps line breaks and tabs.</summary>
    public static IRuleBuilderOptions<T, TProperty> PlainMultilineText<T, TProperty>(this IRuleBuilder<T, TProperty> rule) =>
        rule.SetValidator(new PlainTextValidator<T, TProperty>(multiline: true)).WithErrorCode(PlainTextCode);

    /// <summary>
    /// A failure of a feature's own rule, coded <paramref name="code"/>, with details a client needs to word it (e.g. which
    /// kind of thing was found): each travels beside the code, {"code":…,"kind":"phone","message":…}.
    /// </summary>
    public static FluentValidation.Results.ValidationFailure WithDetails(this FluentValidation.Results.ValidationFailure failure, string code,
        IReadOnlyDictionary<string, object?> details)
    {
        failure.ErrorCode = code;
        failure.CustomState = details;
        return failure;
    }

    /// <summary>The code of a refused character, reported with the character as "U+XXXX" under "character".</summary>
    public const string PlainTextCode = "controlCharacter";
    internal const string CharacterArgument = "Character";

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
            PlainTextCode => new() { ["code"] = PlainTextCode, ["character"] = values.GetValueOrDefault(CharacterArgument) },
            // A feature's own code with the language-neutral details its rule attached (ValidationCodes.WithDetails).
            var code when failure.CustomState is IReadOnlyDictionary<string, object?> details =>
                new Dictionary<string, object?>(details.Prepend(new("code", code))),
            // A rule that refuses one character (e.g. a bank name's kanji) names it, as controlCharacter does.
            var code when values.ContainsKey(CharacterArgument) => new() { ["code"] = code, ["character"] = values[CharacterArgument] },
            var code => new() { ["code"] = code },
        };
    }
}

/// <summary>
/// Text people type, as opposed to text a machine wrote: OWASP ASVS 5.0 V2.2.1 asks that input be validated against
/// what it is expected to hold. A name or a message holds printable characters, so this refuses
/// <list type="bullet">
/// <item>the C0 and C1 control characters and DEL (Unicode category Cc: U+0000–U+001F, U+007F–U+009F). A NUL cuts
/// strings short in C libraries and logs, an escape sequence (U+001B) rewrites a terminal that shows a log line, and a
/// line break in a one-line field forges a new line in a log or a CSV row of the statement;</item>
/// <item>the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069; Unicode UAX #9). They
/// make text display in an order other than the one it is stored in, so that a title, a link or a file name reads
/// as something it is not ("Trojan Source", CVE-2021-42574). The plain marks U+200E/U+200F stay allowed: mixed
/// Japanese, English and Arabic text legitimately uses them and they cannot reorder a run.</item>
/// </list>
/// Long texts keep line feeds, carriage returns (a browser's text area may send CRLF) and tabs.
/// The message names the character as U+XXXX, never the character itself, so that the refusal is readable.
/// </summary>
public sealed class PlainTextValidator<T, TProperty>(bool multiline) : PropertyValidator<T, TProperty>
{
    public override string Name => "PlainTextValidator";

    public override bool IsValid(ValidationContext<T> context, TProperty value)
    {
        if (value is not string text || Forbidden(text, multiline) is not { } found) return true;
        context.MessageFormatter.AppendArgument(ValidationCodes.CharacterArgument, $"U+{(int)found:X4}");
        return false;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) =>
        multiline
            ? "'{PropertyName}' must not contain the control or bidirectional formatting character {Character}."
            : "'{PropertyName}' must be one line without control or bidirectional formatting characters; it contains {Character}.";

    /// <summary>The first character the text may not hold, if any.</summary>
    public static char? Forbidden(string text, bool multiline)
    {
        foreach (var c in text)
        {
            if (multiline && c is '\n' or '\r' or '\t') continue;
            if (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069') return c;
        }
        return null;
    }
}

/// <summary>What the OpenAPI document reads of a <see cref="ValidationCodes.MaxItems"/> rule.</summary>
public interface IMaxItemsValidator
{
    int Max { get; }
}

/// <summary>A list (null passes: "required" is another rule's) of at most <see cref="Max"/> items.</summary>
public sealed class MaxItemsValidator<T, TList>(int max) : PropertyValidator<T, TList>, IMaxItemsValidator where TList : System.Collections.IEnumerable?
{
    public int Max => max;

    public override string Name => "MaxItemsValidator";

    public override bool IsValid(ValidationContext<T> context, TList value) =>
        value is null || value.Cast<object?>().Count() <= max;
}
