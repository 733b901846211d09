using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>The identity documents an office accepts (the My Number card's front only: its back holds the number).</summary>
public enum DocumentType { DriversLicence, MyNumberCard, ResidenceCard }

/// <summary>pending → verified or rejected.</summary>
public enum IdentityCheckStatus { Pending, Verified, Rejected }

/// <summary>
/// An identity check as the worker and its deciders read it. While pending, the image is readable by its deciders only
/// (<c>GET /api/identity-checks/{id}/image</c>); once decided it is deleted, and what stays is who asked, who decided,
/// when, and the document's type (APPI art. 22 and the principle of data minimisation: docs/law.md).
/// </summary>
public sealed record IdentityCheck
{
    public required string Id { get; init; }
    public required string WorkerId { get; init; }
    public required string WorkerName { get; init; }
    public required DocumentType DocumentType { get; init; }
    public required IdentityCheckStatus Status { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecidedByName { get; init; }
    public string? Note { get; init; }
    /// <summary>Whether the image is still kept (only while pending).</summary>
    public required bool HasImage { get; init; }
}

public static class IdentityChecks
{
    internal const string Columns = """
        i.id, i.worker_id, w.display_name AS worker_name, i.document_type, i.status, i.requested_at, i.decided_at,
        d.display_name AS decided_by_name, i.note, CASE WHEN i.file_id IS NULL THEN 0 ELSE 1 END AS has_image
        """;

    internal const string From = "identity_checks i JOIN users w ON w.id = i.worker_id LEFT JOIN users d ON d.id = i.decided_by";

    /// <summary>
    /// Who decides a worker's check: the office of a programme the worker is a live member of (asked to join, or
    /// registered), or, for a worker of no programme, an administrator. Anyone else: the check does not exist (404).
    /// </summary>
    internal const string DecidableSql = """
        SELECT COUNT(*) FROM identity_checks i
        WHERE i.id = @Id AND (
            EXISTS (SELECT 1 FROM programme_members m JOIN programme_staff s ON s.programme_id = m.programme_id
                    WHERE m.worker_id = i.worker_id AND m.status IN ('pending', 'approved') AND s.user_id = @Me)
         OR (@Administrator = 1 AND NOT EXISTS (SELECT 1 FROM programme_members m WHERE m.worker_id = i.worker_id AND m.status IN ('pending', 'approved'))))
        """;

    /// <summary>404 unless the caller (office or administrator, with two-step sign-in) decides this check.</summary>
    internal static async Task RequireDeciderAsync(DbSession db, Caller caller, string checkId, string what)
    {
        if (caller.Role is not (Role.Office or Role.Administrator))
            throw new ForbiddenException($"Only an office or an administrator may {what}.");
        await caller.RequireStaffAsync(db, what);
        if (await db.ExecuteScalarAsync<long>(DecidableSql,
                new { Id = checkId, Me = caller.Id, Administrator = caller.Role == Role.Administrator ? 1 : 0 }) == 0)
            throw new NotFoundException("No such identity check.");
    }
}
