using MediatR;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// <c>POST /api/courses/{id}/enrol</c>: a registered member of the course's programme takes a place. The capacity is
/// decided in the INSERT itself, so two members racing for the last place do not both get it.
/// </summary>
public static class EnrolInCourse
{
    public sealed record Command(string Id) : ICommand<Course>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Course>
    {
        public async Task<Course> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Worker, "enrol in a course");
            if (await db.ExecuteScalarAsync<long>(
                    """
                    SELECT COUNT(*) FROM courses c JOIN programme_members m ON m.programme_id = c.programme_id
                    WHERE c.id = @Id AND m.worker_id = @Me AND m.status = 'approved'
                    """, new { command.Id, Me = caller.Id }) == 0)
                throw new NotFoundException("No such course.");
            int inserted;
            try
            {
                inserted = await db.ExecuteAsync(
                    """
                    INSERT INTO course_enrolments (course_id, worker_id, enrolled_at)
                    SELECT c.id, @Me, @Now FROM courses c
                    WHERE c.id = @Id AND (SELECT COUNT(*) FROM course_enrolments e WHERE e.course_id = c.id) < c.capacity
                      AND NOT EXISTS (SELECT 1 FROM course_enrolments e WHERE e.course_id = c.id AND e.worker_id = @Me)
                    """, new { command.Id, Me = caller.Id, Now = clock.GetUtcNow() });
            }
            catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
            {
                throw new ConflictException("You are enrolled in this course already.", ConflictCode.AlreadyEnrolled);
            }
            if (inserted == 0)
            {
                if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM course_enrolments e WHERE e.course_id = @Id AND e.worker_id = @Me",
                        new { command.Id, Me = caller.Id }) > 0)
                    throw new ConflictException("You are enrolled in this course already.", ConflictCode.AlreadyEnrolled);
                throw new ConflictException("The course is full.", ConflictCode.CourseFull);
            }
            return await db.QuerySingleAsync<Course>($"SELECT {Courses.Columns} FROM {Courses.From} WHERE c.id = @Id", new { command.Id });
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapPost("/courses/{id}/enrol", (string id, IMediator mediator) => mediator.Send(new Command(id)))
            .WithName("EnrolInCourse").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
