using FluentValidation;
using FluentValidation.Results;
using Marketplace.Money;
using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>
/// unfunded (its payment into escrow may be asked for) → funded (the worker may start it) → [inReview →] submitted
/// (→ revisionRequested → [inReview →] submitted)* → accepted (by the business, or by lapse of its inspection period); or
/// cancelled with its contract (a funded one is settled by the contract's cancellation, an unfunded one simply ends).
/// inReview: on a job with a producer's review (contract_gates), delivered work waits for the producer to forward it.
/// </summary>
public enum MilestoneStatus { Unfunded, Funded, InReview, Submitted, RevisionRequested, Accepted, Cancelled }

/// <summary>
/// One part of a contract paid on its own (分割払い): agreed at award or added by an agreed change, funded, delivered,
/// inspected and released like a contract, with its own withholding, documents and Freelance Act payment date.
/// </summary>
public sealed record Milestone
{
    public required string Id { get; init; }
    /// <summary>1 for the first; the order the parties agreed.</summary>
    public required int Position { get; init; }
    public required string Title { get; init; }
    public required long Amount { get; init; }
    /// <summary>The day the parties agreed the work of this milestone is due (Japan).</summary>
    public required DateOnly DueOn { get; init; }
    public required MilestoneStatus Status { get; init; }
    /// <summary>What the business pays into escrow for it: the amount less the tax withheld, plus the producer's fee.</summary>
    public required long PaidIn { get; init; }
    /// <summary>What its release pays the worker: the amount less the platform fee and the tax withheld.</summary>
    public required long WorkerNet { get; init; }
    public required long PlatformFee { get; init; }
    public required long ProducerFee { get; init; }
    /// <summary>The tax withheld from this payment (Income Tax Act art. 204), which the business remits itself.</summary>
    public required long WithholdingTax { get; init; }
    /// <summary>The payment into escrow asked for it, if any (GET /api/contracts/{id}/payment-request shows a pending one).</summary>
    public string? PaymentId { get; init; }
    public string? PaymentStatus { get; init; }
    public DateTimeOffset? FundedAt { get; init; }
    /// <summary>The first delivery of this milestone: its payment date's 60 days run from it (Freelance Act art. 4).</summary>
    public DateTimeOffset? DeliveredAt { get; init; }
    /// <summary>The latest payment date the law allows for this milestone: its first delivery's day + 59 (Japan).</summary>
    public DateOnly? LatestPaymentOn { get; init; }
    /// <summary>While its delivered work waits for the business: when it counts as accepted if nobody answers.</summary>
    public DateTimeOffset? InspectionEndsAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
    /// <summary>acceptance or lapse.</summary>
    public ClosedBy? AcceptedBy { get; init; }
    /// <summary>Once released: the day the worker is paid by.</summary>
    public DateOnly? PaymentDueOn { get; init; }

    /// <summary>A contract's milestones in their order, with their payment's status.</summary>
    internal const string OfContractSql = """
        SELECT m.id, m.position, m.title, m.amount, m.due_on, m.status, m.amount - m.withholding_tax + m.producer_fee AS paid_in,
               m.amount - m.platform_fee - m.withholding_tax AS worker_net, m.platform_fee, m.producer_fee, m.withholding_tax,
               m.payment_id, p.status AS payment_status, m.funded_at, m.delivered_at, m.latest_payment_on, m.inspection_ends_at,
               m.accepted_at, m.accepted_by, m.payment_due_on
        FROM milestones m LEFT JOIN payments p ON p.id = m.payment_id
        WHERE m.contract_id = @Id ORDER BY m.position
        """;

    internal static Task<IReadOnlyList<Milestone>> OfContractAsync(DbSession db, string contractId) =>
        db.QueryAsync<Milestone>(OfContractSql, new { Id = contractId });

    /// <summary>The contract's milestone <paramref name="milestoneId"/>; another contract's, or none, is a 404.</summary>
    internal static async Task<Milestone> OfAsync(DbSession db, Contract contract, string milestoneId) =>
        (await OfContractAsync(db, contract.Id)).FirstOrDefault(m => m.Id == milestoneId)
        ?? throw new NotFoundException("No such milestone of this contract.");

    /// <summary>Why a milestone's conditional move changed nothing: the contract's hold or status, or the milestone's status.</summary>
    internal static async Task RefuseAsync(DbSession db, Contract contract, string milestoneId, string refusal)
    {
        if (await ContractState.OnHoldAsync(db, contract.Id) || contract.IsClosed) await ContractState.RefuseAsync(db, contract, refusal);
        var status = await db.ExecuteScalarAsync<string>("SELECT status FROM milestones WHERE id = @Id", new { Id = milestoneId });
        throw new ConflictException($"{refusal} The milestone is {status}.", ConflictCode.MilestoneStatus);
    }
}

/// <summary>The rules of a milestone plan, as agreed at award or by a change that adds milestones.</summary>
public static class MilestonePlan
{
    /// <summary>At most 20 milestones on one contract, as CrowdWorks and Lancers allow (the database's CHECK says so too).</summary>
    public const int MaxMilestones = 20;

    /// <summary>Each milestone is at least ¥1,000: the smallest payment the platforms take by bank transfer into escrow.</summary>
    public const long MinAmountYen = 1_000;

    /// <summary>A milestone as the parties agree it.</summary>
    public sealed record Item
    {
        public string Title { get; init; } = "";
        public long Amount { get; init; }
        /// <summary>yyyy-MM-dd (Japan).</summary>
        public DateOnly DueOn { get; init; }
    }

    public sealed class ItemValidator : AbstractValidator<Item>
    {
        public ItemValidator(TimeProvider clock)
        {
            RuleFor(i => i.Title).NotBlank("Title is required.").PlainText().MaximumLength(200);
            RuleFor(i => i.Amount).GreaterThanOrEqualTo(MinAmountYen).LessThanOrEqualTo(Jobs.JobRules.BudgetMaxYen);
            RuleFor(i => i.DueOn)
                .Must(d => d >= JapanTime.DayOf(clock.GetUtcNow())).WithMessage("The due date must not be in the past.").WithErrorCode("deadlineInPast")
                .Must(d => d <= JapanTime.DayOf(clock.GetUtcNow().AddYears(1))).WithMessage("The due date must be within a year.").WithErrorCode("deadlineTooFar");
        }
    }

    /// <summary>The milestones of <paramref name="field"/> must sum to <paramref name="amount"/> (400 milestonesSum otherwise).</summary>
    public static void RequireSum(IReadOnlyList<Item> items, long amount, string field)
    {
        var sum = items.Sum(i => i.Amount);
        if (sum != amount)
            throw new ValidationException([new ValidationFailure(field, $"The milestones sum to {sum} yen; they must sum to the contract's amount, {amount} yen.")
                { ErrorCode = "milestonesSum" }]);
    }

    /// <summary>
    /// Writes <paramref name="items"/> as unfunded milestones of the contract after its <paramref name="after"/> ones,
    /// each split at the contract's own rates (withholding per payment), and moves the contract's date to the last one's
    /// when that is later. The answer is their ids, in order.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> AddAsync(DbSession db, ContractMoney money, IReadOnlyList<Item> items, int after,
        DateTimeOffset now)
    {
        if (after + items.Count > MaxMilestones)
            throw new ValidationException([new ValidationFailure("milestones", $"A contract has at most {MaxMilestones} milestones.") { ErrorCode = "tooManyMilestones" }]);
        var ids = new List<string>();
        foreach (var (item, index) in items.Select((item, index) => (item, index)))
        {
            var split = money.SplitOf(item.Amount);
            var id = TimeOrderedId.New();
            await db.ExecuteAsync(
                """
                INSERT INTO milestones (id, contract_id, position, title, amount, due_on, producer_fee, platform_fee, withholding_tax, status, created_at)
                VALUES (@Id, @ContractId, @Position, @Title, @Amount, @DueOn, @ProducerFee, @PlatformFee, @WithholdingTax, 'unfunded', @Now)
                """,
                new { Id = id, ContractId = money.Id, Position = after + index + 1, Title = item.Title.Trim(), item.Amount, item.DueOn,
                      split.ProducerFee, split.PlatformFee, split.WithholdingTax, Now = now });
            ids.Add(id);
        }
        // The terms notice states one date by which the work is received (フリーランス法第3条, 給付を受領する期日): a plan
        // whose last milestone falls due after the contract's date moves that date to the end of the last due day in
        // Japan, so that the notice never lists a milestone due after the contract's own date.
        var lastDue = items.Max(i => i.DueOn);
        await db.ExecuteAsync("UPDATE contracts SET deadline = @LastDue WHERE id = @Id AND deadline < @LastDue",
            new { money.Id, LastDue = new DateTimeOffset(lastDue.ToDateTime(new TimeOnly(23, 59, 59)), JapanTime.Offset) });
        return ids;
    }

    /// <summary>How many milestones the contract has (0: a contract paid at the end, as before milestones).</summary>
    internal static async Task<int> CountAsync(DbSession db, string contractId) =>
        await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM milestones m WHERE m.contract_id = @Id", new { Id = contractId });

    /// <summary>
    /// The contract ended without its milestones' work: those not accepted end too. Their money was settled (or refunded)
    /// by the contract's close; an unfunded one moved nothing.
    /// </summary>
    internal static Task EndAsync(DbSession db, string contractId) =>
        db.ExecuteAsync("UPDATE milestones SET status = 'cancelled', inspection_ends_at = NULL WHERE contract_id = @Id AND status <> 'accepted'",
            new { Id = contractId });
}
