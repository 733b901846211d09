using System.Text.Json;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Invoices;

/// <summary>
/// <c>GET /api/task-jobs/{id}/documents</c>: the documents a task job's close issued (issue 24). Each worker paid reads
/// its own (its invoice or receipt, the operator's invoice for its fee, the withholding notice), never another
/// worker's; the job's business reads every worker's; an administrator reads them all. Anyone else gets 404, as for a
/// job that does not exist; before the close the list is empty.
/// </summary>
public static class ListTaskJobDocuments
{
    public sealed record Query(string JobId) : IRequest<IReadOnlyList<Document>>;

    /// <summary>In issue order on ix_documents_job; @All for the business and administrators, else the caller's own.</summary>
    internal const string Sql = """
        SELECT d.body FROM documents d
        WHERE d.job_id = @JobId AND (@All = TRUE OR d.payee_id = @Me)
        ORDER BY d.id
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<Document>>
    {
        public async Task<IReadOnlyList<Document>> Handle(Query query, CancellationToken ct)
        {
            bool all;
            if (caller.Role == Role.Administrator)
            {
                await caller.RequireAdministratorAsync(db, "read a task job's documents");
                all = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM jobs WHERE id = @JobId AND format = 'task'", new { query.JobId }) > 0;
                if (!all) throw new NotFoundException("No such task job.");
            }
            else
            {
                var reader = await db.QuerySingleOrDefaultAsync<Reader>(
                    """
                    SELECT CASE WHEN j.business_id = @Me THEN 1 ELSE 0 END AS business,
                           (SELECT COUNT(*) FROM documents d WHERE d.job_id = j.id AND d.payee_id = @Me) AS own
                    FROM jobs j WHERE j.id = @JobId AND j.format = 'task'
                    """, new { query.JobId, Me = caller.Id });
                if (reader is null || (reader.Business == 0 && reader.Own == 0)) throw new NotFoundException("No such task job.");
                all = reader.Business == 1;
            }
            var bodies = await db.QueryAsync<string>(Sql, new { query.JobId, Me = caller.Id, All = all });
            return bodies.Select(b => JsonSerializer.Deserialize<Document>(b, StoredJson.Options)!).ToList();
        }
    }

    private sealed class Reader
    {
        public long Business { get; init; }
        public long Own { get; init; }
    }

    public static void Map(IEndpointRouteBuilder invoices) =>
        invoices.MapGet("/task-jobs/{id}/documents", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("ListTaskJobDocuments").ProducesProblem(404);
}
