using Marketplace.Contracts;
using Marketplace.Platform;

namespace Marketplace.Disputes;

/// <summary>open → decided (final).</summary>
public enum DisputeStatus { Open, Decided }

/// <summary>A dispute as lists show it (the <c>dispute_details</c> view).</summary>
public sealed record DisputeSummary
{
    public required string Id { get; init; }
    public required string ContractId { get; init; }
    public required string JobTitle { get; init; }
    public required string BusinessId { get; init; }
    public required string BusinessName { get; init; }
    public required string WorkerId { get; init; }
    public required string WorkerName { get; init; }
    public required long Amount { get; init; }
    public required DisputeStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>Until then the office waits for both parties' own accounts, unless both have given theirs sooner.</summary>
    public DateTimeOffset? StatementsDueAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    /// <summary>Once decided: the yen of the amount paid to the worker.</summary>
    public long? WorkerShare { get; init; }
    public string? DecisionReason { get; init; }
    public string? DecidedByName { get; init; }
}

/// <summary>What each side says to the administrator.</summary>
public sealed record DisputeStatementView
{
    public required string Id { get; init; }
    public required string AuthorId { get; init; }
    public required string AuthorName { get; init; }
    public required Side Side { get; init; }
    public required string Body { get; init; }
    /// <summary>What the party attached: photos of the work, the exchange that went wrong.</summary>
    public IReadOnlyList<Files.StoredFile> Files { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A dispute with everything an administrator weighs: the proposal, both sides' statements, the submissions, the escrow.</summary>
public sealed record DisputeDetail
{
    public required DisputeSummary Dispute { get; init; }
    /// <summary>The cancellation that was declined or left unanswered.</summary>
    public required CancellationProposal Cancellation { get; init; }
    public required IReadOnlyList<DisputeStatementView> Statements { get; init; }
    public required IReadOnlyList<Submission> Submissions { get; init; }
    /// <summary>The contract's message thread, oldest first (the latest <see cref="GetDispute.MaxMessages"/>): what the parties said to each other.</summary>
    public required IReadOnlyList<Conversations.Message> Messages { get; init; }
    /// <summary>What the contract's escrow holds: the most a decision can divide.</summary>
    public required long EscrowBalance { get; init; }
    /// <summary>The most the worker's share can be: the amount, or less when the escrow holds less.</summary>
    public required long MaxWorkerShare { get; init; }
    /// <summary>
    /// The dispute is open and a party has not given its account while its days run (until <c>statementsDueAt</c>):
    /// a decision now is refused (409 awaitingStatements).
    /// </summary>
    public required bool AwaitingStatements { get; init; }
    /// <summary>The sides whose account the office still waits for ("business", "worker"), while it waits.</summary>
    public required IReadOnlyList<Side> AwaitedSides { get; init; }
}

internal static class Dispute
{
    /// <summary>
    /// The dispute as the caller may see it: administrators (enrolled in two-step sign-in) see every dispute, the
    /// contract's parties their own; to anyone else it does not exist.
    /// </summary>
    public static async Task<DisputeSummary> VisibleAsync(DbSession db, Caller caller, string id)
    {
        if (caller.Role == Role.Administrator)
        {
            await caller.RequireAdministratorAsync(db, "read disputes");
            return await db.QuerySingleOrDefaultAsync<DisputeSummary>("SELECT d.* FROM dispute_details d WHERE d.id = @Id", new { Id = id })
                ?? throw new NotFoundException("No such dispute.");
        }
        return await db.QuerySingleOrDefaultAsync<DisputeSummary>(
            """
            SELECT d.* FROM dispute_details d
            WHERE d.id = @Id AND EXISTS (SELECT 1 FROM contract_parties p WHERE p.contract_id = d.contract_id AND p.user_id = @Me)
            """, new { Id = id, Me = caller.Id })
            ?? throw new NotFoundException("No such dispute.");
    }
}
