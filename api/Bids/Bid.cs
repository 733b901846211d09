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
}
