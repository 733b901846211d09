using System.Text.Json;
using Marketplace.Contracts;
using Marketplace.Money;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>
/// The written terms of a task to its member (issue 23): the team re-commissions a piece of the order it received, so the
/// member gets what the Freelance Act art. 3 asks an order to state — who orders, what, the amount, the due date, the
/// payment date — before work starts, as an immutable version addressed to that member. A reassignment withdraws the
/// old member's version (it keeps showing, marked withdrawn) and writes the new member's.
/// </summary>
public sealed record TaskTermsOfOrder
{
    public required int Version { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public required string TaskId { get; init; }
    /// <summary>The team that orders the piece, and its director who signs for it.</summary>
    public required TermsParty Team { get; init; }
    public required TermsParty Director { get; init; }
    /// <summary>The member the piece is ordered from.</summary>
    public required TermsParty Member { get; init; }
    /// <summary>The order the piece is part of: the business's contract with the team.</summary>
    public required string ContractId { get; init; }
    public required string JobTitle { get; init; }
    /// <summary>What is to be delivered (給付の内容).</summary>
    public required string Title { get; init; }
    public required string Instructions { get; init; }
    /// <summary>The amount (報酬の額), consumption tax included, with the tax it contains.</summary>
    public required long Amount { get; init; }
    public required long ConsumptionTax { get; init; }
    /// <summary>The due date (給付を受領する期日), never later than the contract's; the place is the platform.</summary>
    public required DateTimeOffset DueAt { get; init; }
    public required string DeliveryPlace { get; init; }
    /// <summary>The payment date rule (支払期日): see <see cref="TaskPayment"/>.</summary>
    public required string PaymentRule { get; init; }
    public required string PaymentMethod { get; init; }
}

/// <summary>A version of a task's terms as its reader sees it, with the payment dates once the contract's is fixed.</summary>
public sealed record TaskNotice
{
    public required int Version { get; init; }
    public required string AssigneeId { get; init; }
    public required TaskTermsOfOrder Terms { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    /// <summary>When a reassignment withdrew this version; null while it is in force.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }
    /// <summary>The contract's payment date once its close fixed it (null before): the member is paid with it.</summary>
    public DateOnly? PaymentDueOn { get; init; }
    /// <summary>The latest payment date art. 4(3) allows the member's pay: see <see cref="TaskPayment.LatestAllowed"/>.</summary>
    public DateOnly? LatestPaymentOn { get; init; }
}

/// <summary>
/// When a member is paid. The product assumes the re-commission case of the Freelance Act art. 4(3) (docs/law.md, "Teams"):
/// the team receives the order from the business and re-commissions a piece of it to the member, so the member's payment
/// date may be set within 30 days counted from the contract's own payment date (元委託支払期日から起算して三十日). The
/// product does better than that and pays each member's approved task out of the contract's own release, on the
/// contract's payment date; the notice states the rule and, once the contract's date is fixed, both dates.
/// </summary>
public static class TaskPayment
{
    /// <summary>Art. 4(3): 元委託支払期日から起算して三十日.</summary>
    public const int RecommissionDays = 30;

    /// <summary>
    /// The last day art. 4(3) allows: the contract's payment date counted as day 1, so day 30 is that date + 29 — the same
    /// counting as art. 4(1)'s 60 days (<see cref="PaymentDates.LatestAllowed"/>: the day of receipt + 59).
    /// </summary>
    public static DateOnly LatestAllowed(DateOnly contractPaymentDate) => contractPaymentDate.AddDays(RecommissionDays - 1);

    public const string Rule =
        "Paid on the payment date of the contract this task is part of (the team's own pay for the order), out of the same release; " +
        "at the latest 30 days counted from that date (Freelance Act art. 4(3), a re-commissioned order). A task never approved is not paid.";
}

internal static class TaskTerms
{
    private sealed class Source
    {
        public string TaskId { get; init; } = "";
        public string TeamId { get; init; } = "";
        public string TeamName { get; init; } = "";
        public string DirectorId { get; init; } = "";
        public string DirectorName { get; init; } = "";
        public string AssigneeId { get; init; } = "";
        public string AssigneeName { get; init; } = "";
        public string ContractId { get; init; } = "";
        public string JobTitle { get; init; } = "";
        public string Title { get; init; } = "";
        public string Instructions { get; init; } = "";
        public long Amount { get; init; }
        public DateTimeOffset DueAt { get; init; }
    }

    /// <summary>Writes the next version of the task's terms, to its current member (the first at creation).</summary>
    public static async Task WriteAsync(DbSession db, string taskId, DateTimeOffset now)
    {
        var s = await db.QuerySingleAsync<Source>(
            """
            SELECT k.id AS task_id, t.id AS team_id, t.name AS team_name, t.director_id, d.display_name AS director_name,
                   k.assignee_id, a.display_name AS assignee_name, k.contract_id, j.title AS job_title, k.title, k.instructions,
                   k.amount, k.due_at
            FROM tasks k JOIN teams t ON t.id = k.team_id JOIN users d ON d.id = t.director_id JOIN users a ON a.id = k.assignee_id
            JOIN contracts c ON c.id = k.contract_id JOIN jobs j ON j.id = c.job_id
            WHERE k.id = @Id
            """, new { Id = taskId });
        var version = await db.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(n.version), 0) + 1 FROM task_notices n WHERE n.task_id = @Id", new { Id = taskId });
        var terms = new TaskTermsOfOrder
        {
            Version = version, IssuedAt = now, TaskId = s.TaskId, Team = new TermsParty(s.TeamId, s.TeamName),
            Director = new TermsParty(s.DirectorId, s.DirectorName), Member = new TermsParty(s.AssigneeId, s.AssigneeName),
            ContractId = s.ContractId, JobTitle = s.JobTitle, Title = s.Title, Instructions = s.Instructions, Amount = s.Amount,
            ConsumptionTax = Money.ConsumptionTax.In(s.Amount), DueAt = s.DueAt, DeliveryPlace = "The marketplace (the task's delivery to the team's director).",
            PaymentRule = TaskPayment.Rule,
            PaymentMethod = "Out of the contract's escrow on the platform, by bank transfer to the member's own account, less the member's own withholding tax where it applies.",
        };
        await db.ExecuteAsync(
            """
            INSERT INTO task_notices (task_id, version, assignee_id, terms, issued_at)
            VALUES (@TaskId, @Version, @AssigneeId, @Terms, @Now)
            """, new { TaskId = taskId, Version = version, s.AssigneeId, Terms = JsonSerializer.Serialize(terms, StoredJson.Options), Now = now });
    }

    /// <summary>A reassignment: the version in force is withdrawn (and kept).</summary>
    public static Task WithdrawAsync(DbSession db, string taskId, DateTimeOffset now) =>
        db.ExecuteAsync("UPDATE task_notices SET withdrawn_at = @Now WHERE task_id = @Id AND withdrawn_at IS NULL", new { Id = taskId, Now = now });

    /// <summary>A task's notices in version order, on their primary key (task_id, version).</summary>
    internal const string VersionsSql = """
        SELECT n.version, n.assignee_id, n.terms, n.issued_at, n.withdrawn_at, c.payment_due_on
        FROM task_notices n JOIN tasks k ON k.id = n.task_id JOIN contracts c ON c.id = k.contract_id
        WHERE n.task_id = @Id AND (@OnlyFor IS NULL OR n.assignee_id = @OnlyFor)
        ORDER BY n.version
        """;

    private sealed class Row
    {
        public int Version { get; init; }
        public string AssigneeId { get; init; } = "";
        public string Terms { get; init; } = "";
        public DateTimeOffset IssuedAt { get; init; }
        public DateTimeOffset? WithdrawnAt { get; init; }
        public DateOnly? PaymentDueOn { get; init; }
    }

    /// <summary>The versions a reader may see: all of them for the team's director and leaders, its own for a member.</summary>
    public static async Task<IReadOnlyList<TaskNotice>> ReadAsync(DbSession db, string taskId, string? onlyFor)
    {
        var rows = await db.QueryAsync<Row>(VersionsSql, new { Id = taskId, OnlyFor = onlyFor });
        return rows.Select(r => new TaskNotice
        {
            Version = r.Version, AssigneeId = r.AssigneeId, IssuedAt = r.IssuedAt, WithdrawnAt = r.WithdrawnAt,
            Terms = JsonSerializer.Deserialize<TaskTermsOfOrder>(r.Terms, StoredJson.Options)!,
            PaymentDueOn = r.PaymentDueOn, LatestPaymentOn = r.PaymentDueOn is { } due ? TaskPayment.LatestAllowed(due) : null,
        }).ToList();
    }
}
