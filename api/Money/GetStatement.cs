using System.Globalization;
using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Money;

public sealed record StatementEntry
{
    public required DateTimeOffset Date { get; init; }
    /// <summary>English, as written in the ledger; clients show <see cref="Kind"/> in their reader's language instead.</summary>
    public required string Description { get; init; }
    public LedgerEntryKind Kind { get; init; }
    public string? ContractId { get; init; }
    /// <summary>The job of the entry's contract (user-entered text), when the entry belongs to a contract.</summary>
    public string? JobTitle { get; init; }
    /// <summary>Yen into (+) or out of (−) the caller's account.</summary>
    public required long Amount { get; init; }
}

/// <summary>
/// The period's totals from the side of the caller. The work paid for: contracts released in the period, each counted
/// for what it actually paid (the whole amount on acceptance, the worker's share on a cancellation or a decision, whose
/// rest is a refund), split as the escrow split it. A worker reads gross, fees, tax withheld, what that earned, what
/// left for the bank and the net change of its balance; a business reads what it paid in, what came back, the work
/// paid for with its producer fees and the tax it must remit; a producer reads its commissions (net). Net is always the
/// sum of the entries.
/// </summary>
public sealed record StatementTotals
{
    /// <summary>The amounts (or shares) of the work paid for in the period.</summary>
    public required long Gross { get; init; }
    public required long PlatformFees { get; init; }
    public required long ProducerFees { get; init; }
    /// <summary>Income tax withheld from the work paid for: a business remits it itself, a worker had it withheld.</summary>
    public required long WithholdingTax { get; init; }
    /// <summary>The sum of the period's entries: how the caller's account changed.</summary>
    public required long Net { get; init; }
    /// <summary>A worker: what the work paid for credited (gross less the platform fees and the tax withheld).</summary>
    public long Earned { get; init; }
    /// <summary>A worker: what left the balance for the bank (payouts gathered, less those that came back).</summary>
    public long PaidOut { get; init; }
    /// <summary>What left the caller's account into escrow in the period (a business: its payments), as a positive sum.</summary>
    public long PaidIn { get; init; }
    /// <summary>
    /// What came back to the caller's account in the period (a business: refunds, the rest of a settled contract, and
    /// withheld tax the platform held, which the business remits itself).
    /// </summary>
    public long Refunded { get; init; }
    /// <summary>
    /// A business's withheld income tax (<see cref="WithholdingTax"/>) by the day it must reach the tax office: the 10th
    /// of the month after each payment (所得税法第204条第1項; 第183条 says the same of salaries), one figure per day.
    /// Empty for workers and producers.
    /// </summary>
    public IReadOnlyList<TaxRemittance> Remittances { get; init; } = [];
}

/// <summary>Income tax a business withheld from releases in one month, due at the tax office on <see cref="DueOn"/>.</summary>
public sealed record TaxRemittance(DateOnly DueOn, long Amount);

public sealed record Statement
{
    public required Role Role { get; init; }
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    public required IReadOnlyList<StatementEntry> Entries { get; init; }
    public required StatementTotals Totals { get; init; }
}

public static class GetStatement
{
    public sealed record Query : IRequest<Statement>
    {
        public DateTimeOffset? From { get; init; }
        public DateTimeOffset? To { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("'to' must be after 'from'.");
    }

    /// <summary>A contract released in the period: its money (<see cref="ContractMoney"/>), what its close paid and when.</summary>
    private sealed class Released : ContractMoney
    {
        public long? WorkerShare { get; init; }
        public DateTimeOffset ReleasedAt { get; init; }

        /// <summary>What the release paid for: the amount, or the worker's share of a cancellation or a decision.</summary>
        public Split Paid => WorkerShare is { } share ? SplitOf(share) : Split;

        /// <summary>What a team contract's release withheld from its people together (team_shares), recorded at the release.</summary>
        public long TeamWithholding { get; init; }

        /// <summary>
        /// The tax the business withheld on what the release paid: the split's; for a team contract what its people were
        /// withheld together, which is more than the contract's own when a company director's individual members were.
        /// </summary>
        public long Withheld => TeamId is null ? Paid.WithholdingTax : TeamWithholding;
    }

    private sealed class EntryRow
    {
        public DateTimeOffset Date { get; init; }
        public string Description { get; init; } = "";
        public LedgerEntryKind Kind { get; init; }
        public string? ContractId { get; init; }
        public string? JobTitle { get; init; }
        public long Amount { get; init; }
    }

    /// <summary>
    /// The account's entries in the period, on ix_ledger_entries_account (account, created_at, id), each with its
    /// transaction's kind and the job of its contract.
    /// </summary>
    internal const string EntriesSql = """
        SELECT e.created_at AS date, t.description, t.kind, t.contract_id, j.title AS job_title, e.amount
        FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
        LEFT JOIN contracts c ON c.id = t.contract_id
        LEFT JOIN jobs j ON j.id = COALESCE(c.job_id, t.job_id)
        WHERE e.account = @Account AND e.created_at >= @From AND e.created_at < @To
        ORDER BY e.created_at, e.id
        """;

    /// <summary>
    /// The caller's contracts released in the period, with their split and, for a cancellation or a decision, the share
    /// paid (a share is paid only then: worker_share is set by those closes alone). A contract paid by milestones counts
    /// its milestones (<see cref="MilestonesSql"/>), and itself only for what a cancellation or a decision settled.
    /// </summary>
    internal const string ReleasedSql = """
        SELECT c.id, c.business_id, c.worker_id, c.producer_id, c.amount, c.producer_fee, c.platform_fee, c.withholding_tax,
               c.platform_fee_bps, c.producer_fee_bps, c.withholds, c.withholding_in_escrow, c.funded_at,
               c.worker_share, c.released_at, c.team_id,
               (SELECT COALESCE(SUM(s.withholding_tax), 0) FROM team_shares s WHERE s.contract_id = c.id) AS team_withholding
        FROM contracts c
        WHERE c.released_at >= @From AND c.released_at < @To
          AND (c.business_id = @Me OR c.worker_id = @Me OR c.producer_id = @Me)
          AND (c.worker_share IS NOT NULL OR NOT EXISTS (SELECT 1 FROM milestones m WHERE m.contract_id = c.id))
        """;

    /// <summary>
    /// The milestones of the caller's contracts accepted in the period: each was released on its own, with its own split
    /// (withholding per payment), when it was accepted.
    /// </summary>
    internal const string MilestonesSql = """
        SELECT m.amount, m.producer_fee, m.platform_fee, m.withholding_tax, m.accepted_at, c.producer_id
        FROM milestones m JOIN contracts c ON c.id = m.contract_id
        WHERE m.status = 'accepted' AND m.accepted_at >= @From AND m.accepted_at < @To
          AND (c.business_id = @Me OR c.worker_id = @Me OR c.producer_id = @Me)
        """;

    /// <summary>
    /// What task jobs paid the caller as their worker in the period (task_job_pay, written at each job's close). A task
    /// job has no contract; each worker's pay is its own payment, withheld on alone.
    /// </summary>
    internal const string TaskPaidToSql = """
        SELECT p.gross, p.platform_fee, p.withholding_tax, p.paid_at
        FROM task_job_pay p
        WHERE p.worker_id = @Me AND p.paid_at >= @From AND p.paid_at < @To
        """;

    /// <summary>As <see cref="TaskPaidToSql"/>, what the caller's task jobs paid their workers, from its jobs.</summary>
    internal const string TaskPaidBySql = """
        SELECT p.gross, p.platform_fee, p.withholding_tax, p.paid_at
        FROM jobs j JOIN task_job_pay p ON p.job_id = j.id
        WHERE j.business_id = @Me AND j.format = 'task' AND p.paid_at >= @From AND p.paid_at < @To
        """;

    private sealed class TaskPayRow
    {
        public long Gross { get; init; }
        public long PlatformFee { get; init; }
        public long WithholdingTax { get; init; }
        public DateTimeOffset PaidAt { get; init; }
    }

    private sealed class MilestoneRow
    {
        public long Amount { get; init; }
        public long ProducerFee { get; init; }
        public long PlatformFee { get; init; }
        public long WithholdingTax { get; init; }
        public DateTimeOffset AcceptedAt { get; init; }
        public string? ProducerId { get; init; }
    }

    /// <summary>
    /// One payment for work: what it paid for (its split), the tax the business withheld on it (for a team contract, what
    /// its people were withheld together), when, and for a contract brokered by whom.
    /// </summary>
    private sealed record PaidWork(Split Paid, long Withheld, DateTimeOffset ReleasedAt, string? ProducerId, bool OfTeam);

    /// <summary>
    /// What team contracts released in the period paid the caller as a person of the team (issue 23): a team contract's
    /// worker side is divided, so a director and each member count their own share, not the contract's split.
    /// </summary>
    internal const string TeamSharesSql = """
        SELECT s.gross, s.platform_fee, s.withholding_tax, s.net
        FROM team_shares s JOIN contracts c ON c.id = s.contract_id
        WHERE s.user_id = @Me AND c.released_at >= @From AND c.released_at < @To
        """;

    private sealed class ShareRow
    {
        public long Gross { get; init; }
        public long PlatformFee { get; init; }
        public long WithholdingTax { get; init; }
        public long Net { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, Statement>
    {
        public async Task<Statement> Handle(Query query, CancellationToken ct)
        {
            if (caller.Role is not (Role.Business or Role.Worker or Role.Producer))
                throw new ForbiddenException("Statements are for businesses, workers and producers.");
            var from = query.From ?? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var to = query.To ?? clock.GetUtcNow().AddDays(1);
            var args = new { Account = LedgerAccount.Of(caller.Role, caller.Id).Key, Me = caller.Id, From = from, To = to };
            var entries = (await db.QueryAsync<EntryRow>(EntriesSql, args)).Select(e => new StatementEntry
            {
                Date = e.Date, Description = e.Description, Kind = e.Kind, ContractId = e.ContractId,
                JobTitle = e.JobTitle, Amount = e.Amount,
            }).ToList();
            var released = (await db.QueryAsync<Released>(ReleasedSql, args))
                .Select(r => new PaidWork(r.Paid, r.Withheld, r.ReleasedAt, r.ProducerId, r.TeamId is not null))
                .Concat((await db.QueryAsync<MilestoneRow>(MilestonesSql, args)).Select(m => new PaidWork(
                    new Split(m.Amount, m.ProducerFee, m.PlatformFee, m.WithholdingTax), m.WithholdingTax, m.AcceptedAt, m.ProducerId, OfTeam: false)))
                .Concat((await db.QueryAsync<TaskPayRow>(caller.Role == Role.Business ? TaskPaidBySql : TaskPaidToSql, args)).Select(p => new PaidWork(
                    new Split(p.Gross, 0, p.PlatformFee, p.WithholdingTax), p.WithholdingTax, p.PaidAt, ProducerId: null, OfTeam: false)));
            // A producer is paid only the fees of the contracts it brokered; the others count whatever they were party to.
            var paid = released.Where(r => caller.Role != Role.Producer || r.ProducerId == caller.Id).ToList();
            // A worker's team contracts count by its own share of each (a director's and a member's alike).
            var shares = caller.Role != Role.Worker ? [] : await db.QueryAsync<ShareRow>(TeamSharesSql, args);
            var own = caller.Role != Role.Worker ? paid : paid.Where(r => !r.OfTeam).ToList();
            // Withheld tax is due by the 10th of the month after the payment, month by month in Japanese time.
            var remittances = caller.Role != Role.Business ? [] : paid
                .GroupBy(r => Withholding.RemitBy(r.ReleasedAt))
                .Select(g => new TaxRemittance(g.Key, g.Sum(r => r.Withheld))).Where(r => r.Amount != 0).OrderBy(r => r.DueOn).ToList();
            return new Statement
            {
                Role = caller.Role, From = from, To = to, Entries = entries,
                Totals = new StatementTotals
                {
                    Gross = own.Sum(r => r.Paid.Amount) + shares.Sum(s => s.Gross), PlatformFees = own.Sum(r => r.Paid.PlatformFee) + shares.Sum(s => s.PlatformFee),
                    ProducerFees = own.Sum(r => r.Paid.ProducerFee), WithholdingTax = own.Sum(r => r.Withheld) + shares.Sum(s => s.WithholdingTax),
                    Net = entries.Sum(e => e.Amount),
                    Earned = caller.Role != Role.Worker ? 0 : own.Sum(r => r.Paid.WorkerNet) + shares.Sum(s => s.Net),
                    PaidOut = caller.Role != Role.Worker ? 0
                        : -entries.Where(e => e.Kind is LedgerEntryKind.PayoutGathered or LedgerEntryKind.PayoutReturned).Sum(e => e.Amount),
                    PaidIn = -entries.Where(e => e.Amount < 0 && e.Kind == LedgerEntryKind.EscrowFunded).Sum(e => e.Amount),
                    Refunded = caller.Role != Role.Business ? 0 : entries.Where(e => e.Amount > 0 && e.Kind
                        is LedgerEntryKind.EscrowRefunded or LedgerEntryKind.EscrowPartlyRefunded or LedgerEntryKind.EscrowSettled
                        or LedgerEntryKind.WithholdingReturned).Sum(e => e.Amount),
                    Remittances = remittances,
                },
            };
        }
    }

    /// <summary>
    /// CSV for spreadsheets, in the reader's language (issue 13: no English on a Japanese page, and a statement a
    /// bookkeeper in Japan opens is a page too): UTF-8 with a byte-order mark so that Excel in Japan reads the Japanese
    /// text correctly, CRLF line ends, fields quoted as RFC 4180 says. Times are Japan's (UTC+9, no daylight saving), the
    /// day a Japanese ledger books an entry on; each entry is worded from its kind, as the statement page words it.
    /// Written by the one <see cref="CsvFile"/>, so a job title a spreadsheet would run as a formula stays text.
    /// </summary>
    public static byte[] Csv(Statement statement, Mail.Language language)
    {
        var en = language == Mail.Language.En;
        var csv = new CsvFile();
        void Row(params CsvCell[] cells) => csv.Row(cells);
        Row(en ? ["date (Japan time)", "entry", "job", "contract_id", "amount_yen"] : ["日時（日本時間）", "内容", "仕事", "契約ID", "金額（円）"]);
        foreach (var e in statement.Entries)
            Row(e.Date.ToOffset(JapanTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), KindWords(e.Kind, en), e.JobTitle,
                e.ContractId, e.Amount);
        // The totals a reader of this role sees on the statement page, in its words (web-client/src/i18n, trust.*).
        var t = statement.Totals;
        var total = en ? "total" : "合計";
        void Total(string ja, string english, long yen) => Row(total, en ? english : ja, null, null, yen);
        // The entries' lines sum to the last total of each role (its net); the others say where the money went.
        switch (statement.Role)
        {
            case Role.Business:
                Total("検収・精算で支払った報酬", "Fees paid for work (acceptances and shares)", t.Gross);
                Total("プロデューサー手数料", "Producer fees", t.ProducerFees);
                foreach (var r in t.Remittances)
                    Total($"源泉徴収税（{r.DueOn:yyyy-MM-dd}までにあなたが納付）", $"Withholding tax you remit by {r.DueOn:yyyy-MM-dd}", r.Amount);
                Total("エスクローに支払った額", "Paid into escrow", -t.PaidIn);
                Total("返金・返還された額", "Refunded or returned to you", t.Refunded);
                Total("入出金の合計", "Net of the entries", t.Net);
                break;
            case Role.Producer:
                Total("受け取った手数料", "Commissions received", t.Net);
                break;
            default:
                Total("報酬の総額", "Fees earned", t.Gross);
                Total("サービス手数料", "Platform fees", -t.PlatformFees);
                Total("源泉徴収された所得税", "Income tax withheld", -t.WithholdingTax);
                Total("確定した報酬（手取り）", "Earned (net)", t.Earned);
                Total("振込に回した額", "Gathered for transfer to your bank", -t.PaidOut);
                Total("残高の増減", "Change in your balance", t.Net);
                break;
        }
        return csv.ToBytes();
    }

    /// <summary>The words the statement page uses for each kind (web-client/src/i18n, trust.kinds).</summary>
    internal static string KindWords(LedgerEntryKind kind, bool en) => kind switch
    {
        LedgerEntryKind.EscrowFunded => en ? "Paid into escrow" : "エスクローへの支払い",
        LedgerEntryKind.EscrowReleased => en ? "Paid on acceptance" : "検収による支払い",
        LedgerEntryKind.EscrowSettled => en ? "Settled on cancellation or decision" : "取消し・裁定による精算",
        LedgerEntryKind.EscrowRefunded => en ? "Refunded on cancellation" : "取消しによる返金",
        LedgerEntryKind.EscrowPartlyRefunded => en ? "Partly refunded: amount lowered" : "減額による一部返金",
        LedgerEntryKind.PayoutGathered => en ? "Gathered into a transfer" : "振込にまとめました",
        LedgerEntryKind.PayoutPaid => en ? "Transferred by the bank" : "銀行から振り込みました",
        LedgerEntryKind.PayoutReturned => en ? "Transfer returned" : "振込が戻りました",
        LedgerEntryKind.WithholdingReturned => en ? "Withheld tax returned (you remit it)" : "源泉徴収税分の返還（納付はあなたが行います）",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a ledger entry kind without words"),
    };

    public static void Map(IEndpointRouteBuilder money) =>
        money.MapGet("/me/statement", async Task<IResult> ([AsParameters] Query query, HttpRequest request, IMediator mediator) =>
            {
                var statement = await mediator.Send(query);
                return request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase)
                    ? TypedResults.File(Csv(statement, Mail.ReaderLanguage.Of(request)), "text/csv; charset=utf-8", "statement.csv")
                    : TypedResults.Ok(statement);
            })
            .WithName("GetStatement")
            .Produces<Statement>(200, "application/json", "text/csv").ProducesValidationProblem().ProducesProblem(403);
}
