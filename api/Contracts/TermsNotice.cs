using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>One version of a contract's terms notice, with the versions there are and the contract's live dates.</summary>
public sealed record TermsNotice
{
    public required string ContractId { get; init; }
    public required TermsOfOrder Terms { get; init; }
    public required int LatestVersion { get; init; }
    public required IReadOnlyList<TermsVersion> Versions { get; init; }
    /// <summary>
    /// The dates the terms' rules give once work is delivered (not part of the immutable version): when inspection
    /// ends, the latest payment date the law allows, and once closed, the date the worker is paid by.
    /// </summary>
    public required TermsSchedule Schedule { get; init; }

    /// <summary>A contract's versions, oldest first, on the primary key (contract_id, version).</summary>
    internal const string VersionsSql = """
        SELECT t.version, t.terms FROM contract_terms t WHERE t.contract_id = @Id ORDER BY t.version
        """;

    private sealed class VersionRow
    {
        public int Version { get; init; }
        public string Terms { get; init; } = "";
    }

    /// <summary>
    /// The notice of <paramref name="contract"/> (which the caller was found a party of) in <paramref name="version"/>,
    /// or in its latest version when null; a version the contract does not have is a 404.
    /// </summary>
    internal static async Task<TermsNotice> ReadAsync(DbSession db, Contract contract, int? version)
    {
        var versions = (await db.QueryAsync<VersionRow>(VersionsSql, new { contract.Id }))
            .Select(v => Contracts.Terms.Read(v.Terms)!).ToList();
        if (versions.Count == 0) throw new NotFoundException("This contract predates terms notices and has none.");
        var shown = version is { } wanted
            ? versions.FirstOrDefault(v => v.Version == wanted) ?? throw new NotFoundException($"The contract has no terms version {wanted}.")
            : versions[^1];
        var milestones = await Milestone.OfContractAsync(db, contract.Id);
        return new TermsNotice
        {
            ContractId = contract.Id, Terms = shown, LatestVersion = versions[^1].Version,
            Versions = versions.Select(v => new TermsVersion(v.Version, v.IssuedAt, v.ChangeRequestId)).ToList(),
            Schedule = new TermsSchedule
            {
                DeliveredAt = contract.DeliveredAt, InspectionEndsAt = contract.InspectionEndsAt,
                LatestPaymentOn = contract.LatestPaymentOn, PaymentDueOn = contract.PaymentDueOn,
                Milestones = milestones.Count == 0 ? null : milestones.Select(m => new TermsMilestoneSchedule
                {
                    Id = m.Id, Position = m.Position, DeliveredAt = m.DeliveredAt, LatestPaymentOn = m.LatestPaymentOn, PaymentDueOn = m.PaymentDueOn,
                }).ToList(),
            },
        };
    }
}

public sealed record TermsVersion(int Version, DateTimeOffset IssuedAt, string? ChangeRequestId);

public sealed record TermsSchedule
{
    public DateTimeOffset? DeliveredAt { get; init; }
    public DateTimeOffset? InspectionEndsAt { get; init; }
    public DateOnly? LatestPaymentOn { get; init; }
    public DateOnly? PaymentDueOn { get; init; }
    /// <summary>A milestone contract's dates per milestone, each counted from its own delivery; null for a contract paid at the end.</summary>
    public IReadOnlyList<TermsMilestoneSchedule>? Milestones { get; init; }
}

public sealed record TermsMilestoneSchedule
{
    public required string Id { get; init; }
    public required int Position { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public DateOnly? LatestPaymentOn { get; init; }
    public DateOnly? PaymentDueOn { get; init; }
}
