using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Accounts;
using Marketplace.Platform;

namespace Marketplace.Admin;

/// <summary>
/// <c>POST /api/admin/users/{id}/suspend</c> {reason}: an administrator suspends an account. From this moment it cannot
/// sign in, every session it holds ends, its API tokens are refused and payout batches leave it out (see
/// <see cref="Suspension"/>). The audit trail records who, why and from where, in the same transaction.
/// </summary>
public static class SuspendUser
{
    public sealed record Command : ICommand<UserSummary>
    {
        [JsonIgnore] public string UserId { get; init; } = "";
        public string Reason { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason).NotBlank("Reason is required: the account holder and other administrators will ask why.")
                .PlainText().MaximumLength(Suspension.MaxReasonLength);
    }

    public sealed class Handler(DbSession db, Caller caller, Sessions sessions, TimeProvider clock) : IRequestHandler<Command, UserSummary>
    {
        public async Task<UserSummary> Handle(Command command, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "suspend accounts");
            var target = await Suspension.ReadAsync(db, command.UserId);
            // An office must never lock itself out by a slip: another administrator suspends an administrator.
            if (target.Id == caller.Id) throw new ConflictException("You cannot suspend your own account.", ConflictCode.CannotSuspendSelf);
            var now = clock.GetUtcNow();
            var reason = command.Reason.Trim();
            // The conditional update decides between two administrators suspending at once: one suspends, one is told.
            var suspended = await db.ExecuteAsync(
                "UPDATE users SET suspended_at = @Now, suspended_reason = @Reason WHERE id = @Id AND suspended_at IS NULL",
                new { Id = target.Id, Now = now, Reason = reason });
            if (suspended == 0) throw new ConflictException("The account is suspended already.", ConflictCode.AlreadySuspended);
            // Ending the sessions (not only refusing them while suspended) keeps a reinstatement from reviving a cookie
            // left on a shared PC: the person signs in again.
            await sessions.EndAllAsync(target.Id, AccessEndedBy.Suspension);
            await Audit.RecordAsync(db, caller, AuditAction.SuspendUser, target.Id, new { target.Email, Role = WireName.Of(target.Role), Reason = reason }, now);
            return await Suspension.ReadAsync(db, target.Id);
        }
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapPost("/admin/users/{id}/suspend", (string id, Command command, IMediator mediator) => mediator.Send(command with { UserId = id }))
            .WithName("SuspendUser").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
