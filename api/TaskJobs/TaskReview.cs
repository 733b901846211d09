using Marketplace.Events;
using Marketplace.Platform;

namespace Marketplace.TaskJobs;

/// <summary>
/// Reviewing an answer, as named steps that the business's approval and rejection, its bulk approval and the
/// automatic approval after the deadline each take. Each decides in one conditional UPDATE, so an answer is reviewed
/// once however many reviews race.
/// </summary>
internal static class TaskReview
{
    /// <summary>Who may review a job's answers: its business and the producers acting for it.</summary>
    internal const string RunsSql = """
        SELECT COUNT(*) FROM jobs j
        WHERE j.id = @JobId
          AND (j.business_id = @Me OR EXISTS (SELECT 1 FROM producer_clients pc WHERE pc.business_id = j.business_id AND pc.producer_id = @Me))
        """;

    internal sealed class Answer
    {
        public string Id { get; init; } = "";
        public string JobId { get; init; } = "";
        public string ItemId { get; init; } = "";
        public string WorkerId { get; init; } = "";
    }

    /// <summary>The answer, for a reviewer who runs its job; 404 for anyone else, as if it did not exist.</summary>
    internal static async Task<Answer> ForReviewerAsync(DbSession db, string submissionId, string reviewerId)
    {
        var answer = await db.QuerySingleOrDefaultAsync<Answer>(
            "SELECT s.id, s.job_id, s.item_id, s.worker_id FROM task_submissions s WHERE s.id = @Id", new { Id = submissionId });
        if (answer is null || await db.ExecuteScalarAsync<long>(RunsSql, new { answer.JobId, Me = reviewerId }) == 0)
            throw new NotFoundException("No such answer to review.");
        return answer;
    }

    /// <summary>Approves the answer if it still awaits review; the answer says whether this call approved it.</summary>
    public static async Task<bool> ApproveAsync(DbSession db, Answer answer, string? reviewerId, bool automatically, DateTimeOffset now)
    {
        var approved = await db.ExecuteAsync(
            """
            UPDATE task_submissions SET status = 'approved', reviewed_at = @Now, reviewed_by = @By, auto_approved = @Auto
            WHERE id = @Id AND status = 'submitted'
            """, new { answer.Id, Now = now, By = reviewerId, Auto = automatically });
        if (approved == 0) return false;
        await db.ExecuteAsync("UPDATE task_items SET status = 'approved' WHERE id = @Id AND status = 'submitted'", new { Id = answer.ItemId });
        EventFeed.Record(db, EventTypes.TaskItemApproved, now, ("jobId", answer.JobId), ("taskItemId", answer.ItemId), ("workerId", answer.WorkerId));
        return true;
    }

    /// <summary>
    /// Rejects the answer with a reason, within the worker's cap in the job: <see cref="TaskJobRules.RejectionCapFloor"/>
    /// items or <see cref="TaskJobRules.RejectionCapPercent"/>% of the worker's submitted items, whichever is higher
    /// (409 rejectionCapReached beyond it; 409 taskSubmissionReviewed when it was already reviewed). The item returns to
    /// the pool for another worker. The cap is counted in the UPDATE itself, so two racing rejections cannot pass it.
    /// </summary>
    public static async Task RejectAsync(DbSession db, Answer answer, string reviewerId, string reason, DateTimeOffset now)
    {
        var rejected = await db.ExecuteAsync(
            """
            UPDATE task_submissions SET status = 'rejected', reason = @Reason, reviewed_at = @Now, reviewed_by = @By
            WHERE id = @Id AND status = 'submitted'
              AND ((SELECT COUNT(*) FROM task_submissions r WHERE r.job_id = @JobId AND r.worker_id = @WorkerId AND r.status = 'rejected') + 1 <= @Floor
                OR ((SELECT COUNT(*) FROM task_submissions r WHERE r.job_id = @JobId AND r.worker_id = @WorkerId AND r.status = 'rejected') + 1) * 100
                   <= (SELECT COUNT(*) FROM task_submissions n WHERE n.job_id = @JobId AND n.worker_id = @WorkerId) * @Percent)
            """,
            new { answer.Id, answer.JobId, answer.WorkerId, Reason = reason, Now = now, By = reviewerId,
                  Floor = TaskJobRules.RejectionCapFloor, Percent = TaskJobRules.RejectionCapPercent });
        if (rejected == 0)
        {
            var status = await db.QuerySingleAsync<string>("SELECT status FROM task_submissions WHERE id = @Id", new { answer.Id });
            if (status != "submitted") throw new ConflictException("The answer was already reviewed.", ConflictCode.TaskSubmissionReviewed);
            throw new ConflictException(
                $"This worker's rejections in the job reached the cap: {TaskJobRules.RejectionCapFloor} items or {TaskJobRules.RejectionCapPercent}% "
                + "of the items submitted, whichever is higher. Approve the answer, or ask the worker through a message.", ConflictCode.RejectionCapReached);
        }
        await db.ExecuteAsync(
            "UPDATE task_items SET status = 'open', worker_id = NULL, taken_at = NULL, due_at = NULL WHERE id = @Id AND status = 'submitted'",
            new { Id = answer.ItemId });
        EventFeed.Record(db, EventTypes.TaskItemRejected, now, ("jobId", answer.JobId), ("taskItemId", answer.ItemId), ("workerId", answer.WorkerId));
    }
}
