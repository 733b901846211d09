using MediatR;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// <c>GET /api/programmes/{id}/courses</c>: the programme's courses, for its office, administrators and its registered
/// members (who see their own enrolment); 404 for anyone else.
/// </summary>
public static class ListCourses
{
    public sealed record Query(string ProgrammeId) : IRequest<IReadOnlyList<Course>>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<Course>>
    {
        public async Task<IReadOnlyList<Course>> Handle(Query query, CancellationToken ct)
        {
            if (caller.Role == Role.Worker)
            {
                if (await db.ExecuteScalarAsync<long>(
                        "SELECT COUNT(*) FROM programme_members m WHERE m.programme_id = @ProgrammeId AND m.worker_id = @Me AND m.status = 'approved'",
                        new { query.ProgrammeId, Me = caller.Id }) == 0)
                    throw new NotFoundException("No such programme's courses.");
                return Newest(await db.QueryAsync<Course>(
                    $"""
                    SELECT {Courses.Columns},
                           CASE WHEN EXISTS (SELECT 1 FROM course_enrolments e WHERE e.course_id = c.id AND e.worker_id = @Me) THEN 1 ELSE 0 END AS my_enrolment,
                           CASE WHEN EXISTS (SELECT 1 FROM course_enrolments e WHERE e.course_id = c.id AND e.worker_id = @Me AND e.completed_at IS NOT NULL)
                                THEN 1 ELSE 0 END AS my_completion
                    FROM {Courses.From} WHERE c.programme_id = @ProgrammeId
                    """, new { query.ProgrammeId, Me = caller.Id }));
            }
            await ProgrammeOffice.RequireAsync(db, caller, query.ProgrammeId, "read the courses");
            return Newest(await db.QueryAsync<Course>($"SELECT {Courses.Columns} FROM {Courses.From} WHERE c.programme_id = @ProgrammeId",
                new { query.ProgrammeId }));
        }

        // A programme runs a few courses a year: they are read whole and ordered here.
        private static IReadOnlyList<Course> Newest(IEnumerable<Course> courses) => courses.OrderByDescending(c => c.Id, StringComparer.Ordinal).ToList();
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapGet("/programmes/{id}/courses", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("ListCourses").ProducesProblem(403).ProducesProblem(404);
}
