namespace Marketplace.Programmes;

/// <summary>A course an office runs (RPA研修…): completing it grants its badge.</summary>
public sealed record Course
{
    public required string Id { get; init; }
    public required string ProgrammeId { get; init; }
    public required string Title { get; init; }
    public required string Skills { get; init; }
    public required DateOnly StartsOn { get; init; }
    public required DateOnly EndsOn { get; init; }
    public required int Capacity { get; init; }
    public required string BadgeId { get; init; }
    public required string BadgeName { get; init; }
    public required int Enrolled { get; init; }
    public required int Completed { get; init; }
    /// <summary>For a worker: whether it is enrolled, and whether it completed.</summary>
    public bool? MyEnrolment { get; init; }
    public bool? MyCompletion { get; init; }
}

/// <summary>A badge a course grants; businesses name one on a beginner job, and worker search filters by it.</summary>
public sealed record Badge
{
    public required string Id { get; init; }
    public required string ProgrammeId { get; init; }
    public required string ProgrammeName { get; init; }
    public required string Name { get; init; }
}

/// <summary>One worker's place in a course, as the office's course page lists it.</summary>
public sealed record Enrolment
{
    public required string CourseId { get; init; }
    public required string WorkerId { get; init; }
    public required string WorkerName { get; init; }
    public required DateTimeOffset EnrolledAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
}

internal static class Courses
{
    internal const string Columns = """
        c.id, c.programme_id, c.title, c.skills, c.starts_on, c.ends_on, c.capacity, c.badge_id, b.name AS badge_name,
        (SELECT COUNT(*) FROM course_enrolments e WHERE e.course_id = c.id) AS enrolled,
        (SELECT COUNT(*) FROM course_enrolments e WHERE e.course_id = c.id AND e.completed_at IS NOT NULL) AS completed
        """;

    internal const string From = "courses c JOIN badges b ON b.id = c.badge_id";
}
