using MediatR;
using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>A business says whether it withholds income tax on what it pays individuals.</summary>
public static class UpdateBusinessProfile
{
    public sealed record Command : ICommand<BusinessProfile>
    {
        public bool IsWithholdingAgent { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Command, BusinessProfile>
    {
        public async Task<BusinessProfile> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Business, "keep a business profile");
            await db.ExecuteAsync("UPDATE users SET is_withholding_agent = @Agent WHERE id = @Me",
                new { Agent = command.IsWithholdingAgent, Me = caller.Id });
            return new BusinessProfile(command.IsWithholdingAgent);
        }
    }

    public static void Map(IEndpointRouteBuilder money) =>
        money.MapPut("/me/business-profile", (Command command, IMediator mediator) => mediator.Send(command))
            .WithName("UpdateBusinessProfile").ProducesProblem(403);
}

public sealed record BusinessProfile(bool IsWithholdingAgent);
