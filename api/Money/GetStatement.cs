using System.Globalization;
using System.Text;
using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Money;

public sealed record StatementEntry
{
    public required DateTimeOffset Date { get; init; }
    public required string Description { get; init; }
    public string? ContractId { get; init; }
    /// <summary>Yen into (+) or out of (−) the caller's account.</summary>
    public required long Amount { get; init; }
}

/// <summary>
/// Totals of contracts released in the period, from the side of the caller: a worker reads gross, fees, tax
/// withheld and net; a business reads what it paid (−net), producer fees and the tax it must remit; a producer
/// reads its commissions (net).
/// </summary>
public sealed record StatementTotals
{
    public required long Gross { get; init; }
    public required long PlatformFees { get; init; }
    public required long ProducerFees { get; init; }
    public required long WithholdingTax { get; init; }
    public required long Net { get; init; }
}

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

    private sealed class Released
    {
        public long Gross { get; init; }
        public long PlatformFees { get; init; }
        public long ProducerFees { get; init; }
        public long WithholdingTax { get; init; }
    }

    /// <summary>The account's entries in the period, on ix_ledger_entries_account (account, created_at, id).</summary>
    internal const string EntriesSql = """
        SELECT e.created_at AS date, t.description, t.contract_id, e.amount
        FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
        WHERE e.account = @Account AND e.created_at >= @From AND e.created_at < @To
        ORDER BY e.created_at, e.id
        """;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, Statement>
    {
        public async Task<Statement> Handle(Query query, CancellationToken ct)
        {
            if (caller.Role is not (Role.Business or Role.Worker or Role.Producer))
                throw new ForbiddenException("Statements are for businesses, workers and producers.");
            var from = query.From ?? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var to = query.To ?? clock.GetUtcNow().AddDays(1);
            var args = new { Account = Escrow.LedgerAccounts.For(caller.Role, caller.Id), Me = caller.Id, From = from, To = to };
            var entries = await db.QueryAsync<StatementEntry>(EntriesSql, args);
            var released = await db.QuerySingleAsync<Released>(
                """
                SELECT COALESCE(SUM(c.amount), 0) AS gross, COALESCE(SUM(c.platform_fee), 0) AS platform_fees,
                       COALESCE(SUM(c.producer_fee), 0) AS producer_fees, COALESCE(SUM(c.withholding_tax), 0) AS withholding_tax
                FROM contracts c
                WHERE c.released_at >= @From AND c.released_at < @To
                  AND (c.business_id = @Me OR c.worker_id = @Me OR c.producer_id = @Me)
                """, args);
            return new Statement
            {
                Role = caller.Role, From = from, To = to, Entries = entries,
                Totals = new StatementTotals
                {
                    Gross = released.Gross, PlatformFees = released.PlatformFees, ProducerFees = released.ProducerFees,
                    WithholdingTax = released.WithholdingTax, Net = entries.Sum(e => e.Amount),
                },
            };
        }
    }

    /// <summary>
    /// CSV for spreadsheets: UTF-8 with a byte-order mark so that Excel in Japan reads the Japanese text
    /// correctly, CRLF line ends, and fields quoted as RFC 4180 says.
    /// </summary>
    public static byte[] Csv(Statement statement)
    {
        var csv = new StringBuilder();
        void Row(params string?[] fields) => csv.Append(string.Join(",", fields.Select(Quote))).Append("\r\n");
        Row("date", "description", "contract_id", "amount_yen");
        foreach (var e in statement.Entries)
            Row(e.Date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.Description, e.ContractId,
                e.Amount.ToString(CultureInfo.InvariantCulture));
        var t = statement.Totals;
        Row("total", "gross", null, t.Gross.ToString(CultureInfo.InvariantCulture));
        Row("total", "platform fees", null, t.PlatformFees.ToString(CultureInfo.InvariantCulture));
        Row("total", "producer fees", null, t.ProducerFees.ToString(CultureInfo.InvariantCulture));
        Row("total", "withholding tax", null, t.WithholdingTax.ToString(CultureInfo.InvariantCulture));
        Row("total", "net", null, t.Net.ToString(CultureInfo.InvariantCulture));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Quote(string? field)
    {
        field ??= "";
        // A leading =, +, @ would make a spreadsheet run the text as a formula (CSV injection).
        if (field.Length > 0 && "=+@\t".Contains(field[0])) field = "'" + field;
        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }

    public static void Map(IEndpointRouteBuilder money) =>
        money.MapGet("/me/statement", async Task<IResult> ([AsParameters] Query query, HttpRequest request, IMediator mediator) =>
            {
                var statement = await mediator.Send(query);
                return request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase)
                    ? TypedResults.File(Csv(statement), "text/csv; charset=utf-8", "statement.csv")
                    : TypedResults.Ok(statement);
            })
            .WithName("GetStatement")
            .Produces<Statement>(200, "application/json", "text/csv").ProducesValidationProblem().ProducesProblem(403);
}
