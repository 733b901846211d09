using System.Text.Json;
using Marketplace.Jobs;
using Marketplace.Money;
using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>
/// The terms notice of a contract (取引条件の明示書, Freelance Act art. 3 §1 and the JFTC's rule art. 1 §1): every item
/// the law asks an order to state, as one immutable version. Version 1 is written at award; each accepted change
/// writes the next.
/// </summary>
public sealed record TermsOfOrder
{
    public required int Version { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    /// <summary>The accepted change request that made this version; null for version 1 (the award).</summary>
    public string? ChangeRequestId { get; init; }
    /// <summary>The day of the order (rule art. 1 §1 (ii) 業務委託をした日).</summary>
    public required DateTimeOffset OrderedAt { get; init; }
    /// <summary>Both parties by name and id (rule (i)); the producer too when it brokers the deal.</summary>
    public required TermsParty Business { get; init; }
    public required TermsParty Worker { get; init; }
    public TermsParty? Producer { get; init; }
    /// <summary>
    /// A team contract (issue 23): the team that takes the order; <see cref="Worker"/> is then its director, who represents it.
    /// Null for a contract with one worker.
    /// </summary>
    public TermsParty? Team { get; init; }
    /// <summary>What is to be delivered (rule (iii) 給付の内容), as the job stood at award.</summary>
    public required TermsWork Work { get; init; }
    /// <summary>The delivery date (rule (iv) 給付を受領する期日); the place (rule (v)) is the platform.</summary>
    public required DateTimeOffset DeliveryDate { get; init; }
    public required string DeliveryPlace { get; init; }
    /// <summary>The inspection and the date by which it ends (rule (vi) 検査を完了する期日).</summary>
    public required TermsInspection Inspection { get; init; }
    /// <summary>The amount (rule (vii) 報酬の額), tax included, with the consumption tax it contains.</summary>
    public required TermsAmount Amount { get; init; }
    /// <summary>The payment date (rule (vii) 支払期日, art. 4) and method (rule (viii)).</summary>
    public required TermsPayment Payment { get; init; }
    /// <summary>The fees and the withholding tax, as amounts.</summary>
    public required TermsFees Fees { get; init; }
    /// <summary>Revisions the worker answers with new work before it may decline one.</summary>
    public required int FreeRevisions { get; init; }
    /// <summary>The NDA the worker accepted before seeing the job's confidential part (issue 29); null for a job without one.</summary>
    public TermsNda? Nda { get; init; }
    /// <summary>The contest whose prize this contract pays (issue 24); null for a contract awarded on a bid.</summary>
    public TermsContest? Contest { get; init; }
    /// <summary>
    /// A contract paid in milestones (issue 24): each payment's content, amount and date (Freelance Act art. 3, rule (vii)
    /// 報酬の額及び支払期日, stated per payment), in their agreed order. Null for a contract paid at the end, and in
    /// versions written before milestones were stated.
    /// </summary>
    public IReadOnlyList<TermsMilestone>? Milestones { get; init; }
}

/// <summary>
/// One payment of a milestone contract as the order states it: what is delivered for it, its amount, the day its work is
/// due, and its payment date's rule, counted from that milestone's own delivery (art. 4).
/// </summary>
public sealed record TermsMilestone
{
    public required string Id { get; init; }
    public required int Position { get; init; }
    public required string Title { get; init; }
    /// <summary>Yen, consumption tax included.</summary>
    public required long Amount { get; init; }
    /// <summary>The tax withheld from this payment, which the business remits itself.</summary>
    public required long WithholdingTax { get; init; }
    /// <summary>What the worker receives for it: the amount less the platform fee and the tax withheld.</summary>
    public required long WorkerNet { get; init; }
    /// <summary>The day the parties agreed its work is due (Japan).</summary>
    public required DateOnly DueOn { get; init; }
    /// <summary>Paid within this many days of this milestone's acceptance…</summary>
    public required int DaysAfterAcceptance { get; init; }
    /// <summary>…and at the latest this many days after the platform received this milestone's delivery, that day counted.</summary>
    public required int MaxDaysAfterDelivery { get; init; }
}

/// <summary>A contest's prize as an order: the winning entry, and whose its copyright is (MHLW telework guideline).</summary>
public sealed record TermsContest
{
    public required string EntryId { get; init; }
    public required long Prize { get; init; }
    /// <summary>The contest's terms said the winning entry's copyright transfers to the business when the prize is paid.</summary>
    public required bool CopyrightTransfersOnPayment { get; init; }
    public required string Copyright { get; init; }
}

/// <summary>An accepted NDA: the platform template's version or the business's own PDF's SHA-256, when and by whom.</summary>
public sealed record TermsNda
{
    public string? TemplateVersion { get; init; }
    public string? FileSha256 { get; init; }
    public required DateTimeOffset AcceptedAt { get; init; }
    public required string AcceptedBy { get; init; }
}

public sealed record TermsParty(string Id, string Name);

public sealed record TermsWork
{
    public required string JobId { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required JobCategory Category { get; init; }
    /// <summary>The job's reference files as they stood at the order: each as "name (sha256 …)", so the very bytes are named.</summary>
    public required IReadOnlyList<string> ReferenceFiles { get; init; }
}

public sealed record TermsInspection
{
    /// <summary>Days after each delivery within which the business inspects; unanswered, the work counts as accepted.</summary>
    public required int Days { get; init; }
    /// <summary>The date inspection ends for work delivered on the delivery date.</summary>
    public required DateTimeOffset EndsBy { get; init; }
}

public sealed record TermsAmount
{
    /// <summary>Yen, consumption tax included.</summary>
    public required long Total { get; init; }
    /// <summary>The consumption tax the total contains at the standard rate: total × 10/110, rounded down.</summary>
    public required long ConsumptionTax { get; init; }
    public required int ConsumptionTaxRatePercent { get; init; }
}

public sealed record TermsPayment
{
    /// <summary>The worker is paid within this many days of acceptance…</summary>
    public required int DaysAfterAcceptance { get; init; }
    /// <summary>…and at the latest this many days after the platform received the delivery, that day counted (art. 4).</summary>
    public required int MaxDaysAfterDelivery { get; init; }
    public required string Rule { get; init; }
    public required string Method { get; init; }
}

public sealed record TermsFees
{
    public required long PlatformFee { get; init; }
    public required long ProducerFee { get; init; }
    public required long WithholdingTax { get; init; }
    /// <summary>What the worker receives: the amount less the platform fee and the tax withheld.</summary>
    public required long WorkerNet { get; init; }
    /// <summary>
    /// What the business pays into escrow: the amount less the tax withheld (which the business remits to the tax office
    /// itself), plus the producer's fee. Versions written before migration 0023 counted the tax in.
    /// </summary>
    public required long EscrowTotal { get; init; }
}

/// <summary>Writing the versions.</summary>
internal static class Terms
{
    public const string Place = "The marketplace (delivered work is submitted to the contract on the platform).";

    public const string Method = "Escrow on the platform: the business pays into the contract's escrow before work starts (the amount less any income tax withheld, which the business remits to the tax office itself, plus any producer's fee); the worker is paid out by bank transfer.";

    /// <summary>What an order states besides its money: the day, the parties' names, the work and its date.</summary>
    private sealed class Order
    {
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset Deadline { get; init; }
        public string BusinessName { get; init; } = "";
        public string WorkerName { get; init; } = "";
        public string? ProducerName { get; init; }
        public string? TeamId { get; init; }
        public string? TeamName { get; init; }
        public string JobId { get; init; } = "";
        public string Title { get; init; } = "";
        public string Description { get; init; } = "";
        public JobCategory Category { get; init; }
    }

    private static TermsPayment Payment(ContractsOptions options, bool inMilestones) => new()
    {
        DaysAfterAcceptance = options.PaymentDays,
        MaxDaysAfterDelivery = ContractsOptions.LawPaymentDays,
        Rule = inMilestones
            ? MilestoneRule(options.PaymentDays)
            : $"Within {options.PaymentDays} days of acceptance, and at the latest {ContractsOptions.LawPaymentDays} days after the platform receives the delivery (that day counted).",
        Method = Method,
    };

    private static string MilestoneRule(int paymentDays) =>
        $"Each milestone is paid on its own: within {paymentDays} days of its acceptance, and at the latest {ContractsOptions.LawPaymentDays} days after the platform receives that milestone's delivery (that day counted).";

    /// <summary>The contract's milestones as the order states them; null for a contract paid at the end.</summary>
    private static async Task<IReadOnlyList<TermsMilestone>?> MilestonesOfAsync(DbSession db, string contractId, int paymentDays)
    {
        var plan = await Milestone.OfContractAsync(db, contractId);
        if (plan.Count == 0) return null;
        return plan.Select(m => new TermsMilestone
        {
            Id = m.Id, Position = m.Position, Title = m.Title, Amount = m.Amount, WithholdingTax = m.WithholdingTax, WorkerNet = m.WorkerNet,
            DueOn = m.DueOn, DaysAfterAcceptance = paymentDays, MaxDaysAfterDelivery = ContractsOptions.LawPaymentDays,
        }).ToList();
    }

    /// <summary>Version 1, at award, from the contract as just made (with its milestones, if any) and the job as it stands.</summary>
    public static async Task WriteFirstAsync(DbSession db, string contractId, ContractsOptions options, DateTimeOffset now,
        TermsContest? contest = null)
    {
        var money = await ContractMoney.ReadAsync(db, contractId);
        var c = await db.QuerySingleAsync<Order>(
            """
            SELECT c.created_at, c.deadline, b.display_name AS business_name, w.display_name AS worker_name,
                   p.display_name AS producer_name, t.id AS team_id, t.name AS team_name, j.id AS job_id, j.title, j.description, j.category
            FROM contracts c JOIN jobs j ON j.id = c.job_id JOIN users b ON b.id = c.business_id JOIN users w ON w.id = c.worker_id
            LEFT JOIN users p ON p.id = c.producer_id LEFT JOIN teams t ON t.id = c.team_id
            WHERE c.id = @Id
            """, new { Id = contractId });
        var milestones = await MilestonesOfAsync(db, contractId, options.PaymentDays);
        var referenceFiles = (await Files.Attachments.OfAsync(db, Files.AttachTo.Job, [c.JobId]))[c.JobId]
            .Select(f => $"{f.Name} (sha256 {f.Sha256[..12]})").ToList();
        var terms = new TermsOfOrder
        {
            Version = 1, IssuedAt = now, OrderedAt = c.CreatedAt,
            Business = new TermsParty(money.BusinessId, c.BusinessName), Worker = new TermsParty(money.WorkerId, c.WorkerName),
            Producer = money.ProducerId is null ? null : new TermsParty(money.ProducerId, c.ProducerName ?? ""),
            Team = c.TeamId is null ? null : new TermsParty(c.TeamId, c.TeamName ?? ""),
            Work = new TermsWork { JobId = c.JobId, Title = c.Title, Description = c.Description, Category = c.Category, ReferenceFiles = referenceFiles },
            DeliveryDate = c.Deadline, DeliveryPlace = Place,
            Inspection = new TermsInspection { Days = options.InspectionDays, EndsBy = c.Deadline.AddDays(options.InspectionDays) },
            Amount = AmountOf(money.Amount), Payment = Payment(options, milestones is not null), Fees = FeesOf(money), FreeRevisions = options.FreeRevisions,
            Nda = await db.QuerySingleOrDefaultAsync<TermsNda>(
                """
                SELECT n.template_version, n.file_sha256, n.accepted_at, u.display_name AS accepted_by
                FROM nda_acceptances n JOIN users u ON u.id = n.worker_id WHERE n.job_id = @JobId AND n.worker_id = @WorkerId
                """, new { c.JobId, money.WorkerId }),
            Contest = contest,
            Milestones = milestones,
        };
        await InsertAsync(db, contractId, terms);
    }

    /// <summary>
    /// The next version after an accepted change: the previous one with the new date or amount and split, and the
    /// milestones as they stand (a change that adds milestones writes them first).
    /// </summary>
    public static async Task WriteChangedAsync(DbSession db, string contractId, string changeRequestId, DateTimeOffset now)
    {
        var previous = await CurrentAsync(db, contractId)
            ?? throw new InvalidOperationException($"Contract {contractId} has no terms to change.");
        var money = await ContractMoney.ReadAsync(db, contractId);
        var deadline = await db.ExecuteScalarAsync<DateTimeOffset>("SELECT deadline FROM contracts WHERE id = @Id", new { Id = contractId });
        var milestones = await MilestonesOfAsync(db, contractId, previous.Payment.DaysAfterAcceptance);
        await InsertAsync(db, contractId, previous with
        {
            Version = previous.Version + 1, IssuedAt = now, ChangeRequestId = changeRequestId, DeliveryDate = deadline,
            Inspection = previous.Inspection with { EndsBy = deadline.AddDays(previous.Inspection.Days) },
            Amount = AmountOf(money.Amount), Fees = FeesOf(money),
            Milestones = milestones,
            Payment = milestones is null ? previous.Payment : previous.Payment with { Rule = MilestoneRule(previous.Payment.DaysAfterAcceptance) },
        });
    }

    private static TermsAmount AmountOf(long total) =>
        new() { Total = total, ConsumptionTax = ConsumptionTax.In(total), ConsumptionTaxRatePercent = ConsumptionTax.StandardRatePercent };

    private static TermsFees FeesOf(ContractMoney money) => new()
    {
        PlatformFee = money.PlatformFee, ProducerFee = money.ProducerFee, WithholdingTax = money.WithholdingTax,
        WorkerNet = money.Split.WorkerNet, EscrowTotal = money.EscrowTotal,
    };

    private static Task InsertAsync(DbSession db, string contractId, TermsOfOrder terms) =>
        db.ExecuteAsync(
            """
            INSERT INTO contract_terms (contract_id, version, terms, change_request_id, created_at)
            VALUES (@ContractId, @Version, @Terms, @ChangeRequestId, @Now)
            """,
            new { ContractId = contractId, terms.Version, Terms = JsonSerializer.Serialize(terms, StoredJson.Options), terms.ChangeRequestId, Now = terms.IssuedAt });

    public static async Task<TermsOfOrder?> CurrentAsync(DbSession db, string contractId) =>
        Read(await db.ExecuteScalarAsync<string?>(
            "SELECT t.terms FROM contract_terms t WHERE t.contract_id = @Id AND t.version = (SELECT MAX(v.version) FROM contract_terms v WHERE v.contract_id = @Id)",
            new { Id = contractId }));

    public static TermsOfOrder? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<TermsOfOrder>(json, StoredJson.Options);
}
