using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// <c>POST /api/programme-members/{id}/withdraw</c> {reason, note}: a member leaves, or the office records that it
/// left, with a reason from the towns' list. The row keeps it; joining again makes a new row.
/// </summary>
public static class WithdrawMember
{
    public sealed record Command : ICommand<Member>
    {
        [System.Text.Json.Serialization.JsonIgnore] public string Id { get; init; } = "";
        public WithdrawalReason? Reason { get; init; }
        public string? Note { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotNull().WithMessage($"Reason must be one of: {WireName.AllOf<WithdrawalReason>()}.");
            RuleFor(c => c.Note).PlainText().MaximumLength(500);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Member>
    {
        public async Task<Member> Handle(Command command, CancellationToken ct)
        {
            if (caller.Role == Role.Worker)
            {
                // The worker's own membership only; another's does not exist for it.
                if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM programme_members m WHERE m.id = @Id AND m.worker_id = @Me",
                        new { command.Id, Me = caller.Id }) == 0)
                    throw new NotFoundException("No such member.");
            }
            else await ProgrammeOffice.RequireForMemberAsync(db, caller, command.Id, "record a withdrawal");
            var withdrawn = await db.ExecuteAsync(
                """
                UPDATE programme_members SET status = 'withdrawn', withdrawn_at = @Now, withdrawn_by = @Me, withdrawal_reason = @Reason, withdrawal_note = @Note
                WHERE id = @Id AND status IN ('pending', 'approved')
                """,
                new { command.Id, Now = clock.GetUtcNow(), Me = caller.Id, Reason = WireName.Of(command.Reason!.Value),
                      Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim() });
            if (withdrawn == 0) throw new ConflictException("This membership has ended already.", ConflictCode.MemberStatus);
            return await ListMembers.OneAsync(db, command.Id);
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapPost("/programme-members/{id}/withdraw", (string id, Command command, IMediator mediator) => mediator.Send(command with { Id = id }))
            .WithName("WithdrawMember").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
