using MediatR;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// <c>GET /api/identity-checks</c>: a worker reads its own checks; office staff the checks of their programme's live
/// members; an administrator those of workers in no programme. Pending first, then newest.
/// </summary>
public static class ListIdentityChecks
{
    public sealed record Query : IRequest<IReadOnlyList<IdentityCheck>>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<IdentityCheck>>
    {
        public async Task<IReadOnlyList<IdentityCheck>> Handle(Query query, CancellationToken ct)
        {
            IReadOnlyList<IdentityCheck> checks;
            switch (caller.Role)
            {
                case Role.Worker:
                    checks = await db.QueryAsync<IdentityCheck>(
                        $"SELECT {IdentityChecks.Columns} FROM {IdentityChecks.From} WHERE i.worker_id = @Me", new { Me = caller.Id });
                    break;
                case Role.Office:
                case Role.Administrator:
                    await caller.RequireStaffAsync(db, "read identity checks");
                    checks = await db.QueryAsync<IdentityCheck>(
                        $"""
                        SELECT {IdentityChecks.Columns} FROM {IdentityChecks.From}
                        WHERE (EXISTS (SELECT 1 FROM programme_members m JOIN programme_staff s ON s.programme_id = m.programme_id
                                       WHERE m.worker_id = i.worker_id AND m.status IN ('pending', 'approved') AND s.user_id = @Me)
                           OR (@Administrator = 1 AND NOT EXISTS (SELECT 1 FROM programme_members m WHERE m.worker_id = i.worker_id
                                                                 AND m.status IN ('pending', 'approved'))))
                        """, new { Me = caller.Id, Administrator = caller.Role == Role.Administrator ? 1 : 0 });
                    break;
                default:
                    throw new ForbiddenException("Only a worker, an office or an administrator reads identity checks.");
            }
            // A worker asks a few times at most, and an office decides its own members' checks: read whole, ordered here.
            return checks.OrderBy(c => c.Status == IdentityCheckStatus.Pending ? 0 : 1).ThenByDescending(c => c.Id, StringComparer.Ordinal).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapGet("/identity-checks", (IMediator mediator) => mediator.Send(new Query()))
            .WithName("ListIdentityChecks").ProducesProblem(403);
}
