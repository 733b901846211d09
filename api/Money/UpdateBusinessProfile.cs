using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
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

        /// <summary>The profile's ETag as the client read it (the If-Match header); null changes it whatever its version.</summary>
        [JsonIgnore] public string? IfMatch { get; init; }
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
            // The version check is part of the change: of two tabs that read the same version, the second is refused.
            var changed = await db.ExecuteAsync(
                """
                UPDATE users SET is_withholding_agent = @Agent, business_profile_version = business_profile_version + 1
                WHERE id = @Me AND (@IfMatch IS NULL OR business_profile_version = @IfMatch)
                """,
                new { Agent = command.IsWithholdingAgent!.Value, Me = caller.Id, IfMatch = RowVersions.IfMatch(command.IfMatch) });
            if (changed == 0) throw RowVersions.Stale();
            return await GetBusinessProfile.ReadAsync(db, caller.Id);
        }
    }

    public static void Map(IEndpointRouteBuilder money) =>
        money.MapPut("/me/business-profile", (Command command, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator) =>
                mediator.Send(command with { IfMatch = ifMatch }))
            .WithName("UpdateBusinessProfile").WithETag().ProducesValidationProblem().ProducesProblem(403);
}

public sealed record BusinessProfile(bool IsWithholdingAgent) : IVersioned
{
    /// <summary>The profile's version: its ETag, never in the body.</summary>
    [JsonIgnore] public long RowVersion { get; init; }
}
