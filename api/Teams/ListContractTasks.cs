using MediatR;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>
/// <c>GET /api/contracts/{id}/tasks</c>: a team contract's tasks and what is left for the director, for the team's director
/// and leaders. A member sees its own tasks through <c>GET /api/me/tasks</c>; everyone else gets 404 here.
/// </summary>
public static class ListContractTasks
{
    public sealed record Query(string ContractId) : IRequest<ContractTasks>;

    /// <summary>
    /// The contract's money from the team's side: <see cref="WorkerNet"/> is what the escrow pays the team (the amount less
    /// the platform fee and the tax withheld); the tasks may add up to it, and what they leave is the director's share.
    /// </summary>
    public sealed record ContractTasks
    {
        public required string ContractId { get; init; }
        public required string TeamId { get; init; }
        public required long Amount { get; init; }
        public required long PlatformFee { get; init; }
        public required long WithholdingTax { get; init; }
        public required long WorkerNet { get; init; }
        public required long TasksTotal { get; init; }
        public required long ApprovedTotal { get; init; }
        /// <summary>The contract's amount less the tasks' amounts: the director's gross share, from which the fee and the rest of the tax come.</summary>
        public required long DirectorShare { get; init; }
        /// <summary>What more the tasks may add up to.</summary>
        public required long Unassigned { get; init; }
        public required DateTimeOffset Deadline { get; init; }
        public required IReadOnlyList<TeamTask> Tasks { get; init; }
    }

    private sealed class Row
    {
        public string TeamId { get; init; } = "";
        public long Amount { get; init; }
        public long PlatformFee { get; init; }
        public long WithholdingTax { get; init; }
        public DateTimeOffset Deadline { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, ContractTasks>
    {
        public async Task<ContractTasks> Handle(Query query, CancellationToken ct)
        {
            var c = await db.QuerySingleOrDefaultAsync<Row>(
                """
                SELECT c.team_id, c.amount, c.platform_fee, c.withholding_tax, c.deadline FROM contracts c
                WHERE c.id = @Id AND c.team_id IS NOT NULL
                  AND EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = c.team_id AND m.user_id = @Me AND m.removed_at IS NULL AND m.role <> 'member')
                """, new { Id = query.ContractId, Me = caller.Id })
                ?? throw new NotFoundException("No such contract.");
            var tasks = await db.QueryAsync<TeamTask>(TeamTask.OfContractSql, new { Id = query.ContractId });
            var total = tasks.Sum(t => t.Amount);
            var net = c.Amount - c.PlatformFee - c.WithholdingTax;
            return new ContractTasks
            {
                ContractId = query.ContractId, TeamId = c.TeamId, Amount = c.Amount, PlatformFee = c.PlatformFee, WithholdingTax = c.WithholdingTax,
                WorkerNet = net, TasksTotal = total, ApprovedTotal = tasks.Where(t => t.Status == TeamTaskStatus.Approved).Sum(t => t.Amount),
                DirectorShare = c.Amount - total, Unassigned = net - total, Deadline = c.Deadline, Tasks = tasks,
            };
        }
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapGet("/contracts/{id}/tasks", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("ListContractTasks").ProducesProblem(404);
}
