using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>
/// A contract's money as its award fixed it (and agreed changes moved it): who pays and who is paid, the rates in force
/// at the award, the split, and whether the escrow is funded. The one reading of a contract's split columns, for the
/// escrow, the documents and the terms notice.
/// </summary>
public sealed class ContractMoney
{
    public string Id { get; init; } = "";
    public string BusinessId { get; init; } = "";
    public string WorkerId { get; init; } = "";
    /// <summary>The producer whose fee the award fixed; null when no producer brokered the contract.</summary>
    public string? ProducerId { get; init; }
    public long Amount { get; init; }
    public long ProducerFee { get; init; }
    public long PlatformFee { get; init; }
    public long WithholdingTax { get; init; }
    public long PlatformFeeBps { get; init; }
    public long ProducerFeeBps { get; init; }
    public bool Withholds { get; init; }
    public DateTimeOffset? FundedAt { get; init; }

    /// <summary>The split of the whole amount.</summary>
    public Split Split => new(Amount, ProducerFee, PlatformFee, WithholdingTax);

    /// <summary>The split of a part of the amount (a worker's share) at the contract's own rates.</summary>
    public Split SplitOf(long amount) => Split.For(amount, ProducerFeeBps, PlatformFeeBps, Withholds);

    public static Task<ContractMoney> ReadAsync(DbSession db, string contractId) =>
        db.QuerySingleAsync<ContractMoney>(
            """
            SELECT id, business_id, worker_id, producer_id, amount, producer_fee, platform_fee, withholding_tax,
                   platform_fee_bps, producer_fee_bps, withholds, funded_at
            FROM contracts WHERE id = @Id
            """, new { Id = contractId });
}

/// <summary>How one contract's money is split. Fees are rounded down to the yen, in the payer's favour.</summary>
public sealed record Split(long Amount, long ProducerFee, long PlatformFee, long WithholdingTax)
{
    /// <summary>What the business puts into escrow: the amount plus its producer's fee.</summary>
    public long EscrowTotal => Amount + ProducerFee;

    /// <summary>What the worker receives: the amount less the platform fee and the tax withheld.</summary>
    public long WorkerNet => Amount - PlatformFee - WithholdingTax;

    public static Split For(long amount, long producerFeeBps, long platformFeeBps, bool withhold) =>
        new(amount, amount * producerFeeBps / 10_000, amount * platformFeeBps / 10_000, withhold ? Withholding.Tax(amount) : 0);
}
