using MediatR;
using Marketplace.Platform;

namespace Marketplace.TaskJobs;

/// <summary>
/// <c>GET /api/task-jobs/{id}/answers.csv</c>: every answer of the job for its business (or producer), as a CSV that a
/// spreadsheet opens (UTF-8 with a BOM, <see cref="CsvFile"/>): the item's number and inputs, the worker, the status and
/// reason, when submitted (Japan's time), and one column per field; headers and statuses in the reader's language (a
/// Japanese business read English column names and 'approved' in its spreadsheet).
/// </summary>
public static class ExportTaskAnswers
{
    public sealed record Query(string JobId, Mail.Language Language = Mail.Language.Ja) : IRequest<byte[]>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, byte[]>
    {
        public async Task<byte[]> Handle(Query query, CancellationToken ct)
        {
            if (await db.ExecuteScalarAsync<long>(TaskReview.RunsSql, new { query.JobId, Me = caller.Id }) == 0)
                throw new NotFoundException("No such task job of yours.");
            var fields = TaskField.Read(await db.QuerySingleAsync<string>("SELECT fields FROM task_jobs WHERE job_id = @JobId", new { query.JobId }));
            var rows = (await db.QueryAsync<TaskSubmissions.Row>("SELECT " + TaskSubmissions.Columns + TaskSubmissions.From + " WHERE s.job_id = @JobId ORDER BY i.number, s.id",
                new { query.JobId })).Select(r => r.ToSubmission()).ToList();
            var inputColumns = rows.Select(r => r.Inputs.Count).DefaultIfEmpty(0).Max();
            var en = query.Language == Mail.Language.En;
            var csv = new CsvFile();
            csv.Row([
                en ? "item" : "項目番号", .. Enumerable.Range(1, inputColumns).Select(n => (CsvCell)(en ? $"input {n}" : $"入力{n}")),
                en ? "worker" : "ワーカー", en ? "status" : "状態", en ? "reason" : "非承認の理由", en ? "submitted_at" : "提出日時",
                .. fields.Select(f => (CsvCell)f.Label),
            ]);
            foreach (var r in rows)
                csv.Row([
                    (long)r.ItemNumber, .. Enumerable.Range(0, inputColumns).Select(i => (CsvCell)(i < r.Inputs.Count ? r.Inputs[i] : "")),
                    r.WorkerName, en ? WireName.Of(r.Status) : StatusInJapanese(r.Status), r.Reason, r.SubmittedAt.ToOffset(JapanTime.Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                    .. r.Answers.Select(a => (CsvCell)a),
                ]);
            return csv.ToBytes();
        }

        private static string StatusInJapanese(TaskSubmissionStatus status) => status switch
        {
            TaskSubmissionStatus.Submitted => "確認待ち",
            TaskSubmissionStatus.Approved => "承認",
            TaskSubmissionStatus.Rejected => "非承認",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "a status without words"),
        };
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/task-jobs/{id}/answers.csv", async (string id, HttpRequest request, IMediator mediator) =>
                TypedResults.File(await mediator.Send(new Query(id, Mail.ReaderLanguage.Of(request))), "text/csv; charset=utf-8", $"task-answers-{id}.csv"))
            .WithName("ExportTaskAnswers").Produces<byte[]>(200, "text/csv").ProducesProblem(404);
}
