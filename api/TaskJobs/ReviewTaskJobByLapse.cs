using MediatR;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.TaskJobs;

/// <summary>
/// The task jobs' clock's command for one job past its deadline: answers still awaiting review
/// <see cref="TaskJobRules.DaysToReview"/> days after the deadline are approved automatically (each once: the
/// approval is conditional), and the job closes, paying its workers, when nothing awaits any more.
/// </summary>
public static class ReviewTaskJobByLapse
{
    public sealed record Command(string JobId) : ICommand<int>;

    /// <summary>Open task jobs past their deadline, on ix_jobs_status_deadline: each may have answers to approve or may close.</summary>
    internal const string DueSql = """
        SELECT j.id FROM jobs j WHERE j.status = 'open' AND j.format = 'task' AND j.deadline <= @Now ORDER BY j.deadline
        """;

    public sealed class Handler(DbSession db, TimeProvider clock, IOptions<Money.MoneyOptions> money, IOptions<Contracts.ContractsOptions> terms,
        IOptions<Invoices.InvoiceOptions> invoices) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var lapsed = await db.QueryAsync<TaskReview.Answer>(
                """
                SELECT s.id, s.job_id, s.item_id, s.worker_id FROM task_submissions s JOIN jobs j ON j.id = s.job_id
                WHERE s.job_id = @JobId AND s.status = 'submitted' AND j.deadline <= @ReviewedBy
                """, new { command.JobId, ReviewedBy = now.AddDays(-TaskJobRules.DaysToReview) });
            var approved = 0;
            foreach (var answer in lapsed)
                if (await TaskReview.ApproveAsync(db, answer, null, automatically: true, now)) approved++;
            await TaskJobClosing.CloseAsync(db, command.JobId, money.Value, invoices.Value, terms.Value, now);
            return approved;
        }
    }
}
