using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// <c>GET /api/programmes/{id}/figures?from=2026-04&amp;to=2027-03</c>: what a town reports of its programme, by Japanese
/// calendar month, for its office and administrators. Every figure is a count or a sum over rows the API also lists
/// (contracts, the ledger, memberships, reviews, enrolments), computed in SQL that groups rows into months by comparing
/// their times with <c>calendar_months</c> (0027): no engine's own date functions. The definitions: docs/programmes.md.
/// A member "at a time" is a worker with a membership of the programme approved before it and not withdrawn by it.
/// Months after the current one (in Japan) are not listed: they have no figures yet.
/// </summary>
public static partial class GetFigures
{
    public sealed record Query : IRequest<Figures>
    {
        [System.Text.Json.Serialization.JsonIgnore] public string ProgrammeId { get; init; } = "";
        /// <summary>The first month, yyyy-MM.</summary>
        public string? From { get; init; }
        /// <summary>The last month, yyyy-MM (at most 120 months after <see cref="From"/>).</summary>
        public string? To { get; init; }
    }

    [GeneratedRegex("^(20[0-9]{2})-(0[1-9]|1[0-2])$")]
    private static partial Regex MonthFormat();

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.From).NotEmpty().PlainText().Matches(MonthFormat()).WithMessage("From is a month, yyyy-MM (2000-01 to 2099-12).");
            RuleFor(q => q.To).NotEmpty().PlainText().Matches(MonthFormat()).WithMessage("To is a month, yyyy-MM (2000-01 to 2099-12).");
            RuleFor(q => q.To).Must((q, to) => string.CompareOrdinal(q.From, to) <= 0 && Months(q.From!, to!) <= 120)
                .When(q => q.From is not null && q.To is not null && MonthFormat().IsMatch(q.From) && MonthFormat().IsMatch(q.To))
                .WithMessage("To is From or a later month, at most 120 months on.");
        }

        private static int Months(string from, string to) =>
            (int.Parse(to[..4], CultureInfo.InvariantCulture) - int.Parse(from[..4], CultureInfo.InvariantCulture)) * 12
            + int.Parse(to[5..], CultureInfo.InvariantCulture) - int.Parse(from[5..], CultureInfo.InvariantCulture) + 1;
    }

    // "A member at time t", written out in each statement below (a statement is one literal, so that every engine's
    // parser reads it whole): pm.programme_id = @Id AND pm.approved_at <= t AND (pm.withdrawn_at IS NULL OR pm.withdrawn_at > t).

    internal const string MonthsSql =
        "SELECT m.month FROM calendar_months m WHERE m.month >= @From AND m.month <= @To ORDER BY m.month";

    /// <summary>
    /// Orders: contracts awarded to a member, or to a team with a member in it (issue 29: "and teams with members"), at
    /// the award, not cancelled, by month of the award and job category. A team's contract counts once, however many of
    /// its members the programme has.
    /// </summary>
    internal static readonly string OrdersSql = """
        SELECT m.month, j.category, COUNT(*) AS count, SUM(c.amount) AS value
        FROM calendar_months m
        JOIN contracts c ON c.created_at >= m.starts_at AND c.created_at < m.ends_at
        JOIN jobs j ON j.id = c.job_id
        WHERE m.month >= @From AND m.month <= @To AND c.status <> 'cancelled'
          AND EXISTS (SELECT 1 FROM programme_members pm WHERE pm.programme_id = @Id AND pm.approved_at <= c.created_at AND (pm.withdrawn_at IS NULL OR pm.withdrawn_at > c.created_at)
                      AND (pm.worker_id = c.worker_id
                           OR EXISTS (SELECT 1 FROM team_members tm WHERE tm.team_id = c.team_id AND tm.user_id = pm.worker_id
                                        AND tm.joined_at <= c.created_at AND (tm.removed_at IS NULL OR tm.removed_at > c.created_at))))
        GROUP BY m.month, j.category
        """;

    /// <summary>The same orders by where the business is: inside the programme's prefecture when its address starts with it.</summary>
    internal static readonly string OrdersByLocationSql = """
        SELECT x.month, x.location, COUNT(*) AS count, SUM(x.amount) AS value
        FROM (SELECT m.month, c.amount,
                     CASE WHEN EXISTS (SELECT 1 FROM tax_details t JOIN programmes p ON p.id = @Id
                                       WHERE t.user_id = c.business_id AND t.postal_address LIKE p.prefecture || '%')
                          THEN 'inside' ELSE 'outside' END AS location
              FROM calendar_months m
              JOIN contracts c ON c.created_at >= m.starts_at AND c.created_at < m.ends_at
              WHERE m.month >= @From AND m.month <= @To AND c.status <> 'cancelled'
                AND EXISTS (SELECT 1 FROM programme_members pm WHERE pm.programme_id = @Id AND pm.approved_at <= c.created_at AND (pm.withdrawn_at IS NULL OR pm.withdrawn_at > c.created_at)
                      AND (pm.worker_id = c.worker_id
                           OR EXISTS (SELECT 1 FROM team_members tm WHERE tm.team_id = c.team_id AND tm.user_id = pm.worker_id
                                        AND tm.joined_at <= c.created_at AND (tm.removed_at IS NULL OR tm.removed_at > c.created_at))))) x
        GROUP BY x.month, x.location
        """;

    /// <summary>
    /// Money paid to members: each release or settlement (ledger transactions escrowReleased and escrowSettled) that
    /// credited a member's own account while the worker was a member — the contract's worker, or a member of a team paid
    /// its share of a team's contract (issue 23) —, what it credited that account (net) and the tax withheld on it
    /// (withholding), by month of the posting and the member's municipality; a task job's close pays each worker in a
    /// release of the job's escrow (no contract: the job's own worker's invoice, issue 24). The tax is that payee's invoice's for that
    /// payment (issued in the same step as the release; a milestone's release has its own, a team member its own): since
    /// issue 27 the business keeps the tax and remits it itself, so the ledger holds it only for contracts escrowed before
    /// (docs/money.md).
    /// </summary>
    internal static readonly string PaidSql = """
        SELECT x.month, x.municipality, SUM(x.net) AS net, SUM(x.withholding) AS withholding
        FROM (SELECT m.month, pm.municipality,
                     (SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e WHERE e.transaction_id = t.id AND e.account = 'worker:' || pm.worker_id) AS net,
                     (SELECT COALESCE(SUM(d.withholding_tax), 0) FROM documents d
                      WHERE d.kind = 'workerInvoice' AND d.corrects_id IS NULL
                        AND ((d.contract_id = c.id AND COALESCE(d.payee_id, c.worker_id) = pm.worker_id
                              AND ((d.milestone_id IS NULL AND t.event_key NOT LIKE 'milestone-release:%') OR t.event_key = 'milestone-release:' || d.milestone_id))
                          OR (c.id IS NULL AND d.job_id = t.job_id AND d.payee_id = pm.worker_id))) AS withholding
              FROM calendar_months m
              JOIN ledger_transactions t ON t.created_at >= m.starts_at AND t.created_at < m.ends_at
              LEFT JOIN contracts c ON c.id = t.contract_id
              JOIN programme_members pm ON pm.programme_id = @Id AND pm.approved_at <= t.created_at AND (pm.withdrawn_at IS NULL OR pm.withdrawn_at > t.created_at)
                AND EXISTS (SELECT 1 FROM ledger_entries w WHERE w.transaction_id = t.id AND w.account = 'worker:' || pm.worker_id)
              WHERE m.month >= @From AND m.month <= @To AND t.kind IN ('escrowReleased', 'escrowSettled')) x
        GROUP BY x.month, x.municipality
        """;

    /// <summary>
    /// Members: registered at the month's end; new (approved in the month; a rejoining counts again); active (registered at
    /// the month's end with a contract whose work was accepted in the 90 days before it).
    /// </summary>
    internal static readonly string MembersSql = """
        SELECT m.month,
               (SELECT COUNT(DISTINCT pm.worker_id) FROM programme_members pm
                WHERE pm.programme_id = @Id AND pm.approved_at < m.ends_at AND (pm.withdrawn_at IS NULL OR pm.withdrawn_at >= m.ends_at)) AS registered,
               (SELECT COUNT(*) FROM programme_members pm
                WHERE pm.programme_id = @Id AND pm.approved_at >= m.starts_at AND pm.approved_at < m.ends_at) AS joined,
               (SELECT COUNT(DISTINCT pm.worker_id) FROM programme_members pm
                WHERE pm.programme_id = @Id AND pm.approved_at < m.ends_at AND (pm.withdrawn_at IS NULL OR pm.withdrawn_at >= m.ends_at)
                  AND EXISTS (SELECT 1 FROM contracts c WHERE c.worker_id = pm.worker_id AND c.status = 'completed'
                              AND c.completed_at >= m.active_from AND c.completed_at < m.ends_at)) AS active
        FROM calendar_months m WHERE m.month >= @From AND m.month <= @To
        """;

    /// <summary>Withdrawals of registered members (approved before), by month and reason.</summary>
    internal static readonly string WithdrawalsSql = """
        SELECT m.month, pm.withdrawal_reason AS reason, COUNT(*) AS count
        FROM calendar_months m
        JOIN programme_members pm ON pm.withdrawn_at >= m.starts_at AND pm.withdrawn_at < m.ends_at
        WHERE m.month >= @From AND m.month <= @To AND pm.programme_id = @Id AND pm.approved_at IS NOT NULL
        GROUP BY m.month, pm.withdrawal_reason
        """;

    /// <summary>
    /// Delivery: members' contracts whose work was accepted in the month (completed), of which delivered on time (first
    /// submission at or before the deadline), their revision requests, and the businesses' reviews of the worker on them.
    /// </summary>
    internal static readonly string DeliverySql = """
        SELECT x.month, COUNT(*) AS completed, SUM(x.on_time) AS on_time, SUM(x.revisions) AS revisions,
               SUM(x.ratings) AS ratings, SUM(x.rating_sum) AS rating_sum
        FROM (SELECT m.month,
                     CASE WHEN (SELECT MIN(s.created_at) FROM submissions s WHERE s.contract_id = c.id) <= c.deadline THEN 1 ELSE 0 END AS on_time,
                     (SELECT COUNT(*) FROM revision_requests r WHERE r.contract_id = c.id) AS revisions,
                     (SELECT COUNT(*) FROM reviews v WHERE v.contract_id = c.id AND v.reviewee_id = c.worker_id) AS ratings,
                     (SELECT COALESCE(SUM(v.rating), 0) FROM reviews v WHERE v.contract_id = c.id AND v.reviewee_id = c.worker_id) AS rating_sum
              FROM calendar_months m
              JOIN contracts c ON c.completed_at >= m.starts_at AND c.completed_at < m.ends_at
              WHERE m.month >= @From AND m.month <= @To AND c.status = 'completed'
                AND EXISTS (SELECT 1 FROM programme_members pm WHERE pm.worker_id = c.worker_id AND pm.programme_id = @Id AND pm.approved_at <= c.completed_at AND (pm.withdrawn_at IS NULL OR pm.withdrawn_at > c.completed_at))) x
        GROUP BY x.month
        """;

    /// <summary>
    /// Training, for the programme's courses: enrolments made in the month, completions recorded in it, and of those
    /// completers the ones whose first contract ever was awarded within 90 days of completing (first_job_by).
    /// </summary>
    internal static readonly string TrainingSql = """
        SELECT m.month,
               (SELECT COUNT(*) FROM course_enrolments e JOIN courses k ON k.id = e.course_id
                WHERE k.programme_id = @Id AND e.enrolled_at >= m.starts_at AND e.enrolled_at < m.ends_at) AS enrolled,
               (SELECT COUNT(*) FROM course_enrolments e JOIN courses k ON k.id = e.course_id
                WHERE k.programme_id = @Id AND e.completed_at >= m.starts_at AND e.completed_at < m.ends_at) AS completed,
               (SELECT COUNT(*) FROM course_enrolments e JOIN courses k ON k.id = e.course_id
                WHERE k.programme_id = @Id AND e.completed_at >= m.starts_at AND e.completed_at < m.ends_at
                  AND EXISTS (SELECT 1 FROM contracts c WHERE c.worker_id = e.worker_id AND c.created_at >= e.completed_at AND c.created_at < e.first_job_by)
                  AND NOT EXISTS (SELECT 1 FROM contracts c WHERE c.worker_id = e.worker_id AND c.created_at < e.completed_at)) AS first_contracts
        FROM calendar_months m WHERE m.month >= @From AND m.month <= @To
        """;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, Figures>
    {
        public async Task<Figures> Handle(Query query, CancellationToken ct)
        {
            await ProgrammeOffice.RequireAsync(db, caller, query.ProgrammeId, "read the programme's figures");
            // A month that has not begun has no figures yet: a trial's yearly chart drew January to March from members
            // "registered at the month's end" as of today. The period ends at this month in Japan; the month in progress
            // counts so far.
            var thisMonth = JapanTime.DayOf(clock.GetUtcNow()).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var args = new { Id = query.ProgrammeId, query.From, To = string.CompareOrdinal(query.To, thisMonth) > 0 ? thisMonth : query.To };
            var months = await db.QueryAsync<string>(MonthsSql, args);
            var orders = await db.QueryAsync<CategoryRow>(OrdersSql, args);
            var locations = await db.QueryAsync<LocationRow>(OrdersByLocationSql, args);
            var paid = await db.QueryAsync<MunicipalityRow>(PaidSql, args);
            var members = (await db.QueryAsync<MembersRow>(MembersSql, args)).ToDictionary(r => r.Month);
            var withdrawals = await db.QueryAsync<ReasonRow>(WithdrawalsSql, args);
            var delivery = (await db.QueryAsync<DeliveryRow>(DeliverySql, args)).ToDictionary(r => r.Month);
            var training = (await db.QueryAsync<TrainingRow>(TrainingSql, args)).ToDictionary(r => r.Month);
            return new Figures
            {
                ProgrammeId = query.ProgrammeId, From = query.From!, To = query.To!,
                Months = months.Select(month =>
                {
                    var d = delivery.GetValueOrDefault(month);
                    var m = members[month];
                    var t = training[month];
                    return new MonthFigures
                    {
                        Month = month,
                        Orders = orders.Where(o => o.Month == month).Sum(o => o.Count),
                        OrderValue = orders.Where(o => o.Month == month).Sum(o => o.Value),
                        PaidNet = paid.Where(p => p.Month == month).Sum(p => p.Net),
                        PaidWithholding = paid.Where(p => p.Month == month).Sum(p => p.Withholding),
                        Registered = m.Registered, Joined = m.Joined, Active = m.Active,
                        Withdrawn = withdrawals.Where(w => w.Month == month).Sum(w => w.Count),
                        Completed = d?.Completed ?? 0, OnTime = d?.OnTime ?? 0, Revisions = d?.Revisions ?? 0,
                        Ratings = d?.Ratings ?? 0, RatingSum = d?.RatingSum ?? 0,
                        Enrolled = t.Enrolled, CoursesCompleted = t.Completed, FirstContractsWithin90Days = t.FirstContracts,
                    };
                }).ToList(),
                OrdersByCategory = orders.OrderBy(o => o.Month, StringComparer.Ordinal).ThenBy(o => o.Category).ToList(),
                OrdersByLocation = locations.OrderBy(o => o.Month, StringComparer.Ordinal).ThenBy(o => o.Location, StringComparer.Ordinal).ToList(),
                PaidByMunicipality = paid.OrderBy(p => p.Month, StringComparer.Ordinal).ThenBy(p => p.Municipality, StringComparer.Ordinal).ToList(),
                WithdrawalsByReason = withdrawals.OrderBy(w => w.Month, StringComparer.Ordinal).ThenBy(w => w.Reason).ToList(),
            };
        }
    }

    public static void Map(IEndpointRouteBuilder programmes)
    {
        programmes.MapGet("/programmes/{id}/figures", (string id, string? from, string? to, IMediator mediator) =>
                mediator.Send(new Query { ProgrammeId = id, From = from, To = to }))
            .WithName("GetFigures").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        programmes.MapGet("/programmes/{id}/figures.csv", async (string id, string? from, string? to, IMediator mediator) =>
                TypedResults.File(FiguresCsv.Of(await mediator.Send(new Query { ProgrammeId = id, From = from, To = to })).ToBytes(),
                    "text/csv; charset=utf-8", $"figures-{from}-{to}.csv"))
            .WithName("GetFiguresCsv").Produces(200, contentType: "text/csv").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
    }
}

/// <summary>The figures as one CSV a spreadsheet opens (UTF-8 with BOM, Japanese headers: Platform/CsvFile).</summary>
public static class FiguresCsv
{
    public static CsvFile Of(Figures f)
    {
        var csv = new CsvFile();
        csv.Row("月", "受注件数", "受注額（円）", "支払額・手取り（円）", "源泉徴収税額（円）", "月末登録者数", "新規登録", "活動中", "退会",
            "検収件数", "納期内納品", "修正依頼", "評価件数", "評価合計", "受講申込", "修了", "修了後90日以内の初受注");
        foreach (var m in f.Months)
            csv.Row(m.Month, m.Orders, m.OrderValue, m.PaidNet, m.PaidWithholding, m.Registered, m.Joined, m.Active, m.Withdrawn,
                m.Completed, m.OnTime, m.Revisions, m.Ratings, m.RatingSum, m.Enrolled, m.CoursesCompleted, m.FirstContractsWithin90Days);
        return csv;
    }
}
