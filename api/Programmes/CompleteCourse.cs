using FluentValidation;
using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// <c>POST /api/courses/{id}/completions</c> {workerId}: the office marks that an enrolled member completed the course;
/// the worker gains the course's badge, from the course's first day (Japan's calendar): a trial's office recorded a
/// completion of a course that started twelve days later, and the figures counted it. first_job_by fixes the end of the 90 days in which the worker's first contract
/// counts as "won within 90 days" in the figures.
/// </summary>
public static class CompleteCourse
{
    /// <summary>The window the training figures give a completer to win a first contract.</summary>
    public static readonly TimeSpan FirstJobWindow = TimeSpan.FromDays(90);

    public sealed record Command : ICommand<Enrolment>
    {
        [System.Text.Json.Serialization.JsonIgnore] public string CourseId { get; init; } = "";
        public string WorkerId { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.WorkerId).NotEmpty().PlainText().MaximumLength(64);
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Enrolment>
    {
        public async Task<Enrolment> Handle(Command command, CancellationToken ct)
        {
            await RequireOfficeOfCourseAsync(db, caller, command.CourseId, "record a completion");
            var now = clock.GetUtcNow();
            var completed = await db.ExecuteAsync(
                """
                UPDATE course_enrolments SET completed_at = @Now, first_job_by = @FirstJobBy
                WHERE course_id = @CourseId AND worker_id = @WorkerId AND completed_at IS NULL
                  AND EXISTS (SELECT 1 FROM courses c WHERE c.id = @CourseId AND c.starts_on <= @Today)
                """, new { command.CourseId, command.WorkerId, Now = now, FirstJobBy = now + FirstJobWindow, Today = JapanTime.DayOf(now) });
            if (completed == 0)
            {
                if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM course_enrolments e WHERE e.course_id = @CourseId AND e.worker_id = @WorkerId",
                        new { command.CourseId, command.WorkerId }) == 0)
                    throw new NotFoundException("The worker is not enrolled in this course.");
                if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM course_enrolments e WHERE e.course_id = @CourseId AND e.worker_id = @WorkerId AND e.completed_at IS NOT NULL",
                        new { command.CourseId, command.WorkerId }) > 0)
                    throw new ConflictException("The worker completed this course already.", ConflictCode.CourseCompleted);
                throw new ConflictException("The course has not started: a completion is recorded from its first day.", ConflictCode.CourseNotStarted);
            }
            await db.ExecuteAsync(
                """
                INSERT INTO worker_badges (worker_id, badge_id, course_id, granted_at)
                SELECT @WorkerId, c.badge_id, c.id, @Now FROM courses c
                WHERE c.id = @CourseId AND NOT EXISTS (SELECT 1 FROM worker_badges wb WHERE wb.worker_id = @WorkerId AND wb.badge_id = c.badge_id)
                """, new { command.CourseId, command.WorkerId, Now = now });
            var badge = await db.QuerySingleAsync<string>("SELECT b.name FROM courses c JOIN badges b ON b.id = c.badge_id WHERE c.id = @CourseId", new { command.CourseId });
            await Notify.ToAsync(db, command.WorkerId, NotificationKind.CourseCompleted, badge, $"course-completed:{command.CourseId}", now);
            return await db.QuerySingleAsync<Enrolment>(
                """
                SELECT e.course_id, e.worker_id, u.display_name AS worker_name, e.enrolled_at, e.completed_at
                FROM course_enrolments e JOIN users u ON u.id = e.worker_id WHERE e.course_id = @CourseId AND e.worker_id = @WorkerId
                """, new { command.CourseId, command.WorkerId });
        }
    }

    /// <summary>The course's programme's office (or an administrator); 404 for another programme's office.</summary>
    internal static async Task RequireOfficeOfCourseAsync(DbSession db, Caller caller, string courseId, string what)
    {
        var programmeId = await db.ExecuteScalarAsync<string?>("SELECT c.programme_id FROM courses c WHERE c.id = @Id", new { Id = courseId })
            ?? throw new NotFoundException("No such course.");
        try
        {
            await ProgrammeOffice.RequireAsync(db, caller, programmeId, what);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException("No such course.");
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapPost("/courses/{id}/completions", (string id, Command command, IMediator mediator) => mediator.Send(command with { CourseId = id }))
            .WithName("CompleteCourse").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
