namespace Marketplace.Conversations;

/// <summary>A question before bidding, and the job's answer to it.</summary>
public sealed record Question
{
    public required string Id { get; init; }
    public required string JobId { get; init; }
    public required string Body { get; init; }
    /// <summary>The asker's name: shown to the job's business and producers and to the asker; hidden (null) from other workers.</summary>
    public string? AskerName { get; init; }
    /// <summary>The caller asked it.</summary>
    public required bool Mine { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string? Answer { get; init; }
    /// <summary>Shown to every worker who can see the job; otherwise only the asker reads the answer.</summary>
    public bool? AnswerPublic { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
}

internal sealed class QuestionRow
{
    public string Id { get; init; } = "";
    public string JobId { get; init; } = "";
    public string AskerId { get; init; } = "";
    public string AskerName { get; init; } = "";
    public string Body { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string? Answer { get; init; }
    public bool? AnswerPublic { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }

    public Question For(string callerId, bool runsJob) => new()
    {
        Id = Id, JobId = JobId, Body = Body, Mine = AskerId == callerId, AskerName = runsJob || AskerId == callerId ? AskerName : null,
        CreatedAt = CreatedAt, Answer = Answer, AnswerPublic = AnswerPublic, AnsweredAt = AnsweredAt,
    };
}

/// <summary>Who may see and run a job, for the questions on it.</summary>
internal sealed class JobAccess
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public string Status { get; init; } = "";
    public string BusinessId { get; init; } = "";
    public string? ProducerId { get; init; }
    /// <summary>The caller is the job's business, or a producer acting for it with the right to post jobs.</summary>
    public bool RunsJob { get; init; }

    /// <summary>
    /// The job as the caller may see it (job_viewers, GetJob's rule: a members-only job is a 404 to other businesses), with
    /// whether the caller runs it; null when the caller may not see it.
    /// </summary>
    public static Task<JobAccess?> ForAsync(Platform.DbSession db, string jobId, string me) =>
        db.QuerySingleOrDefaultAsync<JobAccess>(
            """
            SELECT j.id, j.title, j.status, j.business_id, j.producer_id,
                   CASE WHEN j.business_id = @Me OR EXISTS (SELECT 1 FROM producer_clients pc
                        WHERE pc.business_id = j.business_id AND pc.producer_id = @Me AND pc.can_post_jobs = TRUE) THEN 1 ELSE 0 END AS runs_job
            FROM jobs j
            WHERE j.id = @Id AND EXISTS (SELECT 1 FROM job_viewers v WHERE v.job_id = j.id AND v.user_id = @Me)
            """, new { Id = jobId, Me = me });
}
