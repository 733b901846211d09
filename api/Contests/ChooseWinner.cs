using FluentValidation;
using MediatR;
using Marketplace.Contracts;
using Marketplace.Invoices;
using Marketplace.Money;
using Marketplace.Platform;
using Microsoft.Extensions.Options;
using System.Text.Json.Serialization;

namespace Marketplace.Contests;

/// <summary>
/// The contest's business chooses the winning entry, between the deadline and 14 days after it (99designs' rule), when
/// the contest has its minimum of entries: the prize becomes the winner's contract, accepted and released at once
/// (<see cref="ContestPrize.AwardAsync"/>). Of racing choices one wins; the others get 409 contestClosed.
/// </summary>
public static class ChooseWinner
{
    public sealed record Command : ICommand<Contest>
    {
        [JsonIgnore] public string ContestId { get; init; } = "";
        public string EntryId { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.EntryId).NotEmpty().PlainText().MaximumLength(64);
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator, IOptions<MoneyOptions> money,
        IOptions<ContractsOptions> contracts, IOptions<InvoiceOptions> invoices) : IRequestHandler<Command, Contest>
    {
        public async Task<Contest> Handle(Command command, CancellationToken ct)
        {
            var businessId = await db.ExecuteScalarAsync<string?>(
                """
                SELECT j.business_id FROM contests c JOIN jobs j ON j.id = c.job_id
                WHERE c.job_id = @Id AND EXISTS (SELECT 1 FROM job_viewers v WHERE v.job_id = j.id AND v.user_id = @Me)
                """, new { Id = command.ContestId, Me = caller.Id })
                ?? throw new NotFoundException("No such contest.");
            if (businessId != caller.Id) throw new ForbiddenException("Only the contest's business chooses its winner.");
            await ContestPrize.AwardAsync(db, command.ContestId, command.EntryId, caller.Id, byAdministrator: false,
                money.Value, contracts.Value, invoices.Value, clock.GetUtcNow());
            return await mediator.Send(new GetContest.Query(command.ContestId), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder contests) =>
        contests.MapPost("/contests/{id}/winner", (string id, Command command, IMediator mediator) => mediator.Send(command with { ContestId = id }))
            .WithName("ChooseWinner").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
