using FluentValidation;
using MediatR;
using Marketplace.Admin;
using Marketplace.Contracts;
using Marketplace.Invoices;
using Marketplace.Money;
using Marketplace.Platform;
using Microsoft.Extensions.Options;
using System.Text.Json.Serialization;

namespace Marketplace.Contests;

/// <summary>
/// The business chose no winner within 14 days after the deadline, and the contest had its minimum of entries: the
/// prize is not refunded (the contest's terms said so); an administrator chooses the winner by the business's own
/// ratings (GET /api/contests/{id} shows them to administrators), through the same domain step as the business's choice.
/// </summary>
public static class DecideWinner
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
            await caller.RequireAdministratorAsync(db, "decide a contest's winner");
            if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM contests c WHERE c.job_id = @Id", new { Id = command.ContestId }) == 0)
                throw new NotFoundException("No such contest.");
            var now = clock.GetUtcNow();
            var contractId = await ContestPrize.AwardAsync(db, command.ContestId, command.EntryId, caller.Id, byAdministrator: true,
                money.Value, contracts.Value, invoices.Value, now);
            await Audit.RecordAsync(db, caller, AuditAction.DecideContestWinner, command.ContestId, new { command.EntryId, contractId }, now);
            return await mediator.Send(new GetContest.Query(command.ContestId), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapPost("/admin/contests/{id}/winner", (string id, Command command, IMediator mediator) => mediator.Send(command with { ContestId = id }))
            .PersonOnly().WithName("DecideContestWinner").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
