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
            // A course's participants are at most its capacity: read whole, ordered here.
            return (await db.QueryAsync<Enrolment>(
                """
                SELECT e.course_id, e.worker_id, u.display_name AS worker_name, e.enrolled_at, e.completed_at
                FROM course_enrolments e JOIN users u ON u.id = e.worker_id WHERE e.course_id = @CourseId
                """, new { query.CourseId }))
                .OrderBy(e => e.EnrolledAt).ThenBy(e => e.WorkerId, StringComparer.Ordinal).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapGet("/courses/{id}/enrolments", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("ListEnrolments").ProducesProblem(403).ProducesProblem(404);
}
