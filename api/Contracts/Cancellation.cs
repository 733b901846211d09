using FluentValidation;
using FluentValidation.Results;
using Marketplace.Money;
using Marketplace.Notifications;
using Marketplace.Platform;
using Marketplace.Events;

namespace Marketplace.Contracts;

/// <summary>proposed → accepted (the contract is cancelled with the share), declined or lapsed (a dispute opens).</summary>
public enum CancellationStatus { Proposed, Accepted, Declined, Lapsed }

/// <summary>A proposal to end a contract before completion, paying the worker <see cref="WorkerShare"/> yen of the amount.</summary>
public sealed record CancellationProposal
{
    public required string Id { get; init; }
    public required string ProposedBy { get; init; }
    public required string ProposedByName { get; init; }
    public required Side Side { get; init; }
    public required string Reason { get; init; }
    public required long WorkerShare { get; init; }
    /// <summary>The worker declined a revision beyond the free ones.</summary>
    public required bool DeclinesRevision { get; init; }
    public required CancellationStatus Status { get; init; }
    /// <summary>Unanswered by then, it becomes a dispute.</summary>
    public required DateTimeOffset AnswerBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>A contract's latest proposal, on ix_cancellations_contract (contract_id, id).</summary>
    internal const string LatestSql = """
        SELECT x.id, x.proposed_by, u.display_name AS proposed_by_name, x.side, x.reason, x.worker_share, x.declines_revision,
               x.status, x.answer_by, x.created_at, x.answered_at
        FROM cancellations x JOIN users u ON u.id = x.proposed_by
        WHERE x.contract_id = @Id ORDER BY x.id DESC LIMIT 1
        """;

    internal static Task<CancellationProposal?> LatestAsync(DbSession db, string contractId) =>
        db.QuerySingleOrDefaultAsync<CancellationProposal>(LatestSql, new { Id = contractId });

    /// <summary>The open proposal the caller answers: it must exist, and the caller must be of the other side.</summary>
    internal static async Task<CancellationProposal> OpenForAnswerAsync(DbSession db, Contract contract, Caller caller, string what)
    {
        var side = await contract.SideOfAsync(db, caller, what);
        var open = await LatestAsync(db, contract.Id);
        if (open is not { Status: CancellationStatus.Proposed })
            throw new ConflictException("No cancellation of this contract waits for an answer.", ConflictCode.NoOpenCancellation);
        if (open.Side == side) throw new ForbiddenException($"The other party answers a cancellation; a proposer may not {what}.");
        return open;
    }

    /// <summary>
    /// Records a proposal by <paramref name="side"/>. The worker's share can be at most the amount and what the escrow
    /// holds (with the producer's fee on it), so that an accepted proposal can always be paid. One proposal is open at a
    /// time (a unique index decides), none once a dispute exists, none on a closed contract (checked in the INSERT).
    /// </summary>
    internal static async Task ProposeAsync(DbSession db, Contract contract, Caller caller, Side side, string reason, long workerShare,
        bool declinesRevision, int answerDays, DateTimeOffset now)
    {
        if (workerShare > contract.Amount)
            throw new ValidationException([new ValidationFailure("workerShare", $"The worker's share can be at most the amount, {contract.Amount} yen.")
                { ErrorCode = "atMost", FormattedMessagePlaceholderValues = new Dictionary<string, object> { ["ComparisonValue"] = contract.Amount } }]);
        if (contract.IsClosed) throw new ConflictException($"A {WireName.Of(contract.Status)} contract cannot be cancelled.", ConflictCode.ContractStatus);
        if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM disputes d WHERE d.contract_id = @Id", new { contract.Id }) > 0)
            throw new ConflictException("The contract is in dispute: an administrator decides how it ends.", ConflictCode.ContractOnHold);
        if ((await LatestAsync(db, contract.Id))?.Status == CancellationStatus.Proposed)
            throw new ConflictException("A cancellation of this contract already waits for an answer.", ConflictCode.ContractOnHold);
        var balance = await Escrow.BalanceAsync(db, contract.Id);
        if ((await ContractMoney.ReadAsync(db, contract.Id)).SplitOf(workerShare).PaidIn > balance)
            throw new ConflictException(
                $"The escrow holds {balance} yen: a share of {workerShare} yen cannot be paid from it.", ConflictCode.EscrowShort);

        var id = TimeOrderedId.New();
        var inserted = await db.ExecuteAsync(
            """
            INSERT INTO cancellations (id, contract_id, proposed_by, side, reason, worker_share, declines_revision, status, answer_by, created_at)
            SELECT @Id, c.id, @Me, @Side, @Reason, @WorkerShare, @DeclinesRevision, 'proposed', @AnswerBy, @Now
            FROM contracts c WHERE c.id = @ContractId AND c.status NOT IN ('completed', 'cancelled')
            """,
            new { Id = id, ContractId = contract.Id, Me = caller.Id, Side = WireName.Of(side), Reason = reason.Trim(), WorkerShare = workerShare,
                  DeclinesRevision = declinesRevision, AnswerBy = now.AddDays(answerDays), Now = now });
        if (inserted == 0) await ContractState.RefuseAsync(db, contract, "The contract can no longer be cancelled.");
        var other = side == Side.Worker ? contract.BusinessId : contract.WorkerId;
        await Notify.ToAsync(db, other, NotificationKind.CancellationProposed,
            $"A cancellation of \"{contract.JobTitle}\" was proposed, paying the worker {workerShare} yen; answer within {answerDays} days.",
            $"cancellation:{id}", now, contract.JobId, contract.Id);
        EventFeed.Record(db, EventTypes.CancellationProposed, now, ("jobId", contract.JobId), ("contractId", contract.Id), ("cancellationId", id));
    }

    /// <summary>
    /// A cancellation declined or left unanswered opens the contract's dispute, for an administrator to decide (Disputes/);
    /// a contract has one dispute at most (a unique index decides), and both parties are told, with the day by which the
    /// office waits for each one's own account (<c>Disputes:StatementDays</c>).
    /// </summary>
    internal static async Task OpenDisputeAsync(DbSession db, string cancellationId, int statementDays, DateTimeOffset now)
    {
        var id = TimeOrderedId.New();
        var due = now.AddDays(statementDays);
        await db.ExecuteAsync(
            """
            INSERT INTO disputes (id, contract_id, cancellation_id, business_id, worker_id, status, created_at, statements_due_at)
            SELECT @Id, x.contract_id, x.id, c.business_id, c.worker_id, 'open', @Now, @Due
            FROM cancellations x JOIN contracts c ON c.id = x.contract_id WHERE x.id = @CancellationId
            """, new { Id = id, CancellationId = cancellationId, Now = now, Due = due });
        var parties = await db.QuerySingleAsync<(string ContractId, string JobId, string Title, string BusinessId, string WorkerId)>(
            """
            SELECT c.id, c.job_id, j.title, c.business_id, c.worker_id
            FROM cancellations x JOIN contracts c ON c.id = x.contract_id JOIN jobs j ON j.id = c.job_id WHERE x.id = @CancellationId
            """, new { CancellationId = cancellationId });
        foreach (var party in new[] { parties.BusinessId, parties.WorkerId })
            await Notify.ToAsync(db, party, NotificationKind.DisputeOpened,
                $"The cancellation of \"{parties.Title}\" was not agreed: an administrator will decide. Add your statement to the dispute by {JapanTime.DayOf(due):yyyy-MM-dd}.",
                $"dispute:{id}", now, parties.JobId, parties.ContractId);
        EventFeed.Record(db, EventTypes.DisputeOpened, now, ("jobId", parties.JobId), ("contractId", parties.ContractId), ("disputeId", id));
    }
}
