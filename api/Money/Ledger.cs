using System.Data.Common;
using Dapper;
using Marketplace.Jobs;
using Marketplace.Platform;

namespace Marketplace.Money;

public sealed class MoneyOptions
{
    /// <summary>The platform's fee as a fraction of the contract amount, taken from the worker's side.</summary>
    public decimal PlatformFeeRate { get; set; } = 0.10m;

    /// <summary>The categories whose pay the withholding rules name, when Money:WithholdingCategories is not set.</summary>
    public static readonly IReadOnlyList<JobCategory> DefaultWithholdingCategories = [JobCategory.Design, JobCategory.Translation, JobCategory.Writing];

    /// <summary>
    /// Job categories whose pay is remuneration the withholding rules name, as configured; empty means the defaults.
    /// The defaults cannot be this list's initial items: the configuration binder adds configured items to a list
    /// instead of replacing it, so setting "dataEntry" would have withheld on design, translation and writing too.
    /// </summary>
    public List<JobCategory> WithholdingCategories { get; set; } = [];

    /// <summary>The categories withheld on: the configured ones, or the defaults.</summary>
    public IReadOnlyCollection<JobCategory> WithheldCategories =>
        WithholdingCategories.Count > 0 ? WithholdingCategories : DefaultWithholdingCategories;

    /// <summary>Bank transfers count as confirmed at once (Development), so the whole path can be tried alone.</summary>
    public bool AutoConfirmPayments { get; set; }

    public long PlatformFeeBps => (long)(PlatformFeeRate * 10_000m);
}

/// <summary>
/// How a business's money reaches escrow. A card or convenience-store provider would implement this; its
/// confirmation then arrives through <see cref="Escrow.ConfirmPaymentAsync"/>.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>Recorded on the payment, e.g. "bankTransfer".</summary>
    string Name { get; }

    /// <summary>True when the money counts as received the moment it is requested.</summary>
    bool ConfirmsAtOnce { get; }
}

/// <summary>
/// The built-in provider: the business transfers to the platform's bank account and an administrator confirms
/// the transfer; with <c>Money:AutoConfirmPayments</c> (Development) it counts as confirmed at once.
/// </summary>
public sealed class BankTransferProvider(Microsoft.Extensions.Options.IOptions<MoneyOptions> options) : IPaymentProvider
{
    public string Name => "bankTransfer";
    public bool ConfirmsAtOnce => options.Value.AutoConfirmPayments;
}

/// <summary>Account names of the double-entry ledger; a balance is the sum of an account's entries.</summary>
public static class Accounts
{
    public static string Business(string id) => $"business:{id}";
    public static string Escrow(string contractId) => $"escrow:{contractId}";
    public static string Worker(string id) => $"worker:{id}";
    public static string Producer(string id) => $"producer:{id}";
    public static string WithholdingTax(string businessId) => $"withholding:{businessId}";
    public const string Platform = "platform";

    public static string For(Role role, string id) => role switch
    {
        Role.Business => Business(id),
        Role.Worker => Worker(id),
        Role.Producer => Producer(id),
        _ => Platform,
    };
}

public static class Ledger
{
    /// <summary>
    /// Posts one balanced transaction for a business event. The event key is unique in the database, so a
    /// retried event posts nothing the second time; the answer says whether this call posted.
    /// </summary>
    public static async Task<bool> PostAsync(DbConnection connection, DbTransaction tx, string eventKey, string? contractId,
        string description, DateTimeOffset now, params (string Account, long Amount)[] entries)
    {
        var lines = entries.Where(e => e.Amount != 0).ToArray();
        if (lines.Sum(e => e.Amount) != 0)
            throw new InvalidOperationException($"Ledger transaction {eventKey} does not balance.");
        if (lines.Length == 0) return false;
        var id = Wire.NewId();
        var inserted = await connection.ExecuteAsync(
            """
            INSERT INTO ledger_transactions (id, event_key, contract_id, description, created_at)
            SELECT @Id, @EventKey, @ContractId, @Description, @Now
            WHERE NOT EXISTS (SELECT 1 FROM ledger_transactions WHERE event_key = @EventKey)
            """,
            new { Id = id, EventKey = eventKey, ContractId = contractId, Description = description, Now = now }, tx);
        if (inserted == 0) return false;
        await connection.ExecuteAsync(
            "INSERT INTO ledger_entries (id, transaction_id, account, amount, created_at) VALUES (@Id, @TransactionId, @Account, @Amount, @Now)",
            lines.Select(l => new { Id = Wire.NewId(), TransactionId = id, l.Account, l.Amount, Now = now }), tx);
        return true;
    }
}

/// <summary>The money of one contract: held at award, released at acceptance, refunded on cancellation.</summary>
public static class Escrow
{
    private sealed class Terms
    {
        public string Id { get; init; } = "";
        public string BusinessId { get; init; } = "";
        public string WorkerId { get; init; } = "";
        public string? ProducerId { get; init; }
        public long Amount { get; init; }
        public long ProducerFee { get; init; }
        public long PlatformFee { get; init; }
        public long WithholdingTax { get; init; }
        public DateTimeOffset? FundedAt { get; init; }

        public Split Split => new(Amount, ProducerFee, PlatformFee, WithholdingTax);
    }

    private static Task<Terms> TermsAsync(DbConnection connection, DbTransaction tx, string contractId) =>
        connection.QuerySingleAsync<Terms>(
            """
            SELECT id, business_id, worker_id, producer_id, amount, producer_fee, platform_fee, withholding_tax, funded_at
            FROM contracts WHERE id = @Id
            """, new { Id = contractId }, tx);

    /// <summary>Records the business's payment for a new contract; with auto-confirmation it funds the escrow at once.</summary>
    public static async Task RequestPaymentAsync(DbConnection connection, DbTransaction tx, string contractId, long total,
        IPaymentProvider provider, DateTimeOffset now)
    {
        var paymentId = Wire.NewId();
        await connection.ExecuteAsync(
            """
            INSERT INTO payments (id, contract_id, amount, provider, status, created_at)
            VALUES (@Id, @ContractId, @Amount, @Provider, 'pending', @Now)
            """, new { Id = paymentId, ContractId = contractId, Amount = total, Provider = provider.Name, Now = now }, tx);
        if (provider.ConfirmsAtOnce) await ConfirmPaymentAsync(connection, tx, paymentId, null, now);
    }

    /// <summary>The transfer arrived: the business's money moves into the contract's escrow.</summary>
    public static async Task ConfirmPaymentAsync(DbConnection connection, DbTransaction tx, string paymentId, string? confirmedBy, DateTimeOffset now)
    {
        var contractId = await connection.ExecuteScalarAsync<string?>("SELECT contract_id FROM payments WHERE id = @Id", new { Id = paymentId }, tx)
            ?? throw new NotFoundException("No such payment.");
        var confirmed = await connection.ExecuteAsync(
            "UPDATE payments SET status = 'confirmed', confirmed_at = @Now, confirmed_by = @By WHERE id = @Id AND status = 'pending'",
            new { Id = paymentId, Now = now, By = confirmedBy }, tx);
        if (confirmed == 0) throw new ConflictException("Only a pending payment can be confirmed.");
        var terms = await TermsAsync(connection, tx, contractId);
        await Ledger.PostAsync(connection, tx, $"fund:{contractId}", contractId, "Escrow funded by the business", now,
            (Accounts.Business(terms.BusinessId), -terms.Split.EscrowTotal), (Accounts.Escrow(contractId), terms.Split.EscrowTotal));
        await connection.ExecuteAsync("UPDATE contracts SET funded_at = @Now WHERE id = @Id AND funded_at IS NULL", new { Id = contractId, Now = now }, tx);
    }

    /// <summary>Acceptance pays everyone out of escrow: worker net, platform fee, producer fee, tax to be remitted.</summary>
    public static async Task ReleaseAsync(DbConnection connection, DbTransaction tx, string contractId, DateTimeOffset now)
    {
        var terms = await TermsAsync(connection, tx, contractId);
        if (terms.FundedAt is null) throw new ConflictException("The escrow is not funded; the payment has not been confirmed.");
        var split = terms.Split;
        await Ledger.PostAsync(connection, tx, $"release:{contractId}", contractId, "Escrow released on acceptance", now,
            (Accounts.Escrow(contractId), -split.EscrowTotal),
            (Accounts.Worker(terms.WorkerId), split.WorkerNet),
            (Accounts.Platform, split.PlatformFee),
            (terms.ProducerId is null ? Accounts.Platform : Accounts.Producer(terms.ProducerId), split.ProducerFee),
            (Accounts.WithholdingTax(terms.BusinessId), split.WithholdingTax));
        await connection.ExecuteAsync("UPDATE contracts SET released_at = @Now WHERE id = @Id", new { Id = contractId, Now = now }, tx);
    }

    /// <summary>Cancellation before delivery: a funded escrow goes back to the business in full; a pending payment is void.</summary>
    public static async Task RefundAsync(DbConnection connection, DbTransaction tx, string contractId, DateTimeOffset now)
    {
        await connection.ExecuteAsync("UPDATE payments SET status = 'cancelled' WHERE contract_id = @Id AND status = 'pending'", new { Id = contractId }, tx);
        var terms = await TermsAsync(connection, tx, contractId);
        if (terms.FundedAt is null) return;
        await Ledger.PostAsync(connection, tx, $"refund:{contractId}", contractId, "Escrow refunded on cancellation", now,
            (Accounts.Escrow(contractId), -terms.Split.EscrowTotal), (Accounts.Business(terms.BusinessId), terms.Split.EscrowTotal));
    }
}
