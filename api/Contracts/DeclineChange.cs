using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>The other side declines a change: the terms stay as they are.</summary>
public static class DeclineChange
{
    public sealed record Command(string ChangeRequestId) : ICommand<ContractDetail>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Command command, CancellationToken ct)
        {
            var (request, contract) = await ChangeRequest.ForAnswerAsync(db, caller, command.ChangeRequestId, "decline it");
            var now = clock.GetUtcNow();
            var answered = await db.ExecuteAsync(
                "UPDATE change_requests SET status = 'declined', answered_by = @Me, answered_at = @Now WHERE id = @Id AND status = 'pending'",
                new { request.Id, Me = caller.Id, Now = now });
            if (answered == 0) throw new ConflictException("The change request was answered already.", ConflictCode.ChangeAnswered);
            await Notify.ToAsync(db, request.ProposedBy, NotificationKind.ChangeDeclined,
                $"Your change of \"{contract.JobTitle}\" was declined.", $"change-declined:{request.Id}", now, contract.JobId, contract.Id);
            return await mediator.Send(new GetContract.Query(contract.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/change-requests/{id}/decline", (string id, IMediator mediator) => mediator.Send(new Command(id)))
            .WithName("DeclineChange").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
