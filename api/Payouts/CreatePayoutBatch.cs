using FluentValidation;
using MediatR;
using Marketplace.Admin;
using Marketplace.Money;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Payouts;

/// <summary>
/// An administrator gathers a batch: every worker with a bank account whose available balance at the cutoff reaches
/// the minimum is paid that balance, and so is every worker owed pay by a date within the warning days, however small:
/// the Freelance Act (art. 4) wants it paid by that date, which the minimum must not push back (the operator then bears
/// the transfer fee, which the minimum exists to spare). Two administrators gathering at once cannot pay anyone twice: a worker can be in
/// one unpaid batch only, which a unique index decides (ux_payouts_one_pending_per_worker).
/// </summary>
public static class CreatePayoutBatch
{
    public sealed record Command : ICommand<PayoutBatch>
    {
        /// <summary>Money released up to this moment is paid; later releases wait for the next batch. Not in the future.</summary>
        public DateTimeOffset Cutoff { get; init; }
        /// <summary>
        /// The day the bank should transfer, a bank business day (<see cref="BankCalendar"/>); by default the next one after
        /// today in Japan.
        /// </summary>
        public DateOnly? TransferOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Cutoff).NotEmpty().Must(cutoff => cutoff <= clock.GetUtcNow())
                .WithMessage("The cutoff cannot be in the future: only money already released can be paid out.").WithErrorCode("cutoffInFuture");
            // Days are Japan's: at 04:16 in Japan it is already the next day, whatever UTC says.
            RuleFor(c => c.TransferOn).Must(day => day is null || day.Value >= JapanTime.DayOf(clock.GetUtcNow()))
                .WithMessage("The transfer date cannot be in the past.").WithErrorCode("transferOnInPast");
            // The bank neither transfers on a weekend, a national holiday or 12/31–1/3 nor takes a file dated on one.
            RuleFor(c => c.TransferOn).Must(day => day is null
                    || (day.Value.Year is >= BankCalendar.FirstYear and <= BankCalendar.LastYear && BankCalendar.IsBusinessDay(day.Value)))
                .WithMessage("The transfer date must be a bank business day (not a weekend, a national holiday or 12/31–1/3).")
                .WithErrorCode("transferOnNotBusinessDay");
        }
    }

    private sealed class Candidate
    {
        public string WorkerId { get; init; } = "";
        public string BankCode { get; init; } = "";
        public string BranchCode { get; init; } = "";
        public string AccountType { get; init; } = "";
        public string AccountNumber { get; init; } = "";
        public string HolderName { get; init; } = "";
    }

    /// <summary>
    /// Workers who can be paid (only workers keep bank accounts): an account that no returned transfer has put on hold,
    /// and no transfer already pending, of a worker whose account is not suspended (issue 13: a suspended account cannot
    /// be paid; its balance waits in the ledger for the first batch after its reinstatement), nor one whose address is
    /// not confirmed (issue 27: an unconfirmed account cannot be paid; its balance waits likewise, for the first batch
    /// after the confirmation). Read in pages along the primary key, so that a batch of a national deployment never
    /// holds every account in memory at once.
    /// </summary>
    internal const string CandidatesSql = """
        SELECT b.worker_id, b.bank_code, b.branch_code, b.account_type, b.account_number, b.holder_name
        FROM bank_accounts b JOIN users u ON u.id = b.worker_id
        WHERE b.worker_id > @After AND b.held_reason IS NULL AND u.suspended_at IS NULL AND u.email_confirmed_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM payouts p WHERE p.worker_id = b.worker_id AND p.status = 'pending')
        ORDER BY b.worker_id LIMIT @Take
        """;

    private const int PageSize = 500;

    /// <summary>
    /// A worker's balance available at the cutoff: what was credited to the worker up to the cutoff, less every payout
    /// gathered and plus every payout returned whenever they happened, so that a batch with an earlier cutoff than the
    /// last one never pays the same yen again. On ix_ledger_entries_account.
    /// </summary>
    internal const string AvailableSql = """
        SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
        WHERE e.account = @Worker AND (e.created_at <= @Cutoff OR t.kind IN ('payoutGathered', 'payoutReturned'))
        """;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IOptions<PayoutOptions> options, IMediator mediator)
        : IRequestHandler<Command, PayoutBatch>
    {
        public async Task<PayoutBatch> Handle(Command command, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "gather payouts");
            var settings = options.Value;
            var now = clock.GetUtcNow();
            var transferOn = command.TransferOn ?? BankCalendar.NextBusinessDayAfter(JapanTime.DayOf(now));
            var batchId = TimeOrderedId.New();
            await db.ExecuteAsync(
                """
                INSERT INTO payout_batches (id, cutoff, transfer_on, status, created_by, created_at)
                VALUES (@Id, @Cutoff, @TransferOn, 'gathered', @Me, @Now)
                """, new { Id = batchId, Cutoff = command.Cutoff.ToUniversalTime(), TransferOn = transferOn, Me = caller.Id, Now = now });

            var today = JapanTime.DayOf(now);
            var owed = (await ListDuePayouts.ReadAsync(db, today.AddDays(ListDuePayouts.WarningDays), today, int.MaxValue))
                .Select(d => d.WorkerId).ToHashSet(StringComparer.Ordinal);
            var gathered = 0;
            for (var after = ""; ;)
            {
                var page = await db.QueryAsync<Candidate>(CandidatesSql, new { After = after, Take = PageSize });
                foreach (var candidate in page)
                    gathered += await GatherAsync(candidate, batchId, command.Cutoff.ToUniversalTime(), owed.Contains(candidate.WorkerId), now) ? 1 : 0;
                if (page.Count < PageSize) break;
                after = page[^1].WorkerId;
            }
            if (gathered == 0)
                throw new ConflictException($"Nobody can be paid at this cutoff: no worker with a bank account has ¥{settings.MinimumYen:N0} or more available, or pay due within {ListDuePayouts.WarningDays} days.", ConflictCode.NothingToPay);

            var batch = await mediator.Send(new GetPayoutBatch.Query(batchId), ct);
            await Audit.RecordAsync(db, caller, AuditAction.CreatePayoutBatch, batchId,
                new { batch.Cutoff, batch.TransferOn, batch.Count, batch.TotalNet, batch.TotalFees }, now);
            return batch;
        }

        /// <summary>
        /// Pays the worker's available balance into the batch when it reaches the minimum, or when pay is owed to it by a
        /// date within the warning days (<paramref name="owed"/>); false when neither.
        /// </summary>
        private async Task<bool> GatherAsync(Candidate candidate, string batchId, DateTimeOffset cutoff, bool owed, DateTimeOffset now)
        {
            var settings = options.Value;
            var available = await db.ExecuteScalarAsync<long>(AvailableSql,
                new { Worker = LedgerAccount.Worker(candidate.WorkerId).Key, Cutoff = cutoff });
            if (available <= 0 || (available < settings.MinimumYen && !owed)) return false;
            // Below the minimum only because the law's date is near: the operator bears the fee, so that the worker is
            // paid what it is owed and the transfer is never for nothing.
            var workerBearsFee = settings.FeeBorneBy == FeeBearer.Worker && available >= settings.MinimumYen;
            var fee = settings.TransferFeeYen;
            var payoutId = TimeOrderedId.New();
            await db.ExecuteAsync(
                """
                INSERT INTO payouts (id, batch_id, worker_id, amount, transfer_fee, net, bank_code, branch_code, account_type,
                                     account_number, holder_name, status, created_at)
                VALUES (@Id, @BatchId, @WorkerId, @Amount, @Fee, @Net, @BankCode, @BranchCode, @AccountType,
                        @AccountNumber, @HolderName, 'pending', @Now)
                """,
                new
                {
                    Id = payoutId, BatchId = batchId, candidate.WorkerId, Amount = available, Fee = fee,
                    Net = workerBearsFee ? available - fee : available, candidate.BankCode, candidate.BranchCode,
                    candidate.AccountType, candidate.AccountNumber, candidate.HolderName, Now = now,
                });
            await Payout.GatherAsync(db, payoutId, candidate.WorkerId, available, fee, workerBearsFee, now);
            return true;
        }
    }

    public static void Map(IEndpointRouteBuilder payouts) =>
        payouts.MapPost("/admin/payout-batches", async (Command command, IMediator mediator) =>
            {
                var batch = await mediator.Send(command);
                return TypedResults.Created($"/api/admin/payout-batches/{batch.Id}", batch);
            })
            .WithName("CreatePayoutBatch").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
}
