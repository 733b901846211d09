using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>A business says whether it withholds income tax on what it pays individuals.</summary>
public static class UpdateBusinessProfile
{
    public sealed record Command : ICommand<BusinessProfile>
    {
        /// <summary>Nullable so that a body without it is refused, rather than read as "no" and switching withholding off.</summary>
        public bool? IsWithholdingAgent { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.IsWithholdingAgent).NotNull();
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Command, BusinessProfile>
    {
        public async Task<BusinessProfile> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Business, "keep a business profile");
            await db.ExecuteAsync("UPDATE users SET is_withholding_agent = @Agent WHERE id = @Me",
                new { Agent = command.IsWithholdingAgent!.Value, Me = caller.Id });
            return new BusinessProfile(command.IsWithholdingAgent.Value);
        }
    }

    public static void Map(IEndpointRouteBuilder money) =>
        money.MapPut("/me/business-profile", (Command command, IMediator mediator) => mediator.Send(command))
            .WithName("UpdateBusinessProfile").ProducesValidationProblem().ProducesProblem(403);
}

public sealed record BusinessProfile(bool IsWithholdingAgent);
