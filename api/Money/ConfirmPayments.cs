using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>
/// <c>POST /api/payments/confirmations</c> {payments: [{id, note?}]}: an administrator confirms in one step the
/// transfers a bank statement matched (<see cref="MatchDeposits"/>), each as one confirmation would (the escrow funded,
/// the note kept, an audit entry each). All or none: if one is no longer pending (a colleague confirmed it, or its award
/// lapsed) nothing is confirmed and the answer is 409 paymentNotPending, so that the administrator matches again.
/// </summary>
public static class ConfirmPayments
{
    public sealed record Item
    {
        public string Id { get; init; } = "";
        public string? Note { get; init; }
    }

    public sealed record Command : ICommand<Confirmed>
    {
        public IReadOnlyList<Item> Payments { get; init; } = [];
    }

    /// <summary>How many transfers were confirmed.</summary>
    public sealed record Confirmed(int Count);

    public const int MaxPayments = 200;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Payments).NotEmpty().Must(p => p.Count <= MaxPayments).WithMessage($"At most {MaxPayments} payments at once.")
                .Must(p => p.Select(i => i.Id).Distinct().Count() == p.Count).WithMessage("A payment is named once.").WithErrorCode("repeated");
            RuleForEach(c => c.Payments).ChildRules(item =>
            {
                item.RuleFor(i => i.Id).NotEmpty().PlainText().MaximumLength(64);
                item.RuleFor(i => i.Note).PlainText().MaximumLength(PaymentConfirmation.MaxNoteLength);
            });
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Confirmed>
    {
        public async Task<Confirmed> Handle(Command command, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "confirm payments");
            var now = clock.GetUtcNow();
            foreach (var item in command.Payments)
                await PaymentConfirmation.ConfirmAsync(db, caller, item.Id, item.Note, now);
            return new Confirmed(command.Payments.Count);
        }
    }

    public static void Map(IEndpointRouteBuilder money) =>
        money.MapPost("/payments/confirmations", (Command command, IMediator mediator) => mediator.Send(command))
            .WithName("ConfirmPayments").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
