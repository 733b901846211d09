using FluentValidation;
using MediatR;
using Marketplace.Platform;
using System.Text.Json.Serialization;

namespace Marketplace.Contests;

/// <summary>
/// The contest's business (or its producer) rates an entry 1–5 and comments on it, privately: the entrant never reads
/// them. An administrator who chooses the winner when the business did not goes by these ratings.
/// </summary>
public static class ReviewEntry
{
    public sealed record Command : ICommand<ContestEntry>
    {
        [JsonIgnore] public string ContestId { get; init; } = "";
        [JsonIgnore] public string EntryId { get; init; } = "";
        public int? Rating { get; init; }
        public string? Comment { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Rating).InclusiveBetween(1, 5);
            RuleFor(c => c.Comment).PlainMultilineText().MaximumLength(ContestRules.CommentMax);
        }
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Command, ContestEntry>
    {
        public async Task<ContestEntry> Handle(Command command, CancellationToken ct)
        {
            var relation = await db.ExecuteScalarAsync<string?>(
                """
                SELECT MIN(r.relation) FROM contest_entry_readers r JOIN contest_entries e ON e.id = r.entry_id
                WHERE r.entry_id = @EntryId AND e.job_id = @ContestId AND r.user_id = @Me
                """, new { command.EntryId, command.ContestId, Me = caller.Id })
                ?? throw new NotFoundException("No such entry.");
            if (relation is not ("business" or "producer"))
                throw new ForbiddenException("Only the contest's business, or its producer, rates its entries.");
            await db.ExecuteAsync("UPDATE contest_entries SET rating = @Rating, comment = @Comment WHERE id = @EntryId",
                new { command.Rating, Comment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim(), command.EntryId });
            return (await GetEntry.ReadAsync(db, command.ContestId, command.EntryId, caller.Id))!;
        }
    }

    public static void Map(IEndpointRouteBuilder contests) =>
        contests.MapPut("/contests/{id}/entries/{entryId}/review", (string id, string entryId, Command command, IMediator mediator) =>
                mediator.Send(command with { ContestId = id, EntryId = entryId }))
            .WithName("ReviewEntry").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
}
