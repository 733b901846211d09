using Marketplace.Platform;

namespace Marketplace.Accounts;

/// <summary>A signed-up person, as the API shows it (never the password hash).</summary>
public sealed record Account
{
    public required string Id { get; init; }
    public required string Email { get; init; }
    public required string DisplayName { get; init; }
    public required Role Role { get; init; }
    /// <summary>The language mail is written in (and the web client's default): ja unless the person chose en.</summary>
    public Mail.Language Language { get; init; } = Mail.Language.Ja;
}

/// <summary>The row behind an account, with its password hash; only the accounts slices read it.</summary>
public sealed class AccountRow
{
    public string Id { get; init; } = "";
    public string Email { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public Role Role { get; init; }
    public string PasswordHash { get; init; } = "";

    /// <summary>Whether <see cref="PasswordHash"/> was made from the NFKC form (<see cref="Passwords.Normalize"/>).</summary>
    public bool PasswordNfkc { get; init; }

    public string Language { get; init; } = "ja";

    /// <summary>Set while an administrator has the account suspended (Admin/Suspension.cs): it cannot sign in.</summary>
    public DateTimeOffset? SuspendedAt { get; init; }

    public Account ToAccount() => new()
    {
        Id = Id, Email = Email, DisplayName = DisplayName, Role = Role,
        Language = WireName.TryParse<Mail.Language>(Language, out var language) ? language : Mail.Language.Ja,
    };
}
