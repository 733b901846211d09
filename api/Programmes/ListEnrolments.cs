using MediatR;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary><c>GET /api/courses/{id}/enrolments</c>: who took a place in a course and who completed it, for its office.</summary>
public static class ListEnrolments
{
    public sealed record Query(string CourseId) : IRequest<IReadOnlyList<Enrolment>>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<Enrolment>>
    {
        public async Task<IReadOnlyList<Enrolment>> Handle(Query query, CancellationToken ct)
        {
            await CompleteCourse.RequireOfficeOfCourseAsync(db, caller, query.CourseId, "read a course's enrolments");
            return await db.QueryAsync<Enrolment>(
                """
                SELECT e.course_id, e.worker_id, u.display_name AS worker_name, e.enrolled_at, e.completed_at
                FROM course_enrolments e JOIN users u ON u.id = e.worker_id WHERE e.course_id = @CourseId ORDER BY e.enrolled_at, e.worker_id
                """, new { query.CourseId });
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapGet("/courses/{id}/enrolments", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("ListEnrolments").ProducesProblem(403).ProducesProblem(404);
}
