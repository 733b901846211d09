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

    /// <summary>
    /// Whether the person opened the link mailed to their address. Until then they can look but not bid, post, award,
    /// deliver, be paid out or make API tokens (403 <c>emailNotConfirmed</c>).
    /// </summary>
    public bool EmailConfirmed { get; init; }

    /// <summary>Whether two-step sign-in is on; an administrator without it can do nothing but enrol.</summary>
    public bool TwoStepEnabled { get; init; }

    /// <summary>
    /// A version of the terms of use or the privacy policy is in force that the person has not accepted yet: the web
    /// client shows it after sign-in, with a button that accepts it (<c>POST /api/me/legal-acceptances</c>).
    /// Administrators, the operator's own staff, are never asked.
    /// </summary>
    public bool MustAcceptTerms { get; init; }

    /// <summary>The version of the terms of use in force.</summary>
    public int TermsVersion { get; init; }

    /// <summary>The version of the privacy policy in force.</summary>
    public int PrivacyVersion { get; init; }

    /// <summary>The account as <c>/api/me</c> shows it: with its address, two-step and consent states, in one read.</summary>
    public static async Task<Account?> ReadAsync(DbSession db, string id) =>
        (await db.QuerySingleOrDefaultAsync<AccountRow>(
            """
            SELECT u.id, u.email, u.display_name, u.role, u.language,
                   CASE WHEN u.email_confirmed_at IS NOT NULL THEN 1 ELSE 0 END AS email_confirmed,
                   CASE WHEN EXISTS (SELECT 1 FROM two_step t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL) THEN 1 ELSE 0 END
                       AS two_step_enabled,
                   CASE WHEN u.role <> 'administrator' AND EXISTS (
                            SELECT 1 FROM current_legal_documents d
                            WHERE NOT EXISTS (SELECT 1 FROM legal_acceptances a
                                              WHERE a.user_id = u.id AND a.kind = d.kind AND a.version = d.version))
                        THEN 1 ELSE 0 END AS must_accept_terms,
                   (SELECT d.version FROM current_legal_documents d WHERE d.kind = 'terms') AS terms_version,
                   (SELECT d.version FROM current_legal_documents d WHERE d.kind = 'privacy') AS privacy_version
            FROM users u WHERE u.id = @Id
            """, new { Id = id }))?.ToAccount();
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

    public bool EmailConfirmed { get; init; }
    public bool TwoStepEnabled { get; init; }
    public bool MustAcceptTerms { get; init; }
    public int? TermsVersion { get; init; }
    public int? PrivacyVersion { get; init; }

    public Account ToAccount() => new()
    {
        Id = Id, Email = Email, DisplayName = DisplayName, Role = Role,
        Language = WireName.TryParse<Mail.Language>(Language, out var language) ? language : Mail.Language.Ja,
        EmailConfirmed = EmailConfirmed, TwoStepEnabled = TwoStepEnabled, MustAcceptTerms = MustAcceptTerms,
        TermsVersion = TermsVersion ?? 0, PrivacyVersion = PrivacyVersion ?? 0,
    };
}
