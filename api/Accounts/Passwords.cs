using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using FluentValidation;

namespace Marketplace.Accounts;

/// <summary>
/// The rules a new password meets (sign-up, password change, an administrator from the command line) and the one
/// form every password is hashed in.
/// </summary>
public static class Passwords
{
    /// <summary>
    /// OWASP ASVS 5.0 V6.2.1 asks for at least 8 characters; 10 is this product's. V6.2.9: at least 64 must be
    /// accepted; 128 caps the work one hash costs. V6.2.5: no composition rules.
    /// </summary>
    public const int MinLength = 10;
    public const int MaxLength = 128;

    /// <summary>
    /// The password as it is hashed and compared: Unicode NFKC, as NIST SP 800-63B 5.1.1.2 recommends, so that an é
    /// typed as one code point or as e + combining accent (macOS and Windows keyboards differ), or a full-width digit
    /// from a Japanese input method, is the same password. Text that is not valid UTF-16 cannot be normalised; the JSON
    /// reader refuses it already, and here it is left as it is rather than failing.
    /// </summary>
    public static string Normalize(string password)
    {
        try
        {
            return password.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return password;
        }
    }

    /// <summary>
    /// ASVS 5.0 V6.2.4: a new password is checked against the most common ones. The list is the 49,233 passwords
    /// of @zxcvbn-ts/language-common 4.1.3 (MIT; common-passwords.LICENSE.txt), embedded in the assembly and read
    /// once. Compared case-insensitively: "Password123" is as guessable as "password123".
    /// </summary>
    public static bool IsCommon(string password) => Common.Value.Contains(Normalize(password));

    public static int CommonCount => Common.Value.Count;

    private static readonly Lazy<FrozenSet<string>> Common = new(() =>
    {
        using var stream = typeof(Passwords).Assembly.GetManifestResourceStream("Marketplace.Accounts.common-passwords.json")
            ?? throw new InvalidOperationException("The common-password list is not embedded in the API assembly.");
        var list = JsonSerializer.Deserialize<string[]>(stream) ?? [];
        return list.Select(Normalize).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    });

    /// <summary>
    /// ASVS 5.0 V6.2.11: context-specific words. The password is the account's email, the part before its @, or its
    /// display name, compared in the same form and case-insensitively.
    /// </summary>
    public static bool IsAccountWord(string? password, string? email, string? displayName)
    {
        var typed = Normalize((password ?? "").Trim());
        if (typed.Length == 0) return false;
        var address = Emails.Normalize(email);
        string[] words = [address, address.Split('@')[0], (displayName ?? "").Trim()];
        return words.Any(w => w.Length > 0 && string.Equals(Normalize(w), typed, StringComparison.OrdinalIgnoreCase));
    }

    public const string AccountWordMessage = "The password must not be the account's email or display name.";
    public const string AccountWordCode = "passwordIsAccountWord";

    /// <summary>The rules of a new password that need nothing but the password itself.</summary>
    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MinimumLength(MinLength).MaximumLength(MaxLength)
            .Must(p => !IsCommon(p)).WithMessage("This password is one of the most common passwords; choose another.")
            .WithErrorCode("commonPassword");
}
