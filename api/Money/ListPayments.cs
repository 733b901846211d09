using System.Text;
using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>
/// The administrator's queue: transfers to check against the bank account, each with the reference its business was
/// asked to write before its name (so that two ¥50,000 transfers of one brewery are told apart), the payer, the amount
/// and the due date. Searched by reference: the digits of a transfer's name find its payment whatever its status.
/// </summary>
public static class ListPayments
{
    public sealed record Payment
    {
        public required string Id { get; init; }
        /// <summary>The contract whose escrow the payment funds; null for a payment into a job's own escrow (a task job's or a contest's).</summary>
        public string? ContractId { get; init; }
        /// <summary>The job: the contract's, or the one whose own escrow the payment funds.</summary>
        public required string JobId { get; init; }
        public required string JobTitle { get; init; }
        /// <summary>The payer: the job's business.</summary>
        public required string BusinessName { get; init; }
        public required long Amount { get; init; }
        public required string Provider { get; init; }
        public required string Status { get; init; }
        public required DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? ConfirmedAt { get; init; }
        /// <summary>The note the administrator gave when confirming, if any.</summary>
        public string? ConfirmationNote { get; init; }
        /// <summary>The transfer reference (8 digits) the business was asked to write before its name.</summary>
        public string? Reference { get; init; }
        /// <summary>The day the money is due (Japan); none for payments asked for before due dates existed.</summary>
        public DateOnly? DueOn { get; init; }
        /// <summary>An award's first payment: the day the award lapses if the money has not been confirmed.</summary>
        public DateOnly? LapsesOn { get; init; }
    }

    public sealed record Query : IRequest<IReadOnlyList<Payment>>
    {
        /// <summary>pending (the default, unless a reference is searched for), confirmed or cancelled.</summary>
        public string? Status { get; init; }
        /// <summary>The reference or its first digits, as a transfer's name shows them (full-width digits, spaces and hyphens are read too).</summary>
        public string? Reference { get; init; }
    }

    public const int MaxReferenceLength = 20;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).PlainText().Must(s => s is null || WireName.TryParse<PaymentStatus>(s, out _))
                .WithMessage($"Status must be one of: {WireName.AllOf<PaymentStatus>()}.");
            RuleFor(q => q.Reference).PlainText().MaximumLength(MaxReferenceLength)
                .Must(r => r is null || DigitsOf(r) is { Length: > 0 and <= 8 })
                .WithMessage("A reference is up to eight digits.").WithErrorCode("referenceDigits");
        }
    }

    /// <summary>The digits of a reference as typed or as a transfer's name carries them: full-width digits read as ASCII, spaces and hyphens dropped.</summary>
    public static string? DigitsOf(string text)
    {
        var plain = text.Normalize(NormalizationForm.FormKC).Replace(" ", "").Replace("-", "");
        return plain.All(char.IsAsciiDigit) ? plain : null;
    }

    /// <summary>Oldest first (the queue's order), on ix_payments_status (status, id).</summary>
    internal const string Sql = """
        SELECT p.id, p.contract_id, j.id AS job_id, j.title AS job_title, u.display_name AS business_name, p.amount, p.provider, p.status,
               p.created_at, p.confirmed_at, p.confirmation_note, p.reference, p.due_on, p.lapses_on
        FROM payments p LEFT JOIN contracts c ON c.id = p.contract_id JOIN jobs j ON j.id = COALESCE(c.job_id, p.job_id)
        JOIN users u ON u.id = j.business_id
        WHERE p.status = @Status ORDER BY p.id LIMIT 200
        """;

    /// <summary>
    /// By reference, on ux_payments_reference, in its order: the references that start with the digits typed are a range
    /// of the index, from the digits themselves to the digits followed by 9s (every reference has
    /// <see cref="Escrow.ReferenceDigits"/> digits, and strings of digits of one length sort alike in every engine and
    /// collation). A LIKE with a parameter is no range to SQLite's or PostgreSQL's planner: it read every payment.
    /// </summary>
    internal const string ByReferenceSql = """
        SELECT p.id, p.contract_id, j.id AS job_id, j.title AS job_title, u.display_name AS business_name, p.amount, p.provider, p.status,
               p.created_at, p.confirmed_at, p.confirmation_note, p.reference, p.due_on, p.lapses_on
        FROM payments p LEFT JOIN contracts c ON c.id = p.contract_id JOIN jobs j ON j.id = COALESCE(c.job_id, p.job_id)
        JOIN users u ON u.id = j.business_id
        WHERE p.reference >= @First AND p.reference <= @Last ORDER BY p.reference LIMIT 200
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<Payment>>
    {
        public async Task<IReadOnlyList<Payment>> Handle(Query query, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "list payments");
            var status = WireName.TryParse<PaymentStatus>(query.Status, out var s) ? (PaymentStatus?)s : null;
            if (query.Reference is not null)
            {
                var digits = DigitsOf(query.Reference) ?? "";
                var found = await db.QueryAsync<Payment>(ByReferenceSql,
                    new { First = digits, Last = digits.PadRight(Escrow.ReferenceDigits, '9') });
                return status is null ? found : found.Where(p => p.Status == WireName.Of(status.Value)).ToList();
            }
            return await db.QueryAsync<Payment>(Sql, new { Status = WireName.Of(status ?? PaymentStatus.Pending) });
        }
    }

    public static void Map(IEndpointRouteBuilder money) =>
        money.MapGet("/payments", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListPayments").ProducesValidationProblem().ProducesProblem(403);
}
