using FluentValidation;
using MediatR;
using Marketplace.Jobs;
using Marketplace.Platform;

namespace Marketplace.Invoices;

/// <summary>
/// The yearly payment record (報酬、料金、契約金及び賞金の支払調書, 所得税法第225条第1項第3号) a withholding business files
/// by 31 January for each payee: per payee and kind of fee, what it paid in the calendar year and the income tax it
/// withheld. A worker asks the same route for its own totals per payer, for its tax return. Amounts paid count on the
/// day the escrow was released to the worker (the worker's invoice of that day), in Japanese time, a task job's pay on
/// the day of the job's close.
/// </summary>
public static class GetPaymentRecords
{
    public sealed record Query : IRequest<PaymentRecords>
    {
        public int Year { get; init; }
    }

    /// <summary>
    /// A business need not file a payee's record when the year's fees of 所得税法第204条第1項第1号 (manuscripts, design,
    /// translation…) to that payee are ¥500,000 or less (所得税法施行規則第84条第2項第1号).
    /// </summary>
    public const long FilingThreshold = 500_000;

    public sealed record PaymentRecords(int Year, PaymentRecordSide Side, long FilingThreshold, IReadOnlyList<PaymentRecord> Rows);

    /// <summary>Payer: the business's records of what it paid; payee: the worker's totals of what it was paid.</summary>
    public enum PaymentRecordSide { Payer, Payee }

    public sealed record PaymentRecord
    {
        /// <summary>The other party: the payee on the business's record, the payer on the worker's.</summary>
        public required string PartyId { get; init; }
        public required string Name { get; init; }
        /// <summary>Empty until the party gives one (PUT /api/me/tax-details); the form needs it.</summary>
        public required string PostalAddress { get; init; }
        public required JobCategory Category { get; init; }
        /// <summary>The form's 区分, in the NTA's words for the fee (デザイン料, 翻訳料, 原稿料…).</summary>
        public required string Kind { get; init; }
        public required long Amount { get; init; }
        public required long WithholdingTax { get; init; }
        public required int Contracts { get; init; }
        /// <summary>False when the payee's year is at or under the threshold: the business need not file it.</summary>
        public required bool FilingRequired { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Year).InclusiveBetween(2020, 2100);
    }

    private sealed class Row
    {
        public string PartyId { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string? LegalName { get; init; }
        public string? PostalAddress { get; init; }
        public JobCategory Category { get; init; }
        public long Amount { get; init; }
        public long WithholdingTax { get; init; }
    }

    // One row per worker's invoice issued in the year (at acceptance, or for the share paid on a cancellation or a
    // decision), summed per party and kind in C#: a year of one business's invoices is small, and SQLite would sort a
    // GROUP BY in a temporary B-tree. Only payments from which tax was withheld are 報酬・料金 on this record; contracts
    // with a company or in a category the law does not name carry no withholding and no record. A task job's worker's
    // invoice (issue 24) belongs to the job itself, not to a contract: the job is the contract's or the document's own.
    internal const string PayerSql = """
        SELECT d.payee_id AS party_id, u.display_name, t.legal_name, t.postal_address, j.category, d.amount, d.withholding_tax
        FROM documents d LEFT JOIN contracts c ON c.id = d.contract_id JOIN jobs j ON j.id = COALESCE(c.job_id, d.job_id)
             JOIN users u ON u.id = d.payee_id LEFT JOIN tax_details t ON t.user_id = d.payee_id
        WHERE d.recipient_id = @Me AND d.kind = 'workerInvoice' AND d.issued_at >= @From AND d.issued_at < @To
          AND d.withholding_tax > 0 AND d.corrects_id IS NULL
        """;

    internal const string PayeeSql = """
        SELECT d.recipient_id AS party_id, u.display_name, t.legal_name, t.postal_address, j.category, d.amount, d.withholding_tax
        FROM documents d LEFT JOIN contracts c ON c.id = d.contract_id JOIN jobs j ON j.id = COALESCE(c.job_id, d.job_id)
             JOIN users u ON u.id = d.recipient_id LEFT JOIN tax_details t ON t.user_id = d.recipient_id
        WHERE d.payee_id = @Me AND d.kind = 'workerInvoice' AND d.issued_at >= @From AND d.issued_at < @To AND d.corrects_id IS NULL
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, PaymentRecords>
    {
        public async Task<PaymentRecords> Handle(Query query, CancellationToken ct)
        {
            var side = caller.Role switch
            {
                Role.Business => PaymentRecordSide.Payer,
                Role.Worker => PaymentRecordSide.Payee,
                _ => throw new ForbiddenException("Only a business (what it paid) or a worker (what it was paid) has payment records."),
            };
            var from = new DateTimeOffset(query.Year, 1, 1, 0, 0, 0, JapanTime.Offset).ToUniversalTime();
            var to = new DateTimeOffset(query.Year + 1, 1, 1, 0, 0, 0, JapanTime.Offset).ToUniversalTime();
            var contracts = await db.QueryAsync<Row>(side == PaymentRecordSide.Payer ? PayerSql : PayeeSql, new { Me = caller.Id, From = from, To = to });
            // The threshold is per payee over the year, across kinds of fee.
            var perParty = contracts.GroupBy(r => r.PartyId).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
            return new PaymentRecords(query.Year, side, FilingThreshold, contracts
                .GroupBy(r => (r.PartyId, r.Category))
                .Select(g => (First: g.First(), Amount: g.Sum(r => r.Amount), Tax: g.Sum(r => r.WithholdingTax), Count: g.Count()))
                .OrderBy(g => g.First.DisplayName, StringComparer.Ordinal).ThenBy(g => g.First.Category)
                .Select(g => new PaymentRecord
                {
                    PartyId = g.First.PartyId, Name = string.IsNullOrWhiteSpace(g.First.LegalName) ? g.First.DisplayName : g.First.LegalName,
                    PostalAddress = g.First.PostalAddress ?? "", Category = g.First.Category, Kind = KindOfFee(g.First.Category), Amount = g.Amount,
                    WithholdingTax = g.Tax, Contracts = g.Count, FilingRequired = perParty[g.First.PartyId] > FilingThreshold,
                }).ToList());
        }
    }

    /// <summary>The 区分 the NTA's form uses for each kind of work (所得税法第204条第1項第1号 names them).</summary>
    public static string KindOfFee(JobCategory category) => category switch
    {
        JobCategory.Design => "デザイン料",
        JobCategory.Translation => "翻訳料",
        JobCategory.Writing => "原稿料",
        JobCategory.Transcription => "速記料",
        _ => "報酬",
    };

    /// <summary>
    /// The records as CSV in the columns of the NTA's 支払調書 (UTF-8 with a byte-order mark, so that Excel opens the
    /// Japanese correctly). 個人番号又は法人番号 stays empty: the product does not collect My Number. Written by the one
    /// <see cref="CsvFile"/>, so a name or address a spreadsheet would run as a formula stays text.
    /// </summary>
    public static byte[] Csv(PaymentRecords records)
    {
        var csv = new CsvFile();
        csv.Row(records.Side == PaymentRecordSide.Payer
            ? ["支払を受ける者の住所(居所)又は所在地", "支払を受ける者の氏名又は名称", "個人番号又は法人番号", "区分", "細目", "支払金額", "源泉徴収税額", "摘要", "提出の要否"]
            : ["支払者の住所又は所在地", "支払者の氏名又は名称", "個人番号又は法人番号", "区分", "細目", "支払金額", "源泉徴収税額", "摘要", "提出の要否"]);
        foreach (var r in records.Rows)
            csv.Row(r.PostalAddress, r.Name, "", r.Kind, "", r.Amount, r.WithholdingTax, $"{r.Contracts}件", r.FilingRequired ? "要" : "不要");
        return csv.ToBytes();
    }

    public static void Map(IEndpointRouteBuilder invoices) =>
        invoices.MapGet("/me/payment-records", async (int year, string? format, IMediator mediator) =>
            {
                var records = await mediator.Send(new Query { Year = year });
                return format == "csv"
                    ? Results.File(Csv(records), "text/csv; charset=utf-8", $"payment-records-{year}.csv")
                    : Results.Ok(records);
            })
            .WithName("GetPaymentRecords").Produces<PaymentRecords>(200, "application/json", "text/csv").ProducesValidationProblem().ProducesProblem(403);
}
