using MediatR;
using Marketplace.Contracts;
using Marketplace.Jobs;
using Marketplace.Platform;

namespace Marketplace.Producers;

public sealed record PipelineGroup(JobStatus Status, IReadOnlyList<Job> Jobs);

/// <summary>A contract whose worker has not delivered and whose deadline is within 48 hours or past.</summary>
public sealed record ContractAtRisk
{
    public required Contract Contract { get; init; }
    public required bool Overdue { get; init; }
    /// <summary>Hours until the deadline; negative when overdue.</summary>
    public required int HoursLeft { get; init; }
}

public sealed record Pipeline(IReadOnlyList<PipelineGroup> Jobs, IReadOnlyList<ContractAtRisk> AtRisk);

/// <summary>A producer's desk: every client job by status, and the contracts to chase, most urgent first.</summary>
public static class GetPipeline
{
    public sealed record Query : IRequest<Pipeline>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, Pipeline>
    {
        public async Task<Pipeline> Handle(Query query, CancellationToken ct)
        {
            caller.Require(Role.Producer, "read a pipeline");
            var now = clock.GetUtcNow();
            var jobs = await db.QueryAsync<Job>(
                """
                SELECT j.* FROM job_details j
                WHERE j.business_id IN (SELECT pc.business_id FROM producer_clients pc WHERE pc.producer_id = @Me)
                ORDER BY j.id DESC
                """, new { Me = caller.Id });
            var atRisk = await db.QueryAsync<Contract>(
                """
                SELECT c.* FROM contract_details c
                WHERE c.business_id IN (SELECT pc.business_id FROM producer_clients pc WHERE pc.producer_id = @Me)
                  AND c.status IN ('active', 'revisionRequested') AND c.deadline <= @Horizon
                ORDER BY c.deadline, c.id
                """, new { Me = caller.Id, Horizon = now + Notifications.DeadlineReminders.Window });
            return new Pipeline(
                Enum.GetValues<JobStatus>().Select(s => new PipelineGroup(s, jobs.Where(j => j.Status == s).ToList())).ToList(),
                atRisk.Select(c => new ContractAtRisk
                {
                    Contract = c, Overdue = c.Deadline < now, HoursLeft = (int)Math.Floor((c.Deadline - now).TotalHours),
                }).ToList());
        }
    }

    public static void Map(IEndpointRouteBuilder producers) =>
        producers.MapGet("/producer/pipeline", (IMediator mediator) => mediator.Send(new Query()))
            .WithName("GetPipeline").ProducesProblem(403);
}
