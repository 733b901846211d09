using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>
/// active → submitted → (revisionRequested → submitted)* → completed (accepted, or by lapse of the inspection period);
/// or cancelled: before delivery with the job, or at any point before completion by an accepted cancellation or an
/// administrator's decision. On a job with a producer review, a submission first goes to inReview and the producer
/// forwards it. While a cancellation is proposed or a dispute is open the contract is on hold: nothing else moves it.
/// </summary>
public enum ContractStatus { Active, InReview, Submitted, RevisionRequested, Completed, Cancelled }

/// <summary>How a closed contract closed. AwardLapsed: the business's payment into escrow did not arrive in time (LapseUnpaidAward).</summary>
public enum ClosedBy { Acceptance, Lapse, Cancellation, Decision, JobCancelled, AwardLapsed }

/// <summary>The two sides of a deal: the business (with the producer who brokers for it) and the worker.</summary>
public enum Side { Business, Worker }

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
    /// <summary>
    /// While a payment into escrow is asked for (入金待ち: at award, or after a raised amount): the day it is due (Japan),
    /// or null when it was asked for before due dates existed or nothing is asked for.
    /// </summary>
    public DateOnly? FundingDueOn { get; init; }
    public DateTimeOffset? ReleasedAt { get; init; }
    /// <summary>Messages of the contract's thread from others that the caller has not read.</summary>
    public int UnreadMessages { get; init; }
    /// <summary>When the platform first received delivered work: the Freelance Act (art. 4) counts the payment date from it.</summary>
    public DateTimeOffset? DeliveredAt { get; init; }
    /// <summary>While delivered work waits for the business: when it counts as accepted if nobody answers.</summary>
    public DateTimeOffset? InspectionEndsAt { get; init; }
    /// <summary>The latest payment date the law allows, 60 days from the first delivery counting that day (yyyy-MM-dd, Japan).</summary>
    public DateOnly? LatestPaymentOn { get; init; }
    /// <summary>Once closed with money for the worker: the date the worker is paid by (yyyy-MM-dd, Japan).</summary>
    public DateOnly? PaymentDueOn { get; init; }
    public ClosedBy? ClosedBy { get; init; }
    /// <summary>After a cancellation or a decision: the yen of the amount paid to the worker.</summary>
    public long? WorkerShare { get; init; }
    /// <summary>The current version of the terms notice (GET /api/contracts/{id}/terms).</summary>
    public int? TermsVersion { get; init; }
    /// <summary>Revisions asked for so far; after <c>Contracts:FreeRevisions</c> of them the worker may decline one.</summary>
    public required int RevisionCount { get; init; }

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

    /// <summary>
    /// The side the caller acts for: the worker, or the business and the producer who brokered the contract (its
    /// producer_id, while its link is active: ForPartyAsync found the caller a party). Another producer of the same
    /// business may read the contract but not act on it.
    /// </summary>
    public async Task<Side> SideOfAsync(DbSession db, Caller caller, string what)
    {
        if (caller.Id == WorkerId) return Side.Worker;
        if (caller.Id == BusinessId) return Side.Business;
        var broker = await db.ExecuteScalarAsync<string?>("SELECT producer_id FROM contracts WHERE id = @Id", new { Id });
        if (broker == caller.Id) return Side.Business;
        throw new ForbiddenException($"Only the contract's business, its producer or its worker may {what}.");
    }

    /// <summary>Open and not yet delivered or finished: completed and cancelled contracts are closed.</summary>
    public bool IsClosed => Status is ContractStatus.Completed or ContractStatus.Cancelled;
}

public sealed record Submission
{
    public required string Id { get; init; }
    /// <summary>The milestone the work was delivered for; null for the contract as a whole.</summary>
    public string? MilestoneId { get; init; }
    public required string Message { get; init; }
    public required IReadOnlyList<string> Links { get; init; }
    public IReadOnlyList<Files.StoredFile> Files { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
}

public sealed record RevisionRequest
{
    public required string Id { get; init; }
    /// <summary>The milestone whose work is to be revised; null for the contract as a whole.</summary>
    public string? MilestoneId { get; init; }
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

/// <summary>
/// A contract with its whole history: every submission, revision request, review and change request, its latest
/// cancellation proposal (open, or how it was answered) and its dispute, if any.
/// </summary>
public sealed record ContractDetail
{
    public required Contract Contract { get; init; }
    public required IReadOnlyList<Submission> Submissions { get; init; }
    public required IReadOnlyList<RevisionRequest> RevisionRequests { get; init; }
    public required IReadOnlyList<Review> Reviews { get; init; }
    public required IReadOnlyList<ChangeRequest> ChangeRequests { get; init; }
    /// <summary>The milestones of a contract paid in milestones, in order, with their status and money; empty for one paid at the end.</summary>
    public required IReadOnlyList<Milestone> Milestones { get; init; }
    /// <summary>The team whose contract this is (the worker is its director, who splits it into tasks); null for one worker's.</summary>
    public string? TeamId { get; init; }
    public CancellationProposal? Cancellation { get; init; }
    public string? DisputeId { get; init; }
    /// <summary>Until then the office waits for each party's account of the dispute (the contract page says by when).</summary>
    public DateTimeOffset? DisputeStatementsDueAt { get; init; }
    /// <summary>
    /// The dispute is open, its statement days have not passed and the caller's side has not given its account yet: the
    /// contract page asks for it only then.
    /// </summary>
    public bool DisputeStatementAwaited { get; init; }
    /// <summary>The settings in force: revisions the worker answers before it may decline one, days of inspection.</summary>
    public required int FreeRevisions { get; init; }
    public required int InspectionDays { get; init; }
    /// <summary>Days the other party has to answer a cancellation proposal before it becomes a dispute (Disputes:AnswerDays).</summary>
    public required int CancellationAnswerDays { get; init; }
}

/// <summary>
/// What holds a contract and why a move was refused. Each command moves a contract with its own conditional UPDATE (of
/// two racing requests only one makes the move), which reads the hold in its WHERE: contract_holds, a proposed
/// cancellation or an open dispute, while which nothing else moves the contract.
/// </summary>
internal static class ContractState
{
    /// <summary>A cancellation is proposed or a dispute is open.</summary>
    public static async Task<bool> OnHoldAsync(DbSession db, string contractId) =>
        await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM contract_holds h WHERE h.contract_id = @Id", new { Id = contractId }) > 0;

    /// <summary>Why a conditional move changed nothing: the hold (409 contractOnHold), or the status it was in (409 contractStatus).</summary>
    public static async Task RefuseAsync(DbSession db, Contract contract, string refusal)
    {
        var hold = await db.ExecuteScalarAsync<string?>(
            """
            SELECT CASE WHEN EXISTS (SELECT 1 FROM contract_holds h WHERE h.contract_id = @Id AND h.hold = 'dispute') THEN 'dispute'
                        WHEN EXISTS (SELECT 1 FROM contract_holds h WHERE h.contract_id = @Id) THEN 'cancellation'
                   END
            """, new { contract.Id });
        if (hold is not null)
            throw new ConflictException(hold == "dispute"
                ? "The contract is in dispute: an administrator decides how it ends."
                : "A cancellation of the contract is proposed: it must be answered first.", ConflictCode.ContractOnHold);
        var status = await db.ExecuteScalarAsync<string>("SELECT status FROM contracts WHERE id = @Id", new { contract.Id });
        throw new ConflictException($"{refusal} The contract is {status}.", ConflictCode.ContractStatus);
    }
}
