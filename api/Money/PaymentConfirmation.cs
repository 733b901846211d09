using System.Text.Json.Serialization;
using Marketplace.Admin;
using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>
/// An administrator's confirmation that a transfer arrived, as one named step: the escrow is funded through
/// <see cref="Escrow.ConfirmPaymentAsync"/> (409 paymentNotPending when it is no longer pending), the note is kept with
/// the payment, and the audit trail records which contract's (or job's) escrow it funded, with how much and the note. Confirming
/// one transfer and confirming a bank statement's matches in one step both take it.
/// </summary>
public static class PaymentConfirmation
{
    public const int MaxNoteLength = 500;

    /// <summary>What the audit trail keeps of a confirmation.</summary>
    private sealed class Confirmed
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? ContractId { get; init; }
        /// <summary>A payment into a job's own escrow (a task job's or a contest's) names the job instead.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? JobId { get; init; }
        public long Amount { get; init; }
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Note { get; init; }
    }

    public static async Task ConfirmAsync(DbSession db, Caller caller, string paymentId, string? note, DateTimeOffset now)
    {
        await Escrow.ConfirmPaymentAsync(db, paymentId, caller.Id, now);
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is not null)
            await db.ExecuteAsync("UPDATE payments SET confirmation_note = @Note WHERE id = @Id", new { Id = paymentId, Note = note });
        var payment = await db.QuerySingleAsync<Confirmed>(
            "SELECT contract_id, job_id, amount, confirmation_note AS note FROM payments WHERE id = @Id", new { Id = paymentId });
        await Audit.RecordAsync(db, caller, AuditAction.ConfirmPayment, paymentId, payment, now);
    }
}
