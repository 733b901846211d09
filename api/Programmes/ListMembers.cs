using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// <c>GET /api/programmes/{id}/members?status=&amp;municipality=&amp;badge=</c>: the office's member list, every joining
/// (withdrawn ones too: the history), newest first, filtered by status, municipality and badge name.
/// </summary>
public static class ListMembers
{
    public sealed record Query : IRequest<IReadOnlyList<Member>>
    {
        [System.Text.Json.Serialization.JsonIgnore] public string ProgrammeId { get; init; } = "";
        public string? Status { get; init; }
        public string? Municipality { get; init; }
        public string? Badge { get; init; }
    }

    public sealed class Validator : FluentValidation.AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).PlainText().Must(s => s is null || WireName.TryParse<MemberStatus>(s, out _))
                .WithMessage($"Status must be one of: {WireName.AllOf<MemberStatus>()}.");
            RuleFor(q => q.Municipality).PlainText().MaximumLength(50);
            RuleFor(q => q.Badge).PlainText().MaximumLength(100);
        }
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<Member>>
    {
        public async Task<IReadOnlyList<Member>> Handle(Query query, CancellationToken ct)
        {
            await ProgrammeOffice.RequireAsync(db, caller, query.ProgrammeId, "read the members");
            var members = await db.QueryAsync<Member>(
                ListSql,
                new { query.ProgrammeId, Status = string.IsNullOrEmpty(query.Status) ? null : query.Status,
                      Municipality = string.IsNullOrWhiteSpace(query.Municipality) ? null : query.Municipality.Trim(),
                      Badge = string.IsNullOrWhiteSpace(query.Badge) ? null : query.Badge.Trim() });
            return await ProgrammeOffice.WithBadgesAsync(db, members);
        }
    }

    /// <summary>The programme's joinings, newest first, on ix_programme_members_programme, filtered on the way.</summary>
    internal const string ListSql = $"""
        SELECT {ProgrammeOffice.MemberColumns} FROM programme_members m JOIN users u ON u.id = m.worker_id
        WHERE m.programme_id = @ProgrammeId
          AND (@Status IS NULL OR m.status = @Status)
          AND (@Municipality IS NULL OR m.municipality = @Municipality)
          AND (@Badge IS NULL OR EXISTS (SELECT 1 FROM worker_badges wb JOIN badges b ON b.id = wb.badge_id
                                         WHERE wb.worker_id = m.worker_id AND b.name = @Badge))
        ORDER BY m.id DESC
        """;

    /// <summary>One membership as the list shows it (after the caller's right to it was checked).</summary>
    internal static async Task<Member> OneAsync(DbSession db, string id) =>
        (await ProgrammeOffice.WithBadgesAsync(db, [await db.QuerySingleAsync<Member>(
            $"SELECT {ProgrammeOffice.MemberColumns} FROM programme_members m JOIN users u ON u.id = m.worker_id WHERE m.id = @Id", new { Id = id })]))[0];

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapGet("/programmes/{id}/members", (string id, string? status, string? municipality, string? badge, IMediator mediator) =>
                mediator.Send(new Query { ProgrammeId = id, Status = status, Municipality = municipality, Badge = badge }))
            .WithName("ListMembers").ProducesProblem(403).ProducesProblem(404);
}
