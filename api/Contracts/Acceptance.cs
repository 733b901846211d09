using Marketplace.Invoices;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>What follows the move to completed, whether the business accepted or the inspection period lapsed.</summary>
internal static class Acceptance
{
    /// <summary>
    /// The job completes, the escrow is released, the payment date is fixed by the terms' rule, and those the release
    /// pays are told. The caller has already moved the contract to completed with its conditional UPDATE.
    /// </summary>
    public static async Task CompleteAsync(DbSession db, Contract contract, bool byLapse, ContractsOptions options, InvoiceOptions invoices,
        DateTimeOffset now)
    {
        await db.ExecuteAsync("UPDATE jobs SET status = 'completed' WHERE id = @JobId AND status = 'awarded'", new { contract.JobId });
        var money = await Money.ContractMoney.ReadAsync(db, contract.Id);
        await Money.Escrow.ReleaseAsync(db, money, now);
        await PaymentDates.RecordDueAsync(db, contract.Id, options.PaymentDays, now);
        await Documents.IssueOnReleaseAsync(db, money, contract.JobTitle, money.Split, invoices, now);
        var feeProducer = await db.ExecuteScalarAsync<string?>("SELECT producer_id FROM contracts WHERE id = @Id", new { contract.Id });
        if (byLapse)
        {
            // One notice per party: the business learns its silence accepted the work, the worker that it is paid.
            await Notify.ToAsync(db, contract.BusinessId, NotificationKind.AcceptedByLapse,
                $"The inspection period of \"{contract.JobTitle}\" ended without an answer: the work counts as accepted and the payment was released.",
                $"lapse:{contract.Id}", now, contract.JobId, contract.Id);
            await Notify.ToAsync(db, contract.WorkerId, NotificationKind.AcceptedByLapse,
                $"Your work on \"{contract.JobTitle}\" was accepted when its inspection period ended; the payment was released.",
                $"lapse:{contract.Id}", now, contract.JobId, contract.Id);
            if (feeProducer is not null)
                await Notify.ToAsync(db, feeProducer, NotificationKind.PaymentReleased,
                    $"Payment for \"{contract.JobTitle}\" was released.", $"released:{contract.Id}", now, contract.JobId, contract.Id);
            return;
        }
        // Told of the release: those it pays, the worker and the producer whose fee was fixed at award.
        await Notify.ToAsync(db, contract.WorkerId, NotificationKind.WorkAccepted,
            $"Your work on \"{contract.JobTitle}\" was accepted.", $"accepted:{contract.Id}", now, contract.JobId, contract.Id);
        foreach (var payee in new[] { contract.WorkerId, feeProducer }.OfType<string>())
            await Notify.ToAsync(db, payee, NotificationKind.PaymentReleased,
                $"Payment for \"{contract.JobTitle}\" was released.", $"released:{contract.Id}", now, contract.JobId, contract.Id);
    }
}
