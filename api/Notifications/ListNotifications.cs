using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Notifications;

/// <param name="Items">The page, newest first.</param>
/// <param name="UnreadCount">How many of the caller's notifications are unread, on every page.</param>
/// <param name="NextCursor">The page after this one (older notifications), or null at the first notification.</param>
public sealed record NotificationList(IReadOnlyList<Notification> Items, int UnreadCount, string? NextCursor = null);

/// <summary>
/// <c>GET /api/notifications</c>: the caller's notifications, newest first, 50 a page (or <c>limit</c>; <c>cursor</c> for older ones),
/// or only the unread ones (<c>unread=true</c>), and how many are unread. Without paging, an unread notification
/// pushed below the newest 50 (a busy thread's messages) stayed counted in the header and could not be found.
/// </summary>
public static class ListNotifications
{
    public sealed record Query : IRequest<NotificationList>
    {
        public bool? Unread { get; init; }
        /// <summary>How many a page (1–100); 50 when not given.</summary>
        public int? Limit { get; init; }
        public string? Cursor { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Cursor).PlainText().ValidCursor();
    }

    public const int PageSize = 50;

    /// <summary>
    /// Newest first on ix_notifications_user (user_id, id); the job, the party and the team are looked up by primary key. The
    /// party is the one stored (who bid, who invited), else the contract's other side for its business or worker,
    /// else the job's business (for a worker or a producer reading about it).
    /// </summary>
    internal const string AllSql = """
        SELECT n.id, n.kind, n.message, n.job_id, n.contract_id, n.created_at, n.read_at,
               j.title AS job_title, p.display_name AS party_name, p.role AS party_role, n.event_key, n.team_id, t.name AS team_name
        FROM notifications n
        LEFT JOIN teams t ON t.id = n.team_id
        LEFT JOIN contracts c ON c.id = n.contract_id
        LEFT JOIN jobs j ON j.id = COALESCE(n.job_id, c.job_id)
        LEFT JOIN users p ON p.id = COALESCE(n.party_id,
            CASE WHEN c.business_id = n.user_id THEN c.worker_id
                 WHEN c.worker_id = n.user_id THEN c.business_id
                 WHEN j.business_id = n.user_id THEN NULL
                 ELSE j.business_id END)
        WHERE n.user_id = @Me AND n.id < @After ORDER BY n.id DESC LIMIT @Take
        """;

    /// <summary>Only the unread, on ix_notifications_unread: the page costs the unread, not the history.</summary>
    internal const string UnreadOnlySql = """
        SELECT n.id, n.kind, n.message, n.job_id, n.contract_id, n.created_at, n.read_at,
               j.title AS job_title, p.display_name AS party_name, p.role AS party_role, n.event_key, n.team_id, t.name AS team_name
        FROM notifications n
        LEFT JOIN teams t ON t.id = n.team_id
        LEFT JOIN contracts c ON c.id = n.contract_id
        LEFT JOIN jobs j ON j.id = COALESCE(n.job_id, c.job_id)
        LEFT JOIN users p ON p.id = COALESCE(n.party_id,
            CASE WHEN c.business_id = n.user_id THEN c.worker_id
                 WHEN c.worker_id = n.user_id THEN c.business_id
                 WHEN j.business_id = n.user_id THEN NULL
                 ELSE j.business_id END)
        WHERE n.user_id = @Me AND n.read_at IS NULL AND n.id < @After ORDER BY n.id DESC LIMIT @Take
        """;

    /// <summary>Counted on the partial index of unread rows, so it costs the unread count, not the history.</summary>
    internal const string UnreadSql = "SELECT COUNT(*) FROM notifications n WHERE n.user_id = @Me AND n.read_at IS NULL";

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, NotificationList>
    {
        public async Task<NotificationList> Handle(Query query, CancellationToken ct)
        {
            var size = query.Limit is null ? PageSize : Paging.Clamp(query.Limit);
            var page = (await db.QueryAsync<Notification>(query.Unread == true ? UnreadOnlySql : AllSql,
                new { Me = caller.Id, After = Paging.After(query.Cursor), Take = size + 1 })).ToList();
            var rows = page.Take(size).ToList();
            // A question's notifications open its ticket, named by their event keys (one lookup by primary key).
            var tickets = await Help.TicketNotifications.TicketsOfAsync(db,
                rows.Where(n => n.Kind is NotificationKind.TicketReceived or NotificationKind.TicketAnswered).Select(n => n.EventKey));
            // An office's notice is named, with its programme, the same way.
            var notices = await Programmes.NoticeNotifications.NoticesOfAsync(db,
                rows.Where(n => n.Kind is NotificationKind.ProgrammeNotice).Select(n => n.EventKey));
            var items = rows.Select(n => n.EventKey is not { } key ? n : notices.GetValueOrDefault(key) is { } notice
                ? n with { NoticeId = notice.Id, NoticeTitle = notice.Title, ProgrammeName = notice.ProgrammeName }
                : n with { TicketId = tickets.GetValueOrDefault(key) }).ToList();
            var unread = await db.ExecuteScalarAsync<int>(UnreadSql, new { Me = caller.Id });
            return new NotificationList(items, unread, page.Count > size ? Paging.Encode(rows[^1].Id) : null);
        }
    }

    public static void Map(IEndpointRouteBuilder notifications) =>
        notifications.MapGet("/notifications", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListNotifications").ProducesValidationProblem();
}
