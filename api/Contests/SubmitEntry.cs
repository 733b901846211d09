using FluentValidation;
using MediatR;
using Marketplace.Accounts;
using Marketplace.Events;
using Marketplace.Files;
using Marketplace.Notifications;
using Marketplace.Platform;
using System.Text.Json.Serialization;

namespace Marketplace.Contests;

/// <summary>
/// A worker enters a contest it may see: a note and files (images are shown as previews), until the deadline and
/// once the prize is held; a worker may enter several times. The entry is read by its author and the contest's
/// business (and producers, administrators) only, until a winner is chosen.
/// </summary>
public static class SubmitEntry
{
    public sealed record Command : ICommand<ContestEntry>
    {
        [JsonIgnore] public string ContestId { get; init; } = "";
        public string Note { get; init; } = "";
        /// <summary>The entry's files (uploaded first with POST /api/files); at least one.</summary>
        public IReadOnlyList<string> FileIds { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Note).PlainMultilineText().MaximumLength(ContestRules.NoteMax);
            RuleFor(c => c.FileIds).NotEmpty().WithMessage("An entry has at least one file.").WithErrorCode("required");
            this.FileIdsRule(c => c.FileIds);
        }
    }

    private sealed class Target
    {
        public long Prize { get; init; }
        public DateTimeOffset EntriesCloseAt { get; init; }
        public ContestStatus Status { get; init; }
        public string BusinessId { get; init; } = "";
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, ContestEntry>
    {
        public async Task<ContestEntry> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Worker, "enter a contest");
            var contest = await db.QuerySingleOrDefaultAsync<Target>(
                """
                SELECT c.prize, c.entries_close_at, c.status, j.business_id FROM contests c JOIN jobs j ON j.id = c.job_id
                WHERE c.job_id = @Id AND EXISTS (SELECT 1 FROM job_viewers v WHERE v.job_id = c.job_id AND v.user_id = @Me)
                """, new { Id = command.ContestId, Me = caller.Id })
                ?? throw new NotFoundException("No such contest.");
            await EmailConfirmation.RequireAsync(db, caller.Id, "enter a contest");
            var now = clock.GetUtcNow();
            if (!await ContestPrize.FundedAsync(db, command.ContestId))
                throw new ConflictException("The contest's prize is not in escrow yet: entries open once it is.", ConflictCode.ContestNotFunded);
            var id = TimeOrderedId.New();
            // The deadline and the status in the INSERT itself: an entry racing the deadline's refund or the winner's
            // choice either lands before it or not at all.
            var inserted = await db.ExecuteAsync(
                """
                INSERT INTO contest_entries (id, job_id, worker_id, note, created_at)
                SELECT @Id, c.job_id, @Me, @Note, @Now FROM contests c
                WHERE c.job_id = @ContestId AND c.status = 'open' AND c.entries_close_at > @Now
                """, new { Id = id, command.ContestId, Me = caller.Id, Note = command.Note.Trim(), Now = now });
            if (inserted == 0)
                throw new ConflictException("The contest takes no more entries: its deadline passed.", ConflictCode.ContestEntriesClosed);
            await Attachments.AttachAsync(db, caller.Id, command.FileIds, AttachTo.Entry, id);
            EventFeed.Record(db, EventTypes.ContestEntrySubmitted, now, ("jobId", command.ContestId), ("entryId", id), ("workerId", caller.Id));
            // The business hears of each entry, as of each bid on a project; what it reads waits for the deadline.
            await Notify.ToAsync(db, contest.BusinessId, NotificationKind.ContestEntryReceived, "Your contest received an entry.",
                $"contest-entry:{id}", now, command.ContestId);
            return await GetEntry.ReadAsync(db, command.ContestId, id, caller.Id) ?? throw new InvalidOperationException("The entry just made is not readable.");
        }
    }

    public static void Map(IEndpointRouteBuilder contests) =>
        contests.MapPost("/contests/{id}/entries", async (string id, Command command, IMediator mediator) =>
            {
                var entry = await mediator.Send(command with { ContestId = id });
                return TypedResults.Created($"/api/contests/{id}/entries/{entry.Id}", entry);
            })
            .RequireScope(TokenScope.BidsWrite).WithName("SubmitEntry").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
