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

    /// <summary>The businesses the producer acts for (producer_clients: its active links).</summary>
    internal const string ClientsSql = "SELECT pc.business_id FROM producer_clients pc WHERE pc.producer_id = @Me";

    /// <summary>
    /// One client's jobs, on ix_jobs_business (business_id, id), with the amount of the job's contract where one exists
    /// (one live contract per job besides awards that lapsed unpaid): the desk shows what was agreed, not the budget
    /// ceiling. A lapsed award is a cancelled contract with award_lapsed_at; the condition names the status as well, so
    /// that no engine can serve it from the partial ux_contracts_job alone: PostgreSQL's generic plan walked that index
    /// whole for every job instead of looking up ix_contracts_job (PostgresQueryPlanTests).
    /// </summary>
    internal const string JobsSql = """
        SELECT j.*, c.id AS contract_id, c.amount AS contract_amount
        FROM job_details j LEFT JOIN contracts c ON c.job_id = j.id AND (c.status <> 'cancelled' OR c.award_lapsed_at IS NULL)
        WHERE j.business_id = @BusinessId ORDER BY j.id DESC
        """;

    /// <summary>One client's contracts still to deliver by the horizon, on ix_contracts_business_due (business_id, status, deadline).</summary>
    internal const string DueSql = """
        SELECT c.* FROM contract_details c
        WHERE c.business_id = @BusinessId AND c.status IN ('active', 'revisionRequested') AND c.deadline <= @Horizon
        """;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, Pipeline>
    {
        public async Task<Pipeline> Handle(Query query, CancellationToken ct)
        {
            caller.Require(Role.Producer, "read a pipeline");
            var now = clock.GetUtcNow();
            // A producer has a handful of clients: each client's jobs and due contracts are read on that client's
            // indexes, and put in order here (the desk shows every row it reads).
            var jobs = new List<Job>();
            var atRisk = new List<Contract>();
            foreach (var client in await db.QueryAsync<string>(ClientsSql, new { Me = caller.Id }))
            {
                jobs.AddRange(await db.QueryAsync<Job>(JobsSql, new { BusinessId = client }));
                atRisk.AddRange(await db.QueryAsync<Contract>(DueSql, new { BusinessId = client, Horizon = now + Notifications.RemindDeadlines.Window }));
            }
            jobs.Sort((a, b) => string.CompareOrdinal(b.Id, a.Id));
            atRisk.Sort((a, b) => a.Deadline != b.Deadline ? a.Deadline.CompareTo(b.Deadline) : string.CompareOrdinal(a.Id, b.Id));
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
