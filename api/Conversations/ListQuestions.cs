using MediatR;
using Marketplace.Platform;

namespace Marketplace.Conversations;

/// <summary>
/// <c>GET /api/jobs/{id}/questions</c>, oldest first: the job's business and producers see every question; a worker
/// sees its own and every question answered publicly, without the asker's name. A visitor (nobody signed in) reads the
/// publicly answered questions of a job on the public board (question_public), cached and rate limited like the board.
/// </summary>
public static class ListQuestions
{
    public const int Max = 200;

    public sealed record Query(string JobId) : IRequest<IReadOnlyList<Question>>;

    /// <summary>All of a job's questions, on ix_questions_job (job_id, id).</summary>
    internal const string AllSql = """
        SELECT q.id, q.job_id, q.asker_id, u.display_name AS asker_name, q.body, q.created_at, q.answer, q.answer_public, q.answered_at
        FROM questions q JOIN users u ON u.id = q.asker_id
        WHERE q.job_id = @JobId ORDER BY q.id LIMIT 200
        """;

    /// <summary>What a worker sees: its own questions and the public answers, on the same index.</summary>
    internal const string VisibleSql = """
        SELECT q.id, q.job_id, q.asker_id, u.display_name AS asker_name, q.body, q.created_at, q.answer, q.answer_public, q.answered_at
        FROM questions q JOIN users u ON u.id = q.asker_id
        WHERE q.job_id = @JobId AND (q.asker_id = @Me OR q.answer_public = TRUE) ORDER BY q.id LIMIT 200
        """;

    /// <summary>What a visitor sees: the public Q&amp;A of a job on the public board, on the same index.</summary>
    internal const string PublicSql = """
        SELECT q.id, q.job_id, q.asker_id, '' AS asker_name, q.body, q.created_at, q.answer, q.answer_public, q.answered_at
        FROM questions q
        WHERE q.job_id = @JobId AND EXISTS (SELECT 1 FROM question_public v WHERE v.question_id = q.id) ORDER BY q.id LIMIT 200
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<Question>>
    {
        public async Task<IReadOnlyList<Question>> Handle(Query query, CancellationToken ct)
        {
            if (!caller.IsSignedIn)
            {
                // The same 404 for a job that does not exist and one a visitor may not see (GetJob's rule).
                if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM job_public p WHERE p.job_id = @JobId", new { query.JobId }) == 0)
                    throw new NotFoundException("No such job.");
                return (await db.QueryAsync<QuestionRow>(PublicSql, new { query.JobId })).Select(r => r.For("", false)).ToList();
            }
            var job = await JobAccess.ForAsync(db, query.JobId, caller.Id) ?? throw new NotFoundException("No such job.");
            // A producer without the right to post jobs still sees the client's questions (it acts for the business).
            var seesAll = job.RunsJob || await db.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM job_audience a WHERE a.job_id = @JobId AND a.user_id = @Me AND a.relation IN ('business', 'producer')",
                new { query.JobId, Me = caller.Id }) > 0;
            var rows = await db.QueryAsync<QuestionRow>(seesAll ? AllSql : VisibleSql, new { query.JobId, Me = caller.Id });
            return rows.Select(r => r.For(caller.Id, seesAll)).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder conversations) =>
        conversations.MapGet("/jobs/{id}/questions", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("ListQuestions").AllowAnonymous().PublicForVisitors().ProducesProblem(404).ProducesProblem(429);
}
