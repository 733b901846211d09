using Dapper;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Jobs;

public static class CancelJob
{
    public sealed record Command(string Id) : IRequest<Job>;

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Job>
    {
        public Task<Job> Handle(Command command, CancellationToken ct) => db.InTransactionAsync(async (connection, tx) =>
        {
            var job = await JobSql.GetVisibleAsync(connection, command.Id, caller, tx);
            if (job.BusinessId != caller.Id) throw new ForbiddenException("Only the job's business may cancel it.");

            // Open jobs can always be cancelled. Once awarded, only while the worker has delivered nothing:
            // after a submission the business accepts or asks for a revision, so delivered work is never dropped.
            var cancelled = await connection.ExecuteAsync(
                """
                UPDATE jobs SET status = 'cancelled'
                WHERE id = @Id AND (status = 'open' OR (status = 'awarded' AND EXISTS (
                    SELECT 1 FROM contracts c WHERE c.job_id = jobs.id AND c.status = 'active'
                    AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.contract_id = c.id))))
                """, new { command.Id }, tx);
            if (cancelled == 0)
                throw new ConflictException($"A {Wire.Name(job.Status)} job whose work was delivered cannot be cancelled.");
            await connection.ExecuteAsync(
                "UPDATE bids SET status = 'rejected' WHERE job_id = @Id AND status = 'pending'", new { command.Id }, tx);
            var contractId = await connection.ExecuteScalarAsync<string?>(
                "SELECT id FROM contracts WHERE job_id = @Id AND status = 'active'", new { command.Id }, tx);
            if (contractId is not null)
            {
                await connection.ExecuteAsync("UPDATE contracts SET status = 'cancelled' WHERE id = @Id", new { Id = contractId }, tx);
                await Money.Escrow.RefundAsync(connection, tx, contractId, clock.GetUtcNow());
            }
            return await JobSql.GetVisibleAsync(connection, command.Id, caller, tx);
        }, ct);
    }
}
