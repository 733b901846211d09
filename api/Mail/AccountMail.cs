using System.Buffers.Text;
using System.Text;
using Marketplace.Platform;
using Microsoft.AspNetCore.DataProtection;

namespace Marketplace.Mail;

/// <summary>Mail about the account itself; the first three and <see cref="OfficeInvitation"/> carry a link with a one-time token.</summary>
public enum AccountMailKind
{
    /// <summary>A link to choose a new password.</summary>
    PasswordReset,
    /// <summary>A link that confirms the address given at sign-up.</summary>
    EmailConfirmation,
    /// <summary>A link, sent to a new address, that makes it the account's.</summary>
    EmailChange,
    /// <summary>To the address an account left: it changed (OWASP ASVS 5.0 V6.3.7), and what to do if it was not the person.</summary>
    EmailChanged,
    /// <summary>After a reset: the password changed (ASVS V6.3.7).</summary>
    PasswordChanged,
    /// <summary>A link, to a person an administrator invited to a programme's office, that sets the account's password.</summary>
    OfficeInvitation,
}

/// <summary>
/// The outbox of account mail (the table account_mail), written in the command's own transaction like the
/// notifications' outbox, and emptied by <see cref="AccountMailSender"/>. Such mail is never a digest and never
/// unsubscribed from: it is what the person asked for, or what they must know about their account. A link's token is
/// kept sealed with the app's data-protection keys (the key ring that seals sign-in cookies, kept apart from the
/// database) only until the mail leaves; the sender then clears it.
/// </summary>
public sealed class AccountMailOutbox(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Marketplace.Mail.AccountMail.v1");

    public Task EnqueueAsync(DbSession db, AccountMailKind kind, string userId, string toAddress, string? token, DateTimeOffset now) =>
        db.ExecuteAsync(
            """
            INSERT INTO account_mail (id, user_id, kind, to_address, sealed_token, status, attempts, next_attempt_at, created_at)
            VALUES (@Id, @UserId, @Kind, @To, @Sealed, 'pending', 0, @Now, @Now)
            """,
            new
            {
                Id = TimeOrderedId.New(), UserId = userId, Kind = WireName.Of(kind), To = toAddress, Now = now,
                Sealed = token is null ? null : Base64Url.EncodeToString(_protector.Protect(Encoding.ASCII.GetBytes(token))),
            });

    /// <summary>The token a sealed value holds; null for none, or for one these keys did not seal.</summary>
    public string? Unseal(string? sealedToken)
    {
        if (sealedToken is null) return null;
        try
        {
            return Encoding.ASCII.GetString(_protector.Unprotect(Base64Url.DecodeFromChars(sealedToken)));
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
