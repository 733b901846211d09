using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Events;
using Marketplace.Files;
using Marketplace.Platform;

namespace Marketplace.TaskJobs;

/// <summary>
/// <c>POST /api/task-items/{id}/submission</c> {answers}: the worker who holds an item submits its answer, one value per
/// field in the fields' order (a text within its length, one of a choice's options, the id of a file the worker
/// uploaded). Only while the item is the worker's and its time has not run out (409 taskItemNotHeld otherwise: the item
/// went back to the pool). The business reviews it next.
/// </summary>
public static class SubmitTaskItem
{
    public sealed record Command : ICommand<TaskSubmission>
    {
        [JsonIgnore] public string ItemId { get; init; } = "";
        public IReadOnlyList<string?> Answers { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Answers).MaxItems(TaskJobRules.MaxFields, "tooManyAnswers", $"At most {TaskJobRules.MaxFields} answers.");
            RuleForEach(c => c.Answers).PlainMultilineText().MaximumLength(TaskJobRules.TextAnswerMax);
        }
    }

    private sealed class Item
    {
        public string JobId { get; init; } = "";
        public string Fields { get; init; } = "";
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, TaskSubmission>
    {
        public async Task<TaskSubmission> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var item = await db.QuerySingleOrDefaultAsync<Item>(
                "SELECT i.job_id, t.fields FROM task_items i JOIN task_jobs t ON t.job_id = i.job_id WHERE i.id = @Id AND i.worker_id = @Me",
                new { Id = command.ItemId, Me = caller.Id }) ?? throw new NotFoundException("No such item of yours.");
            var fields = TaskField.Read(item.Fields);
            var answers = await CheckAsync(fields, command.Answers);
            var held = await db.ExecuteAsync(
                "UPDATE task_items SET status = 'submitted' WHERE id = @Id AND worker_id = @Me AND status = 'taken' AND due_at > @Now",
                new { Id = command.ItemId, Me = caller.Id, Now = now });
            if (held == 0)
                throw new ConflictException($"The item is no longer yours: its {TaskJobRules.MinutesToSubmit} minutes ran out or it was submitted.",
                    ConflictCode.TaskItemNotHeld);
            var id = TimeOrderedId.New();
            await db.ExecuteAsync(
                """
                INSERT INTO task_submissions (id, item_id, job_id, worker_id, answers, status, submitted_at, auto_approved)
                VALUES (@Id, @ItemId, @JobId, @Me, @Answers, 'submitted', @Now, FALSE)
                """,
                new { Id = id, command.ItemId, item.JobId, Me = caller.Id, Answers = JsonSerializer.Serialize(answers, StoredJson.Options), Now = now });
            // A file answer is attached to the answer: kept from the sweep, and readable by the job's business, its producers
            // and administrators (file_audience).
            await Attachments.AttachAsync(db, caller.Id,
                fields.Select((f, i) => (f, i)).Where(x => x.f.Kind == TaskFieldKind.File).Select(x => answers[x.i]!).ToList(), AttachTo.TaskAnswer, id);
            EventFeed.Record(db, EventTypes.TaskItemSubmitted, now, ("jobId", item.JobId), ("taskItemId", command.ItemId), ("workerId", caller.Id));
            return await TaskSubmissions.ReadAsync(db, id);
        }

        /// <summary>One answer per field, each as its field asks; a file is one the worker uploaded that nothing names yet.</summary>
        private async Task<IReadOnlyList<string?>> CheckAsync(IReadOnlyList<TaskField> fields, IReadOnlyList<string?> given)
        {
            var failures = new List<ValidationFailure>();
            if (given.Count != fields.Count)
                throw new ValidationException([new ValidationFailure("answers", $"Give {fields.Count} answers, one per field.") { ErrorCode = "answerCount" }]);
            var answers = given.Select(a => string.IsNullOrWhiteSpace(a) ? null : a.Trim()).ToList();
            for (var i = 0; i < fields.Count; i++)
            {
                var (field, answer) = (fields[i], answers[i]);
                var name = $"answers[{i}]";
                if (answer is null) failures.Add(new ValidationFailure(name, $"{field.Label}: an answer is required.") { ErrorCode = "required" });
                else if (field.Kind == TaskFieldKind.Text && answer.Length > field.MaxLength)
                    failures.Add(new ValidationFailure(name, $"{field.Label}: at most {field.MaxLength} characters.") { ErrorCode = "tooLong" });
                else if (field.Kind == TaskFieldKind.Choice && !(field.Options ?? []).Contains(answer))
                    failures.Add(new ValidationFailure(name, $"{field.Label}: choose one of the options.") { ErrorCode = "notAnOption" });
                else if (field.Kind == TaskFieldKind.File && await db.ExecuteScalarAsync<long>(
                             """
                             SELECT COUNT(*) FROM files f WHERE f.id = @Id AND f.owner_id = @Me
                               AND f.job_id IS NULL AND f.message_id IS NULL AND f.submission_id IS NULL AND f.revision_id IS NULL
                               AND f.statement_id IS NULL AND f.portfolio_of IS NULL AND f.entry_id IS NULL AND f.task_submission_id IS NULL
                             """, new { Id = answer, Me = caller.Id }) == 0)
                    failures.Add(new ValidationFailure(name, $"{field.Label}: a file you uploaded that no other answer or message names.") { ErrorCode = "fileNotUsable" });
            }
            if (failures.Count > 0) throw new ValidationException(failures);
            return answers;
        }
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/task-items/{id}/submission", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/task-items/{id}/submission", await mediator.Send(command with { ItemId = id })))
            .RequireScope(TokenScope.BidsWrite).WithName("SubmitTaskItem").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
}
