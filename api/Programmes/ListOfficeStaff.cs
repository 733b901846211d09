using MediatR;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>A person of a programme's office, as administrators see it: whether the invitation was accepted.</summary>
public sealed record OfficeStaff
{
    public required string UserId { get; init; }
    public required string DisplayName { get; init; }
    public required string Email { get; init; }
    public required DateTimeOffset InvitedAt { get; init; }

    /// <summary>When the person set a password through the invitation's link; null until then (the invitation is pending).</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>Until when the link last mailed works; null once accepted.</summary>
    public DateTimeOffset? InvitationExpiresAt { get; init; }

    /// <summary>Whether the person confirmed a two-step enrolment (without it every office action is refused).</summary>
    public required bool TwoStepEnabled { get; init; }
}

/// <summary>
/// <c>GET /api/admin/programmes/{id}/staff</c>: the programme's office staff, for administrators, in the order they were
/// invited: who accepted the invitation (set a password through its link), whose link is pending and until when, and
/// who enrolled in two-step sign-in. A pending person's invitation can be sent again (<see cref="ResendOfficeInvitation"/>).
/// </summary>
public static class ListOfficeStaff
{
    public sealed record Query(string ProgrammeId) : IRequest<IReadOnlyList<OfficeStaff>>;

    private sealed class Row
    {
        public string UserId { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Email { get; init; } = "";
        public DateTimeOffset InvitedAt { get; init; }
        public DateTimeOffset? JoinedAt { get; init; }
        public DateTimeOffset? TokenExpiresAt { get; init; }
        public DateTimeOffset? TwoStepConfirmedAt { get; init; }
    }

    /// <summary>
    /// In the order they were invited: an account's id is time-ordered (TimeOrderedId), so the programme's index
    /// (programme_id, user_id) is read in order, with no sort (QueryPlanTests).
    /// </summary>
    internal const string StaffSql = """
        SELECT s.user_id, u.display_name, u.email, s.invited_at, s.joined_at, s.token_expires_at, t.confirmed_at AS two_step_confirmed_at
        FROM programme_staff s JOIN users u ON u.id = s.user_id LEFT JOIN two_step t ON t.user_id = s.user_id
        WHERE s.programme_id = @ProgrammeId
        ORDER BY s.user_id
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<OfficeStaff>>
    {
        public async Task<IReadOnlyList<OfficeStaff>> Handle(Query query, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "read a programme's office staff");
            if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM programmes p WHERE p.id = @Id", new { Id = query.ProgrammeId }) == 0)
                throw new NotFoundException("No such programme.");
            var rows = await db.QueryAsync<Row>(StaffSql, new { query.ProgrammeId });
            return rows.Select(r => new OfficeStaff
            {
                UserId = r.UserId, DisplayName = r.DisplayName, Email = r.Email, InvitedAt = r.InvitedAt, AcceptedAt = r.JoinedAt,
                InvitationExpiresAt = r.JoinedAt is null ? r.TokenExpiresAt : null, TwoStepEnabled = r.TwoStepConfirmedAt is not null,
            }).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapGet("/admin/programmes/{id}/staff", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("ListOfficeStaff").ProducesProblem(403).ProducesProblem(404);
}
