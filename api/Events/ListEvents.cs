using System.Text.Json;
using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Events;

/// <summary>
/// <c>GET /api/events?after={sequence}&amp;limit=</c>: the events the caller may read, oldest first, after a sequence
/// number (0, or none, from the start). A business reads its jobs' and contracts' events, a worker its own, a producer
/// those of the businesses it acts for, an administrator every event. Who may read an event was decided when it was
/// written, so the same <c>after</c> always answers the same events; and since numbers are taken in commit order
/// (<see cref="EventFeed.Record"/>), an event committed later never has a number below one already read.
/// </summary>
public static class ListEvents
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public sealed record Query : IRequest<EventPage>
    {
        /// <summary>Read the events after this sequence number: the <c>next</c> of the previous page, or 0 from the start.</summary>
        public long? After { get; init; }
        /// <summary>How many events at most (1 to 500, 100 when left out).</summary>
        public int? Limit { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.After).GreaterThanOrEqualTo(0);
            RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit);
        }
    }

    /// <summary>An administrator's feed: the events table's primary key, from <c>after</c> on.</summary>
    internal const string AllSql = """
        SELECT e.sequence, e.id, e.type, e.occurred_at, e.data FROM events e
        WHERE e.sequence > @After ORDER BY e.sequence LIMIT @Take
        """;

    /// <summary>Anyone else's: their rows of event_audience (account_id, sequence), from <c>after</c> on, each joined to its event.</summary>
    internal const string MineSql = """
        SELECT e.sequence, e.id, e.type, e.occurred_at, e.data
        FROM event_audience a JOIN events e ON e.sequence = a.sequence
        WHERE a.account_id = @Me AND a.sequence > @After ORDER BY a.sequence LIMIT @Take
        """;

    private sealed class Row
    {
        public long Sequence { get; init; }
        public string Id { get; init; } = "";
        public string Type { get; init; } = "";
        public DateTimeOffset OccurredAt { get; init; }
        public string Data { get; init; } = "{}";
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, EventPage>
    {
        public async Task<EventPage> Handle(Query query, CancellationToken ct)
        {
            var after = query.After ?? 0;
            var args = new { After = after, Take = query.Limit ?? DefaultLimit, Me = caller.Id };
            var rows = await db.QueryAsync<Row>(caller.Role == Role.Administrator ? AllSql : MineSql, args);
            var items = rows.Select(r => new FeedEvent
            {
                Sequence = r.Sequence, Id = r.Id, Type = r.Type, OccurredAt = r.OccurredAt,
                Data = JsonSerializer.Deserialize<Dictionary<string, string>>(r.Data, StoredJson.Options) ?? [],
            }).ToList();
            return new EventPage(items, items.Count > 0 ? items[^1].Sequence : after);
        }
    }

    public static void Map(IEndpointRouteBuilder events) =>
        events.MapGet("/events", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListEvents").ProducesValidationProblem();
}
