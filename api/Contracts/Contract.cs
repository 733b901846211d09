using System.Data.Common;
using Dapper;
using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>
/// active → submitted → (revisionRequested → submitted)* → completed; or cancelled before delivery.
/// On a job with a producer review, a submission first goes to inReview and the producer forwards it.
/// </summary>
public enum ContractStatus { Active, InReview, Submitted, RevisionRequested, Completed, Cancelled }

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
}

public sealed record Submission
{
    public required string Id { get; init; }
    public required string Message { get; init; }
    public required IReadOnlyList<string> Links { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

public sealed record RevisionRequest
{
    public required string Id { get; init; }
    public required string Reason { get; init; }
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

internal static class ContractSql
{
    public const string Select = """
        SELECT c.id, c.job_id, j.title AS job_title, c.bid_id, c.worker_id, w.display_name AS worker_name,
               c.business_id, b.display_name AS business_name, j.producer_id, j.producer_review, c.amount, c.status, c.deadline, c.created_at, c.completed_at, c.funded_at, c.released_at
        FROM contracts c
        JOIN jobs j ON j.id = c.job_id
        JOIN users w ON w.id = c.worker_id
        JOIN users b ON b.id = c.business_id
        """;

    /// <summary>The business, the worker, or a producer acting for the business.</summary>
    public static readonly string PartyOf = $"(c.business_id = @Me OR c.worker_id = @Me OR {Producers.ProducerSql.ActsFor("c.business_id")})";

    /// <summary>The contract as its party sees it; to anyone else it does not exist.</summary>
    public static async Task<Contract> GetForPartyAsync(DbConnection connection, string id, Caller caller, DbTransaction? tx = null) =>
        await connection.QuerySingleOrDefaultAsync<Contract>(
            $"{Select} WHERE c.id = @Id AND {PartyOf}",
            new { Id = id, Me = caller.Id }, tx)
        ?? throw new NotFoundException("No such contract.");

    public static void RequireWorker(this Contract contract, Caller caller, string what)
    {
        if (contract.WorkerId != caller.Id) throw new ForbiddenException($"Only the contract's worker may {what}.");
    }

    public static void RequireBusiness(this Contract contract, Caller caller, string what)
    {
        if (contract.BusinessId != caller.Id) throw new ForbiddenException($"Only the contract's business may {what}.");
    }

    /// <summary>One change by a party, in one transaction; the answer is the whole contract as it now stands.</summary>
    public static async Task<ContractDetail> ChangeAsync(Db db, Caller caller, MediatR.IMediator mediator, string contractId,
        Func<DbConnection, DbTransaction, Contract, Task> change, CancellationToken ct)
    {
        await db.InTransactionAsync(async (connection, tx) =>
        {
            await change(connection, tx, await GetForPartyAsync(connection, contractId, caller, tx));
            return 0;
        }, ct);
        return await mediator.Send(new GetContract.Query(contractId), ct);
    }

    /// <summary>
    /// Moves the contract from one of <paramref name="from"/> to <paramref name="to"/> in one conditional UPDATE,
    /// so two racing requests cannot both make the move.
    /// </summary>
    public static async Task MoveAsync(DbConnection connection, DbTransaction tx, Contract contract, ContractStatus[] from,
        ContractStatus to, string refusal, DateTimeOffset? completedAt = null)
    {
        var moved = await connection.ExecuteAsync(
            "UPDATE contracts SET status = @To, completed_at = COALESCE(@CompletedAt, completed_at) WHERE id = @Id AND status IN @From",
            new { contract.Id, To = Wire.Name(to), From = from.Select(Wire.Name).ToArray(), CompletedAt = completedAt }, tx);
        if (moved == 0) throw new ConflictException($"{refusal} The contract is {Wire.Name(contract.Status)}.");
    }
}
