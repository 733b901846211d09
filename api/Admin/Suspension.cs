using Marketplace.Platform;

namespace Marketplace.Admin;

/// <summary>Whether an account may be used: an administrator suspends one (and reinstates it) with a reason.</summary>
public enum AccountStatus { Active, Suspended }

/// <summary>An account as the administrators' user list shows it (never the password hash, never bank details).</summary>
public sealed record UserSummary
{
    public required string Id { get; init; }
    public required string Email { get; init; }
    public required string DisplayName { get; init; }
    public required Role Role { get; init; }
    public required AccountStatus Status { get; init; }
    public DateTimeOffset? SuspendedAt { get; init; }
    public string? SuspendedReason { get; init; }
    /// <summary>
    /// A suspended worker is left out of every payout batch while the suspension lasts: its available balance stays in
    /// the ledger until it is reinstated (true only for a suspended worker; other roles are never paid out).
    /// </summary>
    public required bool PayoutsHeld { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// What a suspension means, in one place: a suspended account cannot sign in (Login), its sessions end at once and any
/// cookie left is refused on its next request (Sessions), its API tokens are refused while the suspension lasts
/// (BearerTokenHandler: at once on the node that suspended, on other nodes once their 30-second copy of a validated token
/// runs out, ValidatedTokens), payout batches skip it (CreatePayoutBatch) and mail to it is dropped, its notifications kept
/// (MailSender). Each of those reads users.suspended_at itself,
/// so a sign-in racing a suspension cannot outlive it: the database decides.
/// </summary>
public static class Suspension
{
    /// <summary>Reasons are a summary for the trail and the list; the office keeps its file elsewhere.</summary>
    public const int MaxReasonLength = 500;

    internal sealed class Row
    {
        public string Id { get; init; } = "";
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public Role Role { get; init; }
        public DateTimeOffset? SuspendedAt { get; init; }
        public string? SuspendedReason { get; init; }
        public DateTimeOffset CreatedAt { get; init; }

        public UserSummary ToSummary() => new()
        {
            Id = Id, Email = Email, DisplayName = DisplayName, Role = Role,
            Status = SuspendedAt is null ? AccountStatus.Active : AccountStatus.Suspended,
            SuspendedAt = SuspendedAt, SuspendedReason = SuspendedReason,
            PayoutsHeld = SuspendedAt is not null && Role == Role.Worker, CreatedAt = CreatedAt,
        };
    }

    internal const string ReadSql =
        "SELECT u.id, u.email, u.display_name, u.role, u.suspended_at, u.suspended_reason, u.created_at FROM users u WHERE u.id = @Id";

    internal static async Task<UserSummary> ReadAsync(DbSession db, string userId) =>
        (await db.QuerySingleOrDefaultAsync<Row>(ReadSql, new { Id = userId }))?.ToSummary()
        ?? throw new NotFoundException("No such account.");
}
