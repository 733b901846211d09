using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>A town's programme (立科町社会福祉型テレワーク, Job-Hub…): the municipalities it serves and who runs it.</summary>
public sealed record Programme
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>The prefecture the programme's town is in (長野県): the figures count businesses inside and outside it.</summary>
    public required string Prefecture { get; init; }
    public required IReadOnlyList<string> Municipalities { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>The caller's own membership, when the caller is a worker who asked to join (its latest row).</summary>
    public Member? Membership { get; init; }
}

/// <summary>pending (asked to join) → approved (registered) → withdrawn; a withdrawn worker may join again (a new row).</summary>
public enum MemberStatus { Pending, Approved, Withdrawn }

/// <summary>Why a member left, from the list towns report (就職, 転居, 高齢, 多忙, 体調, その他).</summary>
public enum WithdrawalReason { Job, Moved, Age, Busy, Health, Other }

/// <summary>One joining of a worker to a programme, as its office and the worker read it.</summary>
public sealed record Member
{
    public required string Id { get; init; }
    public required string ProgrammeId { get; init; }
    public required string WorkerId { get; init; }
    public required string WorkerName { get; init; }
    public required string Municipality { get; init; }
    public required MemberStatus Status { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }
    public DateTimeOffset? WithdrawnAt { get; init; }
    public WithdrawalReason? WithdrawalReason { get; init; }
    public string? WithdrawalNote { get; init; }
    /// <summary>Whether an office or an administrator verified the worker's identity (本人確認済み).</summary>
    public required bool Verified { get; init; }
    /// <summary>The badges the worker holds (course completions), by name.</summary>
    public IReadOnlyList<string> Badges { get; init; } = [];
}

/// <summary>
/// Which programmes a caller may act on as their office: office staff their own programme only, administrators any.
/// Every programme route asks here; to anyone else a programme's members, figures and documents do not exist (404).
/// </summary>
public static class ProgrammeOffice
{
    /// <summary>
    /// Office staff of <paramref name="programmeId"/> (with two-step sign-in) or an administrator (likewise); 404 for
    /// another programme's office, 403 for everyone else (a worker, a business, a producer).
    /// </summary>
    public static async Task RequireAsync(DbSession db, Caller caller, string programmeId, string what)
    {
        if (caller.Role is not (Role.Office or Role.Administrator))
            throw new ForbiddenException($"Only the programme's office or an administrator may {what}.");
        await caller.RequireStaffAsync(db, what);
        var visible = caller.Role == Role.Administrator
            ? await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM programmes p WHERE p.id = @Id", new { Id = programmeId })
            : await db.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM programme_staff s WHERE s.programme_id = @Id AND s.user_id = @Me", new { Id = programmeId, Me = caller.Id });
        if (visible == 0) throw new NotFoundException("No such programme.");
    }

    /// <summary>The programme office staff works for (an office account belongs to one); null for anyone else.</summary>
    public static Task<string?> OfAsync(DbSession db, Caller caller) =>
        caller.Role == Role.Office
            ? db.ExecuteScalarAsync<string?>("SELECT s.programme_id FROM programme_staff s WHERE s.user_id = @Me", new { Me = caller.Id })
            : Task.FromResult<string?>(null);

    /// <summary>
    /// For an action on one member (a membership row): its programme, after <see cref="RequireAsync"/> on it; a member
    /// of another programme is a 404 to an office.
    /// </summary>
    public static async Task<string> RequireForMemberAsync(DbSession db, Caller caller, string memberId, string what)
    {
        var programmeId = await db.ExecuteScalarAsync<string?>("SELECT m.programme_id FROM programme_members m WHERE m.id = @Id", new { Id = memberId })
            ?? throw new NotFoundException("No such member.");
        try
        {
            await RequireAsync(db, caller, programmeId, what);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException("No such member.");
        }
        return programmeId;
    }

    /// <summary>The member list's columns (programme_members with the worker's name, verification and badges apart).</summary>
    internal const string MemberColumns = """
        m.id, m.programme_id, m.worker_id, u.display_name AS worker_name, m.municipality, m.status, m.requested_at, m.approved_at,
        m.withdrawn_at, m.withdrawal_reason, m.withdrawal_note,
        CASE WHEN EXISTS (SELECT 1 FROM identity_checks i WHERE i.worker_id = m.worker_id AND i.status = 'verified') THEN 1 ELSE 0 END AS verified
        """;

    internal static async Task<List<Member>> WithBadgesAsync(DbSession db, IReadOnlyList<Member> members)
    {
        if (members.Count == 0) return [];
        var badges = (await db.QueryAsync<(string WorkerId, string Name)>(
                "SELECT wb.worker_id, b.name FROM worker_badges wb JOIN badges b ON b.id = wb.badge_id WHERE wb.worker_id IN @Ids",
                new { Ids = members.Select(m => m.WorkerId).Distinct().ToArray() }))
            .OrderBy(b => b.Name, StringComparer.Ordinal).ToLookup(b => b.WorkerId, b => b.Name);
        return members.Select(m => m with { Badges = badges[m.WorkerId].ToList() }).ToList();
    }
}
