namespace Marketplace.Bids;

/// <summary>pending → accepted (awarded), rejected (another bid won, or the job was cancelled) or withdrawn.</summary>
public enum BidStatus { Pending, Accepted, Rejected, Withdrawn }

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
    public required long Amount { get; init; }
    public required int DeliveryDays { get; init; }
    public required string Message { get; init; }
    public required BidStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

internal static class BidSql
{
    public const string Select = """
        SELECT b.id, b.job_id, j.title AS job_title, b.worker_id, u.display_name AS worker_name,
               (SELECT ROUND(AVG(r.rating * 1.0), 2) FROM reviews r WHERE r.reviewee_id = b.worker_id) AS worker_rating,
               (SELECT COUNT(*) FROM reviews r WHERE r.reviewee_id = b.worker_id) AS worker_review_count,
               b.amount, b.delivery_days, b.message, b.status, b.created_at
        FROM bids b JOIN jobs j ON j.id = b.job_id JOIN users u ON u.id = b.worker_id
        """;
}
