using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts;

/// <summary>
/// After <c>Contracts:FreeRevisions</c> revision requests (default 3) the worker may decline the next one: instead of
/// redoing the work again it proposes a cancellation with the share it asks for, and the cancellation path follows.
/// The MHLW guideline for self-employed telework warns against repeated unpaid redos, and the Freelance Act (art. 5 §2
/// (ii)) forbids making the worker redo work without cause.
/// </summary>
public static class DeclineRevision
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

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator, IOptions<ContractsOptions> contracts,
        IOptions<DisputesOptions> disputes) : IRequestHandler<Command, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Command command, CancellationToken ct)
        {
            var contract = await Contract.ForPartyAsync(db, command.ContractId, caller);
            contract.RequireWorker(caller, "decline a revision");
            if (contract.Status != ContractStatus.RevisionRequested)
                throw new ConflictException($"Only a revision that was asked for can be declined. The contract is {WireName.Of(contract.Status)}.", ConflictCode.ContractStatus);
            if (contract.RevisionCount <= contracts.Value.FreeRevisions)
                throw new ConflictException(
                    $"The first {contracts.Value.FreeRevisions} revisions are part of the deal; this is revision {contract.RevisionCount}.", ConflictCode.FreeRevisionsLeft);
            await CancellationProposal.ProposeAsync(db, contract, caller, Side.Worker, command.Reason, command.WorkerShare, declinesRevision: true,
                disputes.Value.AnswerDays, clock.GetUtcNow());
            return await mediator.Send(new GetContract.Query(contract.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/contracts/{id}/decline-revision", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/contracts/{id}", await mediator.Send(command with { ContractId = id })))
            .WithName("DeclineRevision").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
