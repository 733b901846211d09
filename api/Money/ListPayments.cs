using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>The administrator's queue: transfers to check against the bank account.</summary>
public static class ListPayments
{
    public sealed record Payment
    {
        public required string Id { get; init; }
        public required string ContractId { get; init; }
        public required string JobTitle { get; init; }
        public required string BusinessName { get; init; }
        public required long Amount { get; init; }
        public required string Provider { get; init; }
        public required string Status { get; init; }
        public required DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? ConfirmedAt { get; init; }
        /// <summary>The note the administrator gave when confirming, if any.</summary>
        public string? ConfirmationNote { get; init; }
    }

    public sealed record Query : IRequest<IReadOnlyList<Payment>>
    {
        /// <summary>pending (the default), confirmed or cancelled.</summary>
        public string? Status { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Status).PlainText().Must(s => s is null || WireName.TryParse<PaymentStatus>(s, out _))
            .WithMessage($"Status must be one of: {WireName.AllOf<PaymentStatus>()}.");
    }

    /// <summary>Oldest first (the queue's order), on ix_payments_status (status, id).</summary>
    internal const string Sql = """
        SELECT p.id, p.contract_id, j.title AS job_title, u.display_name AS business_name, p.amount, p.provider, p.status,
               p.created_at, p.confirmed_at, p.confirmation_note
        FROM payments p JOIN contracts c ON c.id = p.contract_id JOIN jobs j ON j.id = c.job_id JOIN users u ON u.id = c.business_id
        WHERE p.status = @Status ORDER BY p.id LIMIT 200
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<Payment>>
    {
        public async Task<IReadOnlyList<Payment>> Handle(Query query, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "list payments");
            return (await db.QueryAsync<Payment>(Sql, new { Status = WireName.TryParse<PaymentStatus>(query.Status, out var s) ? WireName.Of(s) : WireName.Of(PaymentStatus.Pending) }));
        }
    }

    public static void Map(IEndpointRouteBuilder money) =>
        money.MapGet("/payments", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListPayments").ProducesValidationProblem().ProducesProblem(403);
}
