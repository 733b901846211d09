using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// <c>POST /api/programme-members/{id}/approve</c>: the programme's office registers a worker who asked to join, after
/// checking the person (an identity check, <see cref="DecideIdentityCheck"/>). From then on the worker shows the
/// programme's badge and counts in its figures.
/// </summary>
public static class ApproveMember
{
    public sealed record Command(string Id) : ICommand<Member>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Member>
    {
        public async Task<Member> Handle(Command command, CancellationToken ct)
        {
            await ProgrammeOffice.RequireForMemberAsync(db, caller, command.Id, "approve a member");
            var now = clock.GetUtcNow();
            var approved = await db.ExecuteAsync(
                "UPDATE programme_members SET status = 'approved', approved_at = @Now, approved_by = @Me WHERE id = @Id AND status = 'pending'",
                new { command.Id, Now = now, Me = caller.Id });
            if (approved == 0) throw new ConflictException("Only a member who asked to join can be approved.", ConflictCode.MemberStatus);
            var member = await ListMembers.OneAsync(db, command.Id);
            await Notify.ToAsync(db, member.WorkerId, NotificationKind.MembershipApproved, "Your programme registered you as a member.",
                $"member-approved:{command.Id}", now);
            return member;
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapPost("/programme-members/{id}/approve", (string id, IMediator mediator) => mediator.Send(new Command(id)))
            .WithName("ApproveMember").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
