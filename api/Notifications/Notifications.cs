using System.Data.Common;
using Dapper;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Notifications;

public enum NotificationKind
{
    BidReceived, Invited, BidAwarded, BidRejected, SubmissionToReview, RevisionRequested, WorkAccepted, PaymentReleased, DeadlineSoon,
}

public sealed record Notification
{
    public required string Id { get; init; }
    /// <summary>What happened; the web client words it in the reader's language.</summary>
    public required NotificationKind Kind { get; init; }
    public required string Message { get; init; }
    public string? JobId { get; init; }
    public string? ContractId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; init; }
}

public sealed record NotificationList(IReadOnlyList<Notification> Items, int UnreadCount);

public static class Notify
{
    /// <summary>Tells one user, inside the caller's transaction; the same event told twice is stored once (answer 0).</summary>
    public static Task<int> ToAsync(DbConnection connection, DbTransaction tx, string userId, NotificationKind kind, string message,
        string eventKey, DateTimeOffset now, string? jobId = null, string? contractId = null) =>
        connection.ExecuteAsync(
            """
            INSERT INTO notifications (id, user_id, kind, message, job_id, contract_id, event_key, created_at)
            SELECT @Id, @UserId, @Kind, @Message, @JobId, @ContractId, @EventKey, @Now
            WHERE NOT EXISTS (SELECT 1 FROM notifications WHERE user_id = @UserId AND event_key = @EventKey)
            """,
            new { Id = Wire.NewId(), UserId = userId, Kind = Wire.Name(kind), Message = message, JobId = jobId, ContractId = contractId,
                  EventKey = eventKey, Now = now }, tx);
}

public static class ListNotifications
{
    public sealed record Query : IRequest<NotificationList>;

    public sealed class Handler(Db db, Caller caller) : IRequestHandler<Query, NotificationList>
    {
        public async Task<NotificationList> Handle(Query query, CancellationToken ct)
        {
            await using var connection = await db.OpenAsync(ct);
            var items = await connection.QueryAsync<Notification>(
                $"""
                SELECT id, kind, message, job_id, contract_id, created_at, read_at FROM notifications
                WHERE user_id = @Me ORDER BY id DESC {db.Dialect.Limit("50")}
                """, new { Me = caller.Id });
            var unread = await connection.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM notifications WHERE user_id = @Me AND read_at IS NULL", new { Me = caller.Id });
            return new NotificationList(items.AsList(), unread);
        }
    }
}

public static class MarkNotificationRead
{
    public sealed record Command(string Id) : IRequest<Unit>;

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            await using var connection = await db.OpenAsync(ct);
            var found = await connection.ExecuteAsync(
                "UPDATE notifications SET read_at = COALESCE(read_at, @Now) WHERE id = @Id AND user_id = @Me",
                new { command.Id, Me = caller.Id, Now = clock.GetUtcNow() });
            return found == 1 ? Unit.Value : throw new NotFoundException("No such notification.");
        }
    }
}

/// <summary>
/// Reminds workers (and their clients) of contracts due within 48 hours. Each contract is reminded once:
/// the event key makes a second run, or a run on another API instance, insert nothing.
/// </summary>
public sealed class DeadlineReminders(Db db, TimeProvider clock, IConfiguration configuration, ILogger<DeadlineReminders> logger)
    : BackgroundService
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(48);

    private sealed class Due
    {
        public string Id { get; init; } = "";
        public string JobId { get; init; } = "";
        public string JobTitle { get; init; } = "";
        public string WorkerId { get; init; } = "";
        public string BusinessId { get; init; } = "";
    }

    public async Task<int> RunOnceAsync(CancellationToken ct = default) => await db.InTransactionAsync(async (connection, tx) =>
    {
        var now = clock.GetUtcNow();
        var due = await connection.QueryAsync<Due>(
            """
            SELECT c.id, c.job_id, j.title AS job_title, c.worker_id, c.business_id
            FROM contracts c JOIN jobs j ON j.id = c.job_id
            WHERE c.status IN ('active', 'revisionRequested') AND c.deadline <= @Horizon
            """, new { Horizon = now + Window }, tx);
        var told = 0;
        foreach (var contract in due)
        foreach (var party in new[] { contract.WorkerId, contract.BusinessId })
            told += await Notify.ToAsync(connection, tx, party, NotificationKind.DeadlineSoon,
                $"The deadline of \"{contract.JobTitle}\" is within 48 hours.", $"deadline:{contract.Id}", now, contract.JobId, contract.Id);
        return told;
    }, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(configuration.GetValue("Notifications:ReminderIntervalSeconds", 300));
        using var timer = new PeriodicTimer(every, clock);
        do
        {
            try
            {
                var told = await RunOnceAsync(stoppingToken);
                if (told > 0) logger.LogInformation("Sent {Count} deadline reminders", told);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Deadline reminder run failed; the next run retries");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class NotificationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/notifications").RequireAuthorization().WithTags("Notifications");
        group.MapGet("", (IMediator mediator) => mediator.Send(new ListNotifications.Query())).WithName("ListNotifications");
        group.MapPost("/{id}/read", async (string id, IMediator mediator) =>
            {
                await mediator.Send(new MarkNotificationRead.Command(id));
                return TypedResults.NoContent();
            })
            .WithName("MarkNotificationRead").ProducesProblem(404);
    }
}
