using Marketplace.Mail;
using Marketplace.Platform;

namespace Marketplace.Accounts;

/// <summary>
/// The address a person gives is confirmed by a link mailed to it (OWASP ASVS 5.0 V6.4.x: a mailed secret proves the
/// mailbox). An account whose address is not confirmed can sign in and look, but what reaches other people or money
/// waits for it: bidding, posting a job, awarding a bid, delivering work, being paid out, making an API token. Each of
/// those use cases asks <see cref="RequireAsync"/>, and payout batches pass such a worker by (Payouts/CreatePayoutBatch).
/// </summary>
public static class EmailConfirmation
{
    public const string Code = "emailNotConfirmed";

    /// <summary>403 <c>emailNotConfirmed</c> unless the person's address is confirmed.</summary>
    public static async Task RequireAsync(DbSession db, string userId, string what)
    {
        if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE id = @Id AND email_confirmed_at IS NULL", new { Id = userId }) > 0)
            throw new ProblemException(403, "E-mail address not confirmed.",
                $"Confirm your e-mail address before you {what}: open the link in the mail we sent, or ask for a new one with POST /api/me/email-confirmation.",
                Code);
    }

    /// <summary>A new link to <paramref name="email"/> that confirms it (the sign-up address) or makes it the account's (a new one).</summary>
    public static async Task SendAsync(DbSession db, AccountMailOutbox outbox, string userId, string email, TokenPurpose purpose, DateTimeOffset now)
    {
        var token = await OneTimeTokens.IssueAsync(db, userId, purpose, email, now);
        await outbox.EnqueueAsync(db, purpose == TokenPurpose.EmailChange ? AccountMailKind.EmailChange : AccountMailKind.EmailConfirmation,
            userId, email, token, now);
    }
}
