namespace Marketplace.Bids;

/// <summary>pending → accepted (awarded), rejected (another bid won, or the job was cancelled) or withdrawn.</summary>
public enum BidStatus { Pending, Accepted, Rejected, Withdrawn }

/// <summary>A bid as the API shows it (the <c>bid_details</c> view).</summary>
public sealed record Bid
{
    public required string Id { get; init; }
    public required string JobId { get; init; }
    public required string JobTitle { get; init; }
    public required string WorkerId { get; init; }
    public required string WorkerName { get; init; }
    /// <summary>The worker's average review rating, null before the first review.</summary>
    public double? WorkerRating { get; init; }
    public required int WorkerReviewCount { get; init; }
    /// <summary>Whether an office or an administrator verified the worker's identity (本人確認済み).</summary>
    public bool WorkerVerified { get; init; }
    public required long Amount { get; init; }
    public required int DeliveryDays { get; init; }
    public required string Message { get; init; }
    public required BidStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>A team bid (issue 23): the team and its members, for the business to see whom it awards; null for a worker's own bid.</summary>
    public Teams.BidTeam? Team { get; init; }
    /// <summary>
    /// What awarding this bid would cost the business, for those who run the job and only while the bid is pending; null
    /// otherwise. The award fixes the split with the rates in force then.
    /// </summary>
    public AwardCost? AwardCost { get; init; }
}

/// <summary>What a business pays for awarding a bid (Money/ContractMoney.cs, <c>Split</c>).</summary>
/// <param name="PaidIn">What it pays into escrow: the amount, less the tax withheld, plus its producer's fee.</param>
/// <param name="ProducerFee">Its producer's fee for the deal, 0 without a producer.</param>
/// <param name="WithholdingTax">Income tax it withholds and pays to the tax office itself by the 10th of the next month (Income Tax Act art. 204, 212); 0 when the law does not ask.</param>
public sealed record AwardCost(long PaidIn, long ProducerFee, long WithholdingTax);
