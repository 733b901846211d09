using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts;

/// <summary>
/// Either side proposes to end the contract before completion, paying the worker <c>workerShare</c> yen of the amount
/// (0 to the amount) and refunding the rest. The other side accepts or declines; declined or unanswered for
/// <c>Disputes:AnswerDays</c>, it becomes a dispute. Until then the contract is on hold.
/// </summary>
public static class ProposeCancellation
{
    public sealed record Command : ICommand<ContractDetail>
    {
        [JsonIgnore] public string ContractId { get; init; } = "";
        public string Reason { get; init; } = "";
        public long WorkerShare { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotBlank("Reason is required.").PlainMultilineText().MaximumLength(5_000);
            RuleFor(c => c.WorkerShare).GreaterThanOrEqualTo(0);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator, IOptions<DisputesOptions> disputes)
        : IRequestHandler<Command, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Command command, CancellationToken ct)
        {
            var contract = await Contract.ForPartyAsync(db, command.ContractId, caller);
            var side = await contract.SideOfAsync(db, caller, "propose a cancellation");
            await CancellationProposal.ProposeAsync(db, contract, caller, side, command.Reason, command.WorkerShare, declinesRevision: false,
                disputes.Value.AnswerDays, clock.GetUtcNow());
            return await mediator.Send(new GetContract.Query(contract.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/contracts/{id}/cancellation", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/contracts/{id}", await mediator.Send(command with { ContractId = id })))
            .WithName("ProposeCancellation").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
