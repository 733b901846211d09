using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Contracts;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Disputes;

/// <summary>
/// <c>POST /api/disputes/{id}/statements</c> {body}: either side tells the administrator its view while the dispute is
/// open. Files are not taken yet: statements gain <c>fileIds</c> when the platform stores files (issue 9).
/// </summary>
public static class AddStatement
{
    public sealed record Command : ICommand<DisputeDetail>
    {
        [JsonIgnore] public string DisputeId { get; init; } = "";
        public string Body { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Body).NotBlank("Body is required.").PlainMultilineText().MaximumLength(10_000);
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, DisputeDetail>
    {
        public async Task<DisputeDetail> Handle(Command command, CancellationToken ct)
        {
            var dispute = await Dispute.VisibleAsync(db, caller, command.DisputeId);
            if (caller.Role == Role.Administrator) throw new ForbiddenException("Statements are the parties'; an administrator decides.");
            var contract = await Contract.ForPartyAsync(db, dispute.ContractId, caller);
            var side = await contract.SideOfAsync(db, caller, "add a statement");
            var now = clock.GetUtcNow();
            var id = TimeOrderedId.New();
            // Written only while the dispute is open: the check is part of the INSERT.
            var inserted = await db.ExecuteAsync(
                """
                INSERT INTO dispute_statements (id, dispute_id, author_id, side, body, created_at)
                SELECT @Id, d.id, @Me, @Side, @Body, @Now FROM disputes d WHERE d.id = @DisputeId AND d.status = 'open'
                """, new { Id = id, DisputeId = dispute.Id, Me = caller.Id, Side = WireName.Of(side), Body = command.Body.Trim(), Now = now });
            if (inserted == 0) throw new ConflictException("The dispute was decided; its file is closed.", ConflictCode.DisputeDecided);
            var other = side == Side.Worker ? contract.BusinessId : contract.WorkerId;
            await Notify.ToAsync(db, other, NotificationKind.DisputeStatement,
                $"A statement was added to the dispute about \"{contract.JobTitle}\".", $"statement:{id}", now, contract.JobId, contract.Id);
            return await mediator.Send(new GetDispute.Query(dispute.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapPost("/disputes/{id}/statements", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/disputes/{id}", await mediator.Send(command with { DisputeId = id })))
            .WithName("AddDisputeStatement").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
