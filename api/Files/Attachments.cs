using FluentValidation;
using FluentValidation.Results;
using Marketplace.Platform;

namespace Marketplace.Files;

/// <summary>What a file can be attached to: each has its own column of <c>files</c>.</summary>
public enum AttachTo
{
    Job, Message, Submission, Revision, Statement, Entry,
    /// <summary>A team task's files that its director or leader shares with the member (<c>files.task_id</c>).</summary>
    Task,
    /// <summary>A member's delivery of a team task: the <c>submitted</c> step that carried the files (<c>files.task_step_id</c>).</summary>
    TaskDelivery,
    /// <summary>A message of a team's own thread (<c>files.team_message_id</c>).</summary>
    TeamMessage,
    /// <summary>A task job's file answer (<c>files.task_submission_id</c>).</summary>
    TaskAnswer,
}

/// <summary>
/// The one way a file is attached to a job, a message, a submission, a revision request, a dispute statement, a
/// worker's portfolio, a team task, a task's delivery or a team's message: the caller's own files that
/// nothing names yet, in one conditional UPDATE, so that two requests racing to attach one file cannot both win.
/// </summary>
public static class Attachments
{
    public const int MaxPerObject = 10;

    /// <summary>The rule every request with <c>fileIds</c> shares: at most 10 ids, each a short plain text.</summary>
    public static void FileIdsRule<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, IEnumerable<string>?>> fileIds)
    {
        validator.RuleFor(fileIds).MaxItems(MaxPerObject, "tooManyFiles", $"At most {MaxPerObject} files.");
        validator.RuleForEach(fileIds!).NotEmpty().PlainText().MaximumLength(64);
    }

    internal const string AttachSql = """
        UPDATE files SET job_id = @JobId, message_id = @MessageId, submission_id = @SubmissionId, revision_id = @RevisionId,
                         statement_id = @StatementId, entry_id = @EntryId, task_id = @TaskId, task_step_id = @TaskStepId,
                         team_message_id = @TeamMessageId, task_submission_id = @TaskSubmissionId, "public" = FALSE
        WHERE id IN @Ids AND owner_id = @Me
          AND job_id IS NULL AND message_id IS NULL AND submission_id IS NULL AND revision_id IS NULL
          AND statement_id IS NULL AND portfolio_of IS NULL AND entry_id IS NULL
          AND task_id IS NULL AND task_step_id IS NULL AND team_message_id IS NULL AND task_submission_id IS NULL
        """;

    /// <summary>Attaches the caller's unattached files; any other id (another's file, an attached one, none) is a 400 on <c>fileIds</c>.</summary>
    public static async Task AttachAsync(DbSession db, string callerId, IReadOnlyList<string>? fileIds, AttachTo target, string targetId)
    {
        var ids = (fileIds ?? []).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0) return;
        // The target's column gets its id and the others stay null, as the WHERE found them.
        var attached = await db.ExecuteAsync(AttachSql, new
        {
            JobId = target == AttachTo.Job ? targetId : null,
            MessageId = target == AttachTo.Message ? targetId : null,
            SubmissionId = target == AttachTo.Submission ? targetId : null,
            RevisionId = target == AttachTo.Revision ? targetId : null,
            StatementId = target == AttachTo.Statement ? targetId : null,
            EntryId = target == AttachTo.Entry ? targetId : null,
            TaskId = target == AttachTo.Task ? targetId : null,
            TaskStepId = target == AttachTo.TaskDelivery ? targetId : null,
            TeamMessageId = target == AttachTo.TeamMessage ? targetId : null,
            TaskSubmissionId = target == AttachTo.TaskAnswer ? targetId : null,
            Ids = ids, Me = callerId,
        });
        if (attached != ids.Length)
            throw new ValidationException([new ValidationFailure("fileIds",
                "Each file must be one you uploaded that is not attached to anything yet.") { ErrorCode = "fileNotAttachable" }]);
    }

    /// <summary>
    /// Which of a job's files visitors may download: exactly <paramref name="publicIds"/>, each of which must be attached
    /// to the job (else a 400 on <c>publicFileIds</c>). Null leaves the choice as it is.
    /// </summary>
    public static async Task ChoosePublicAsync(DbSession db, string jobId, IReadOnlyList<string>? publicIds)
    {
        if (publicIds is null) return;
        var ids = publicIds.Distinct(StringComparer.Ordinal).ToArray();
        var onJob = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM files f WHERE f.job_id = @JobId AND f.id IN @Ids", new { JobId = jobId, Ids = ids });
        if (onJob != ids.Length)
            throw new ValidationException([new ValidationFailure("publicFileIds",
                "Each public file must be one of the job's files.") { ErrorCode = "fileNotOnJob" }]);
        await db.ExecuteAsync("UPDATE files SET \"public\" = CASE WHEN id IN @Ids THEN TRUE ELSE FALSE END WHERE job_id = @JobId",
            new { JobId = jobId, Ids = ids });
    }

    /// <summary>
    /// A worker's portfolio becomes exactly <paramref name="fileIds"/> (null leaves it as it is): each must be the worker's
    /// own file, unattached or in the portfolio already (else a 400 on <c>portfolioFileIds</c>). A file taken out goes back
    /// to being unattached, and the sweep deletes it a day after its upload, as any upload nothing names.
    /// </summary>
    public static async Task ChoosePortfolioAsync(DbSession db, string workerId, IReadOnlyList<string>? fileIds)
    {
        if (fileIds is null) return;
        var ids = fileIds.Distinct(StringComparer.Ordinal).ToArray();
        await db.ExecuteAsync("UPDATE files SET portfolio_of = NULL WHERE portfolio_of = @Me AND id NOT IN @Ids", new { Me = workerId, Ids = ids });
        if (ids.Length == 0) return;
        var chosen = await db.ExecuteAsync(
            """
            UPDATE files SET portfolio_of = @Me, "public" = FALSE
            WHERE id IN @Ids AND owner_id = @Me
              AND job_id IS NULL AND message_id IS NULL AND submission_id IS NULL AND revision_id IS NULL AND statement_id IS NULL
              AND entry_id IS NULL AND task_id IS NULL AND task_step_id IS NULL AND team_message_id IS NULL
              AND entry_id IS NULL AND task_submission_id IS NULL
            """, new { Me = workerId, Ids = ids });
        if (chosen != ids.Length)
            throw new ValidationException([new ValidationFailure("portfolioFileIds",
                "Each file must be one you uploaded that is not attached to anything else.") { ErrorCode = "fileNotAttachable" }]);
    }

    /// <summary>The files of each worker's portfolio, oldest first.</summary>
    public static async Task<ILookup<string, StoredFile>> PortfolioOfAsync(DbSession db, IReadOnlyCollection<string> workerIds)
    {
        if (workerIds.Count == 0) return Array.Empty<StoredFile>().ToLookup(_ => "");
        var rows = await db.QueryAsync<AttachedFileRow>(OfPortfolioSql, new { Ids = workerIds.ToArray() });
        return rows.OrderBy(r => r.Id, StringComparer.Ordinal).ToLookup(r => r.OwnerId, r => r.ToFile(false));
    }

    // The files of each kind of object, each read on its own partial index (ix_files_job, ix_files_message...). The column
    // "public" is quoted: PUBLIC is a reserved word of T-SQL.
    internal const string OfJobsSql =
        "SELECT f.id, f.name, f.size, f.content_type, f.sha256, f.created_at, f.\"public\", f.job_id AS owner_id FROM files f WHERE f.job_id IN @Ids";
    internal const string OfMessagesSql =
        "SELECT f.id, f.name, f.size, f.content_type, f.sha256, f.created_at, f.\"public\", f.message_id AS owner_id FROM files f WHERE f.message_id IN @Ids";
    internal const string OfSubmissionsSql =
        "SELECT f.id, f.name, f.size, f.content_type, f.sha256, f.created_at, f.\"public\", f.submission_id AS owner_id FROM files f WHERE f.submission_id IN @Ids";
    internal const string OfRevisionsSql =
        "SELECT f.id, f.name, f.size, f.content_type, f.sha256, f.created_at, f.\"public\", f.revision_id AS owner_id FROM files f WHERE f.revision_id IN @Ids";
    internal const string OfStatementsSql =
        "SELECT f.id, f.name, f.size, f.content_type, f.sha256, f.created_at, f.\"public\", f.statement_id AS owner_id FROM files f WHERE f.statement_id IN @Ids";
    internal const string OfEntriesSql =
        "SELECT f.id, f.name, f.size, f.content_type, f.sha256, f.created_at, f.\"public\", f.entry_id AS owner_id FROM files f WHERE f.entry_id IN @Ids";
    internal const string OfTasksSql =
        "SELECT f.id, f.name, f.size, f.content_type, f.sha256, f.created_at, f.\"public\", f.task_id AS owner_id FROM files f WHERE f.task_id IN @Ids";
    internal const string OfTaskDeliveriesSql =
        "SELECT f.id, f.name, f.size, f.content_type, f.sha256, f.created_at, f.\"public\", f.task_step_id AS owner_id FROM files f WHERE f.task_step_id IN @Ids";
    internal const string OfTeamMessagesSql =
        "SELECT f.id, f.name, f.size, f.content_type, f.sha256, f.created_at, f.\"public\", f.team_message_id AS owner_id FROM files f WHERE f.team_message_id IN @Ids";
    internal const string OfPortfolioSql =
        "SELECT f.id, f.name, f.size, f.content_type, f.sha256, f.created_at, f.\"public\", f.portfolio_of AS owner_id FROM files f WHERE f.portfolio_of IN @Ids";

    /// <summary>The files attached to each of the given objects, oldest first within each.</summary>
    public static async Task<ILookup<string, StoredFile>> OfAsync(DbSession db, AttachTo target, IReadOnlyCollection<string> ownerIds)
    {
        if (ownerIds.Count == 0) return Array.Empty<StoredFile>().ToLookup(_ => "");
        var sql = target switch
        {
            AttachTo.Job => OfJobsSql,
            AttachTo.Message => OfMessagesSql,
            AttachTo.Submission => OfSubmissionsSql,
            AttachTo.Revision => OfRevisionsSql,
            AttachTo.Statement => OfStatementsSql,
            AttachTo.Entry => OfEntriesSql,
            AttachTo.Task => OfTasksSql,
            AttachTo.TaskDelivery => OfTaskDeliveriesSql,
            AttachTo.TeamMessage => OfTeamMessagesSql,
            _ => throw new ArgumentOutOfRangeException(nameof(target)),
        };
        var rows = await db.QueryAsync<AttachedFileRow>(sql, new { Ids = ownerIds.ToArray() });
        return rows.OrderBy(r => r.Id, StringComparer.Ordinal).ToLookup(r => r.OwnerId, r => r.ToFile(target == AttachTo.Job));
    }
}
