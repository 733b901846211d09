using Marketplace.Invoices;
using Marketplace.Platform;

namespace Marketplace.Workers;

/// <summary>What a home worker tells clients about itself, with the reputation its reviews built.</summary>
public sealed record WorkerProfile
{
    public required string WorkerId { get; init; }
    public required string DisplayName { get; init; }
    public required string Bio { get; init; }
    public required IReadOnlyList<string> Skills { get; init; }
    public required string Region { get; init; }
    /// <summary>Hours a week the worker can give (childcare, caregiving and farm seasons permitting).</summary>
    public required int WeeklyHours { get; init; }
    /// <summary>When the worker can work, in the worker's words (e.g. "平日 9:00–12:00").</summary>
    public required string Availability { get; init; }
    public double? Rating { get; init; }
    public required int ReviewCount { get; init; }
    public required int CompletedContracts { get; init; }
    /// <summary>
    /// Work the worker chose to show (<c>portfolioFileIds</c>), oldest first: images are previewed, other files listed.
    /// Everyone signed in may open them, as they may read the profile; visitors may not.
    /// </summary>
    public IReadOnlyList<Files.StoredFile> Portfolio { get; init; } = [];
    /// <summary>Paid as an individual (withholding tax may apply); shown only to the worker itself.</summary>
    public bool? IsIndividual { get; init; }
    /// <summary>The worker's qualified-invoice registration number (T + 13 digits); shown only to the worker itself.</summary>
    public string? InvoiceNumber { get; init; }
    /// <summary>The name its documents carry; shown only to the worker itself.</summary>
    public string? LegalName { get; init; }
    /// <summary>The address the payment record (支払調書) carries; shown only to the worker itself.</summary>
    public string? PostalAddress { get; init; }
    /// <summary>Whether a programme's office or an administrator verified the worker's identity (本人確認済み, issue 29).</summary>
    public bool Verified { get; init; }
    /// <summary>The badges the worker earned by completing a programme's courses (RPA研修修了…), by name.</summary>
    public IReadOnlyList<string> Badges { get; init; } = [];
    /// <summary>The programmes the worker is a registered member of (the programme's badge on the profile), by name.</summary>
    public IReadOnlyList<string> Programmes { get; init; } = [];
    /// <summary>Team work (issue 23): completed team contracts where the worker had approved tasks; shown on its profile page.</summary>
    public IReadOnlyList<Teams.TeamWork> TeamWork { get; init; } = [];

    internal sealed class Row
    {
        public string WorkerId { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string? Bio { get; init; }
        public string? Region { get; init; }
        public int? WeeklyHours { get; init; }
        public string? Availability { get; init; }
        public double? Rating { get; init; }
        public int ReviewCount { get; init; }
        public int CompletedContracts { get; init; }
        public long IsIndividual { get; init; }
    }

    /// <summary>
    /// Reads profiles from <c>worker_details</c> rows chosen by <paramref name="sql"/>, with their skills and their
    /// portfolios in one more query each; the tax status and the tax details (registration number, legal name, address) are shown to the worker
    /// itself only.
    /// </summary>
    internal static async Task<List<WorkerProfile>> ReadAsync(DbSession db, string sql, object args, string? viewer)
    {
        var rows = (await db.QueryAsync<Row>(sql, args));
        if (rows.Count == 0) return [];
        var own = viewer is not null && rows.Any(r => r.WorkerId == viewer) ? await TaxDetails.ReadAsync(db, viewer) : null;
        var portfolio = await Files.Attachments.PortfolioOfAsync(db, rows.Select(r => r.WorkerId).ToList());
        var skills = (await db.QueryAsync<(string WorkerId, string Skill)>(
                "SELECT worker_id, skill FROM worker_skills WHERE worker_id IN @Ids", new { Ids = rows.Select(r => r.WorkerId).ToArray() }))
            .OrderBy(s => s.Skill, StringComparer.Ordinal) // as SQLite's BINARY order did
            .ToLookup(s => s.WorkerId, s => s.Skill);
        var ids = rows.Select(r => r.WorkerId).ToArray();
        var verified = (await db.QueryAsync<string>("SELECT v.worker_id FROM verified_workers v WHERE v.worker_id IN @Ids", new { Ids = ids })).ToHashSet();
        var badges = (await db.QueryAsync<(string WorkerId, string Name)>(
                "SELECT wb.worker_id, b.name FROM worker_badges wb JOIN badges b ON b.id = wb.badge_id WHERE wb.worker_id IN @Ids", new { Ids = ids }))
            .OrderBy(b => b.Name, StringComparer.Ordinal).ToLookup(b => b.WorkerId, b => b.Name);
        var programmes = (await db.QueryAsync<(string WorkerId, string Name)>(
                """
                SELECT m.worker_id, p.name FROM programme_members m JOIN programmes p ON p.id = m.programme_id
                WHERE m.status = 'approved' AND m.worker_id IN @Ids
                """, new { Ids = ids }))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ToLookup(p => p.WorkerId, p => p.Name);
        return rows.Select(r => new WorkerProfile
        {
            WorkerId = r.WorkerId, DisplayName = r.DisplayName, Bio = r.Bio ?? "", Skills = skills[r.WorkerId].ToList(),
            Region = r.Region ?? "", WeeklyHours = r.WeeklyHours ?? 0, Availability = r.Availability ?? "",
            Rating = r.Rating, ReviewCount = r.ReviewCount, CompletedContracts = r.CompletedContracts,
            Portfolio = portfolio[r.WorkerId].ToList(),
            IsIndividual = r.WorkerId == viewer ? r.IsIndividual != 0 : null,
            InvoiceNumber = r.WorkerId == viewer ? own!.InvoiceNumber : null,
            LegalName = r.WorkerId == viewer ? own!.LegalName : null,
            PostalAddress = r.WorkerId == viewer ? own!.PostalAddress : null,
            Verified = verified.Contains(r.WorkerId), Badges = badges[r.WorkerId].ToList(),
            Programmes = programmes[r.WorkerId].ToList(),
        }).ToList();
    }
}
