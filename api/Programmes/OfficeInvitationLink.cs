using System.Security.Cryptography;
using Marketplace.Mail;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// The link of an office invitation, the step that inviting (<see cref="InviteOfficeStaff"/>) and sending again
/// (<see cref="ResendOfficeInvitation"/>) share. Its token is 32 random bytes, kept in programme_staff only as its
/// SHA-256 (one slot per person: a new link replaces the hash, so every earlier link stops working) and sealed in the
/// outbox until the mail leaves, so the administrator never holds a way into the account. Accepting clears the slot
/// with a conditional UPDATE on the hash (<see cref="AcceptOfficeInvitation"/>): once, whichever link races.
/// </summary>
public static class OfficeInvitationLink
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token)));

    /// <summary>
    /// Mails the link to the person through the account mail. An earlier invitation mail that has not left yet is
    /// dropped (its link no longer works): the person receives the working link, not one that is refused.
    /// </summary>
    public static async Task MailAsync(DbSession db, AccountMailOutbox outbox, string userId, string email, string token, DateTimeOffset now)
    {
        await db.ExecuteAsync(
            "UPDATE account_mail SET status = 'dropped', sealed_token = NULL WHERE user_id = @UserId AND kind = @Kind AND status = 'pending'",
            new { UserId = userId, Kind = WireName.Of(AccountMailKind.OfficeInvitation) });
        await outbox.EnqueueAsync(db, AccountMailKind.OfficeInvitation, userId, email, token, now);
    }
}
