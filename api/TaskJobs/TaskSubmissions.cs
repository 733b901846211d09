using System.Text.Json;
using Marketplace.Platform;

namespace Marketplace.TaskJobs;

/// <summary>Where an answer is: awaiting review, approved (by the business or automatically), or rejected with a reason.</summary>
public enum TaskSubmissionStatus { Submitted, Approved, Rejected }

/// <summary>A worker's answer to an item, as the worker and the job's business read it.</summary>
public sealed record TaskSubmission
{
    public required string Id { get; init; }
    public required string JobId { get; init; }
    public required string ItemId { get; init; }
    public required int ItemNumber { get; init; }
    public required IReadOnlyList<string> Inputs { get; init; }
    public required string WorkerId { get; init; }
    public required string WorkerName { get; init; }
    public required IReadOnlyList<string?> Answers { get; init; }
    public required TaskSubmissionStatus Status { get; init; }
    public string? Reason { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
    /// <summary>Approved because nobody reviewed it within the days after the deadline.</summary>
    public bool AutoApproved { get; init; }
}

/// <summary>Reading answers: one query, for the review list, the export and the answer a command returns.</summary>
public static class TaskSubmissions
{
    internal sealed class Row
    {
        public string Id { get; init; } = "";
        public string JobId { get; init; } = "";
        public string ItemId { get; init; } = "";
        public int ItemNumber { get; init; }
        public string? Inputs { get; init; }
        public string WorkerId { get; init; } = "";
        public string WorkerName { get; init; } = "";
        public string Answers { get; init; } = "";
        public TaskSubmissionStatus Status { get; init; }
        public string? Reason { get; init; }
        public DateTimeOffset SubmittedAt { get; init; }
        public DateTimeOffset? ReviewedAt { get; init; }
        public bool AutoApproved { get; init; }

        public TaskSubmission ToSubmission() => new()
        {
            Id = Id, JobId = JobId, ItemId = ItemId, ItemNumber = ItemNumber, Inputs = TaskInstructions.Read(Inputs), WorkerId = WorkerId,
            WorkerName = WorkerName, Answers = JsonSerializer.Deserialize<List<string?>>(Answers, StoredJson.Options) ?? [], Status = Status,
            Reason = Reason, SubmittedAt = SubmittedAt, ReviewedAt = ReviewedAt, AutoApproved = AutoApproved,
        };
    }

    /// <summary>An answer's columns, for a statement that reads <see cref="From"/>: "SELECT " + Columns + From + its WHERE.</summary>
    internal const string Columns = """
        s.id, s.job_id, s.item_id, i.number AS item_number, i.inputs, s.worker_id, u.display_name AS worker_name, s.answers,
               s.status, s.reason, s.submitted_at, s.reviewed_at, s.auto_approved
        """;

    internal const string From = """
         FROM task_submissions s JOIN task_items i ON i.id = s.item_id JOIN users u ON u.id = s.worker_id
        """;

    internal const string ByIdSql = "SELECT " + Columns + From + " WHERE s.id = @Id";

    public static async Task<TaskSubmission> ReadAsync(DbSession db, string id) =>
        (await db.QuerySingleAsync<Row>(ByIdSql, new { Id = id })).ToSubmission();
}
