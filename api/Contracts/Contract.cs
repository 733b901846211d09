using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>
/// active → submitted → (revisionRequested → submitted)* → completed; or cancelled before delivery.
/// On a job with a producer review, a submission first goes to inReview and the producer forwards it.
/// </summary>
public enum ContractStatus { Active, InReview, Submitted, RevisionRequested, Completed, Cancelled }

/// <summary>A contract as the API shows it (the <c>contract_details</c> view).</summary>
public sealed record Contract
{
    public required string Id { get; init; }
    public required string JobId { get; init; }
    public required string JobTitle { get; init; }
    public required string BidId { get; init; }
    public required string WorkerId { get; init; }
    public required string WorkerName { get; init; }
    public required string BusinessId { get; init; }
    public required string BusinessName { get; init; }
    public string? ProducerId { get; init; }
    public required bool ProducerReview { get; init; }
    public required long Amount { get; init; }
    public required ContractStatus Status { get; init; }
    public required DateTimeOffset Deadline { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    /// <summary>The escrow holds the client's money: the worker can start.</summary>
    public DateTimeOffset? FundedAt { get; init; }
    public DateTimeOffset? ReleasedAt { get; init; }
    /// <summary>Messages of the contract's thread from others that the caller has not read.</summary>
    public int UnreadMessages { get; init; }

    /// <summary>The contract as one of its parties (contract_parties) sees it; to anyone else it does not exist.</summary>
    internal static async Task<Contract> ForPartyAsync(DbSession db, string id, Caller caller) =>
        await db.QuerySingleOrDefaultAsync<Contract>(
            """
            SELECT c.* FROM contract_details c
            WHERE c.id = @Id AND EXISTS (SELECT 1 FROM contract_parties p WHERE p.contract_id = c.id AND p.user_id = @Me)
            """, new { Id = id, Me = caller.Id })
        ?? throw new NotFoundException("No such contract.");

    public void RequireWorker(Caller caller, string what)
    {
        if (WorkerId != caller.Id) throw new ForbiddenException($"Only the contract's worker may {what}.");
    }

    public void RequireBusiness(Caller caller, string what)
    {
        if (BusinessId != caller.Id) throw new ForbiddenException($"Only the contract's business may {what}.");
    }
}

public sealed record Submission
{
    public required string Id { get; init; }
    public required string Message { get; init; }
    public required IReadOnlyList<string> Links { get; init; }
    public IReadOnlyList<Files.StoredFile> Files { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
}

public sealed record RevisionRequest
{
    public required string Id { get; init; }
    public required string Reason { get; init; }
    public IReadOnlyList<Files.StoredFile> Files { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
}

public sealed record Review
{
    public required string Id { get; init; }
    public required string ReviewerId { get; init; }
    public required string ReviewerName { get; init; }
    public required string RevieweeId { get; init; }
    public required int Rating { get; init; }
    public required string Comment { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A contract with its whole history: every submission, revision request and review.</summary>
public sealed record ContractDetail
{
    public required Contract Contract { get; init; }
    public required IReadOnlyList<Submission> Submissions { get; init; }
    public required IReadOnlyList<RevisionRequest> RevisionRequests { get; init; }
    public required IReadOnlyList<Review> Reviews { get; init; }
}

/// <summary>The one way a contract's status changes.</summary>
internal static class ContractState
{
    /// <summary>
    /// Moves the contract from one of <paramref name="from"/> to <paramref name="to"/> in one conditional UPDATE,
    /// so that of two racing requests only one makes the move; the other is refused with <paramref name="refusal"/>.
    /// </summary>
    public static async Task MoveAsync(DbSession db, Contract contract, ContractStatus[] from, ContractStatus to, string refusal,
        DateTimeOffset? completedAt = null)
    {
        var moved = await db.ExecuteAsync(
            "UPDATE contracts SET status = @To, completed_at = COALESCE(@CompletedAt, completed_at) WHERE id = @Id AND status IN @From",
            new { contract.Id, To = Wire.Name(to), From = from.Select(Wire.Name).ToArray(), CompletedAt = completedAt });
        if (moved == 0) throw new ConflictException($"{refusal} The contract is {Wire.Name(contract.Status)}.");
    }
}
