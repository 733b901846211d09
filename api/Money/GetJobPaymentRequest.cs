using MediatR;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Money;

/// <summary>
/// <c>GET /api/jobs/{id}/payment-request</c>: what the business pays into a task job's or a contest's own escrow
/// (お支払いのご案内), asked for when it posted the job: the platform's receiving account, the amount, the due date and
/// the transfer reference to write before its name. The job's latest payment: the pending one while money is asked for,
/// else the last one asked for. The job's business and the producers acting for it read it; anyone else finds no job (404).
/// </summary>
public static class GetJobPaymentRequest
{
    public sealed record Query(string JobId) : IRequest<JobPaymentRequest>;

    public sealed record JobPaymentRequest
    {
        public required string JobId { get; init; }
        public required string JobTitle { get; init; }
        public required string BusinessName { get; init; }
        public required string PaymentId { get; init; }
        /// <summary>The number the business writes before its name on the transfer (振込人名義の前に番号).</summary>
        public required string Reference { get; init; }
        /// <summary>Yen to transfer: the whole of the job's escrow (for a task job, items × price plus fees).</summary>
        public required long Amount { get; init; }
        public required PaymentStatus Status { get; init; }
        public required DateTimeOffset RequestedAt { get; init; }
        /// <summary>The day the money is due (Japan). The job opens on the board once the money is confirmed.</summary>
        public DateOnly? DueOn { get; init; }
        /// <summary>When the job's escrow was funded; null while the money is awaited.</summary>
        public DateTimeOffset? FundedAt { get; init; }
        /// <summary>Where to transfer; null until the operator sets Payments:BankAccount.</summary>
        public GetPaymentRequest.ReceivingAccountView? BankAccount { get; init; }
    }

    private sealed class Row
    {
        public string JobId { get; init; } = "";
        public string JobTitle { get; init; } = "";
        public string BusinessName { get; init; } = "";
        public DateTimeOffset? FundedAt { get; init; }
        public string? PaymentId { get; init; }
        public string? Reference { get; init; }
        public long Amount { get; init; }
        public PaymentStatus Status { get; init; }
        public DateTimeOffset RequestedAt { get; init; }
        public DateOnly? DueOn { get; init; }
    }

    /// <summary>The job (to those who run it, job_audience) with its latest payment, on ix_payments_job.</summary>
    internal const string Sql = """
        SELECT j.id AS job_id, j.title AS job_title, b.display_name AS business_name, j.funded_at,
               p.id AS payment_id, p.reference, p.amount, p.status, p.created_at AS requested_at, p.due_on
        FROM jobs j JOIN users b ON b.id = j.business_id
        LEFT JOIN payments p ON p.id = COALESCE(
            (SELECT q.id FROM payments q WHERE q.job_id = j.id AND q.status = 'pending'),
            (SELECT MAX(q.id) FROM payments q WHERE q.job_id = j.id))
        WHERE j.id = @Id
          AND EXISTS (SELECT 1 FROM job_audience a WHERE a.job_id = j.id AND a.user_id = @Me AND a.relation IN ('business', 'producer'))
        """;

    public sealed class Handler(DbSession db, Caller caller, IOptions<PaymentOptions> options) : IRequestHandler<Query, JobPaymentRequest>
    {
        public async Task<JobPaymentRequest> Handle(Query query, CancellationToken ct)
        {
            var row = await db.QuerySingleOrDefaultAsync<Row>(Sql, new { Id = query.JobId, Me = caller.Id })
                ?? throw new NotFoundException("No such job.");
            if (row.PaymentId is null || row.Reference is null) throw new NotFoundException("No payment was asked for on this job.");
            return new JobPaymentRequest
            {
                JobId = row.JobId, JobTitle = row.JobTitle, BusinessName = row.BusinessName, PaymentId = row.PaymentId,
                Reference = row.Reference, Amount = row.Amount, Status = row.Status, RequestedAt = row.RequestedAt, DueOn = row.DueOn,
                FundedAt = row.FundedAt,
                BankAccount = TransferDetails.Of(options.Value.BankAccount),
            };
        }
    }

    public static void Map(IEndpointRouteBuilder money) =>
        money.MapGet("/jobs/{id}/payment-request", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetJobPaymentRequest").ProducesProblem(404);
}
