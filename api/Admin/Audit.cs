using System.Text.Json;
using Marketplace.Platform;

namespace Marketplace.Admin;

/// <summary>What an administrator does, by the name the audit trail records (camelCase: 'confirmPayment').</summary>
public enum AuditAction
{
    ConfirmPayment, DecideDispute, CreatePayoutBatch, MarkPayoutBatchPaid, RecordReturnedPayout, SuspendUser, ReinstateUser, PublishLegalDocument, AnswerTicket,
    // Issue 29: the programmes an administrator sets up, the office staff it invites, identity checks it decides.
    CreateProgramme, InviteOfficeStaff, DecideIdentityCheck,
    /// <summary>A bank statement read against the payments into escrow (Money/MatchDeposits.cs); its matches are confirmed one entry each.</summary>
    MatchDeposits,
    /// <summary>A contest's winner chosen by an administrator, the business having chosen none in time (Contests/DecideWinner.cs).</summary>
    DecideContestWinner,
    /// <summary>An office invitation sent again, with a new link, to a person who has not accepted it (Programmes/ResendOfficeInvitation.cs).</summary>
    ResendOfficeInvitation,
}

/// <summary>One administrator action: who, when, what, and from which address.</summary>
public sealed record AuditEntry
{
    public required string Id { get; init; }
    public required string AdministratorId { get; init; }
    public required string AdministratorName { get; init; }
    public required AuditAction Action { get; init; }
    /// <summary>The id of the object acted on (for confirmPayment, the payment).</summary>
    public required string ObjectId { get; init; }
    /// <summary>A short JSON object with what the action changed (for confirmPayment: contractId, amount).</summary>
    public required JsonElement Detail { get; init; }
    /// <summary>The client's IP address as the app saw it; null when the action came from no request.</summary>
    public string? ClientAddress { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// The one call every administrator action makes to record itself in the audit trail (audit_entries, append-only like
/// the ledger). It writes inside the action's own transaction, so an action and its record commit together or not at
/// all: an action is never done unrecorded, and a refused one leaves no record.
/// </summary>
public static class Audit
{
    /// <summary>Details are a summary for people reading the trail, not a copy of the object.</summary>
    public const int MaxDetailLength = 2_000;

    public static async Task RecordAsync(DbSession db, Caller caller, AuditAction action, string objectId, object detail, DateTimeOffset now)
    {
        await caller.RequireAdministratorAsync(db, "act as an administrator");
        // Recorded outside a command's transaction, the record could commit without the action or the action without it.
        if (!db.InTransaction) throw new InvalidOperationException($"{action} must be recorded inside its command's transaction.");
        var json = JsonSerializer.Serialize(detail, JsonSerializerOptions.Web);
        if (!json.StartsWith('{') || json.Length > MaxDetailLength)
            throw new InvalidOperationException($"An audit detail is a JSON object of at most {MaxDetailLength} characters ({action}).");
        await db.ExecuteAsync(
            """
            INSERT INTO audit_entries (id, administrator_id, action, object_id, detail, client_address, created_at)
            VALUES (@Id, @AdministratorId, @Action, @ObjectId, @Detail, @ClientAddress, @Now)
            """,
            new { Id = TimeOrderedId.New(), AdministratorId = caller.Id, Action = WireName.Of(action), ObjectId = objectId, Detail = json,
                  ClientAddress = caller.Address, Now = now });
    }
}
