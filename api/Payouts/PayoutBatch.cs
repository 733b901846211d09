namespace Marketplace.Payouts;

/// <summary>The life of a payout batch: gathered (the file can be downloaded and sent to the bank), then paid.</summary>
public enum PayoutBatchStatus { Gathered, Paid }

/// <summary>The life of one transfer: pending in a gathered batch, paid with its batch, or returned by the bank.</summary>
public enum PayoutStatus { Pending, Paid, Returned }

/// <summary>A batch of transfers as an administrator sees it, with every transfer and the account it goes to.</summary>
public sealed record PayoutBatch
{
    public required string Id { get; init; }
    /// <summary>Money released to workers up to this moment is paid in this batch.</summary>
    public required DateTimeOffset Cutoff { get; init; }
    /// <summary>The day the bank is asked to transfer (振込指定日 in the file).</summary>
    public required DateOnly TransferOn { get; init; }
    public required PayoutBatchStatus Status { get; init; }
    public required int Count { get; init; }
    /// <summary>The sum the bank transfers: what the file's trailer record states.</summary>
    public required long TotalNet { get; init; }
    public required long TotalFees { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateOnly? PaidOn { get; init; }
    public IReadOnlyList<BatchPayout>? Payouts { get; init; }
}

/// <summary>One transfer in a batch, with the bank details copied when the batch was gathered.</summary>
public sealed record BatchPayout
{
    public required string Id { get; init; }
    public required string WorkerId { get; init; }
    public required string WorkerName { get; init; }
    public required long Amount { get; init; }
    public required long TransferFee { get; init; }
    public required long Net { get; init; }
    public required string BankCode { get; init; }
    public required string BranchCode { get; init; }
    public required BankAccountType AccountType { get; init; }
    public required string AccountNumber { get; init; }
    public required string HolderName { get; init; }
    public required PayoutStatus Status { get; init; }
    public string? ReturnedReason { get; init; }
}

/// <summary>A row of payout_batch_details, the batch with its totals.</summary>
internal sealed class PayoutBatchRow
{
    public string Id { get; init; } = "";
    public DateTimeOffset Cutoff { get; init; }
    public DateOnly TransferOn { get; init; }
    public PayoutBatchStatus Status { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateOnly? PaidOn { get; init; }
    public int Count { get; init; }
    public long TotalNet { get; init; }
    public long TotalFees { get; init; }

    public PayoutBatch ToBatch(IReadOnlyList<BatchPayout>? payouts) => new()
    {
        Id = Id, Cutoff = Cutoff, TransferOn = TransferOn, Status = Status, Count = Count,
        TotalNet = TotalNet, TotalFees = TotalFees, CreatedAt = CreatedAt,
        PaidOn = PaidOn, Payouts = payouts,
    };
}
