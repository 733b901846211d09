using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>
/// A contract's money as its award fixed it (and agreed changes moved it): who pays and who is paid, the rates in force
/// at the award, the split, and whether the escrow is funded. The one reading of a contract's split columns, for the
/// escrow, the documents and the terms notice, and (with what a close paid) of the statement's releases.
/// </summary>
public class ContractMoney
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
    /// <summary>
    /// Awarded before withholding left the escrow (migration 0023): the business paid the whole amount in, tax included,
    /// and the escrowed tax goes back to it when the contract closes.
    /// </summary>
    public bool WithholdingInEscrow { get; init; }
    public DateTimeOffset? FundedAt { get; init; }
    /// <summary>A team contract (issue 23): the team whose director is <see cref="WorkerId"/>; its release is divided over the team.</summary>
    public string? TeamId { get; init; }
    /// <summary>
    /// A team contract's individual members are withheld on (the business is a withholding agent and the work is of a named
    /// kind, fixed at award): each person of the team is the business's own payee, whether or not the director is withheld on.
    /// </summary>
    public bool TeamMembersWithheld { get; init; }

    /// <summary>The split of the whole amount.</summary>
    public Split Split => new(Amount, ProducerFee, PlatformFee, WithholdingTax);

    /// <summary>The split of a part of the amount (a worker's share) at the contract's own rates.</summary>
    public Split SplitOf(long amount) => Split.For(amount, ProducerFeeBps, PlatformFeeBps, Withholds);

    /// <summary>
    /// What this contract's escrow holds once funded: what the business pays in (<see cref="Split.PaidIn"/>), and for a
    /// contract funded the old way the tax withheld too.
    /// </summary>
    public long EscrowTotal => Split.PaidIn + (WithholdingInEscrow ? WithholdingTax : 0);

    /// <summary>
    /// The largest share of the amount that <paramref name="balance"/> yen of escrow can pay (the share's worker net and
    /// fees, <see cref="Split.PaidIn"/> of the share): what a cancellation or a decision may give the worker. What a share
    /// takes from escrow never falls as the share grows, so the answer is found by halving.
    /// </summary>
    public long MaxShare(long balance)
    {
        long low = 0, high = Amount;
        while (low < high)
        {
            var mid = low + (high - low + 1) / 2;
            if (SplitOf(mid).PaidIn <= balance) low = mid; else high = mid - 1;
        }
        return SplitOf(low).PaidIn <= balance ? low : 0;
    }

    public static Task<ContractMoney> ReadAsync(DbSession db, string contractId) =>
        db.QuerySingleAsync<ContractMoney>(
            """
            SELECT id, business_id, worker_id, producer_id, amount, producer_fee, platform_fee, withholding_tax,
                   platform_fee_bps, producer_fee_bps, withholds, withholding_in_escrow, funded_at, team_id,
                   team_members_withheld
            FROM contracts WHERE id = @Id
            """, new { Id = contractId });
}

/// <summary>
/// How one contract's money is split. Fees are rounded down to the yen, in the payer's favour. The business pays the
/// amount and its producer's fee: all of it into escrow except the tax withheld, which it pays to the tax office itself
/// (Income Tax Act art. 204 §1 and art. 212: the payer withholds and remits by the 10th of the next month), as the
/// Japanese platforms have the business escrow the amount less the withholding (源泉徴収額を差し引いた金額を仮払い).
/// </summary>
public sealed record Split(long Amount, long ProducerFee, long PlatformFee, long WithholdingTax)
{
    /// <summary>
    /// What the business pays into escrow and what leaves it at release: the amount less the tax withheld, plus its
    /// producer's fee (the worker's net, the platform's fee and the producer's fee).
    /// </summary>
    public long PaidIn => Amount - WithholdingTax + ProducerFee;

    /// <summary>What the worker receives: the amount less the platform fee and the tax withheld.</summary>
    public long WorkerNet => Amount - PlatformFee - WithholdingTax;

    public static Split For(long amount, long producerFeeBps, long platformFeeBps, bool withhold) =>
        new(amount, amount * producerFeeBps / 10_000, amount * platformFeeBps / 10_000, withhold ? Withholding.Tax(amount) : 0);
}
