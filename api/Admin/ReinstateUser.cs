using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Admin;

/// <summary>
/// <c>POST /api/admin/users/{id}/reinstate</c> {reason}: an administrator lifts a suspension. The person signs in again
/// (the sessions the suspension ended stay ended), its tokens work again and the next payout batch includes it.
/// </summary>
public static class ReinstateUser
{
    public sealed record Command : ICommand<UserSummary>
    {
        [JsonIgnore] public string UserId { get; init; } = "";
        public string Reason { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason).NotBlank("Reason is required.").PlainText().MaximumLength(Suspension.MaxReasonLength);
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, UserSummary>
    {
        public async Task<UserSummary> Handle(Command command, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "reinstate accounts");
            var target = await Suspension.ReadAsync(db, command.UserId);
            var now = clock.GetUtcNow();
            var reason = command.Reason.Trim();
            var reinstated = await db.ExecuteAsync(
                "UPDATE users SET suspended_at = NULL, suspended_reason = NULL WHERE id = @Id AND suspended_at IS NOT NULL", new { target.Id });
            if (reinstated == 0) throw new ConflictException("The account is not suspended.", ConflictCode.NotSuspended);
            await Audit.RecordAsync(db, caller, AuditAction.ReinstateUser, target.Id,
                new { target.Email, Role = WireName.Of(target.Role), Reason = reason, SuspendedReason = target.SuspendedReason }, now);
            return await Suspension.ReadAsync(db, target.Id);
        }
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapPost("/admin/users/{id}/reinstate", (string id, Command command, IMediator mediator) => mediator.Send(command with { UserId = id }))
            .WithName("ReinstateUser").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
