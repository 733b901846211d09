namespace Marketplace.Money;

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
