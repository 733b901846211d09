using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>pending → accepted (a new terms version) or declined.</summary>
public enum ChangeRequestStatus { Pending, Accepted, Declined }

/// <summary>A change of the delivery date or the amount, proposed by one side and answered by the other.</summary>
public sealed record ChangeRequest
{
    public required string Id { get; init; }
    public required string ContractId { get; init; }
    public required string ProposedBy { get; init; }
    public required string ProposedByName { get; init; }
    public required Side Side { get; init; }
    public DateTimeOffset? DeliveryDate { get; init; }
    public long? Amount { get; init; }
    public required string Reason { get; init; }
    public required ChangeRequestStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    /// <summary>The milestones the change adds (POST /api/contracts/{id}/milestones); its amount is the contract's raised by their sum.</summary>
    public IReadOnlyList<MilestonePlan.Item>? Milestones =>
        MilestonesJson is null ? null : System.Text.Json.JsonSerializer.Deserialize<List<MilestonePlan.Item>>(MilestonesJson, StoredJson.Options);

    /// <summary>As stored: the JSON list, or null for a change of the date or the amount.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public string? MilestonesJson { get; init; }

    /// <summary>A contract's change requests, oldest first, on ix_change_requests_contract (contract_id, id).</summary>
    internal const string OfContractSql = """
        SELECT r.id, r.contract_id, r.proposed_by, u.display_name AS proposed_by_name, r.side, r.delivery_date, r.amount, r.reason,
               r.status, r.created_at, r.answered_at, r.milestones AS milestones_json
        FROM change_requests r JOIN users u ON u.id = r.proposed_by
        WHERE r.contract_id = @Id ORDER BY r.id
        """;

    internal static Task<ChangeRequest?> ByIdAsync(DbSession db, string id) =>
        db.QuerySingleOrDefaultAsync<ChangeRequest>(
            """
            SELECT r.id, r.contract_id, r.proposed_by, u.display_name AS proposed_by_name, r.side, r.delivery_date, r.amount, r.reason,
                   r.status, r.created_at, r.answered_at, r.milestones AS milestones_json
            FROM change_requests r JOIN users u ON u.id = r.proposed_by
            WHERE r.id = @Id
            """, new { Id = id });

    /// <summary>
    /// The pending request the caller answers, on a contract the caller is a party of (else 404), answered by the side
    /// that did not propose it (else 403): a business never accepts its own lower amount or earlier date, the worker
    /// must (Freelance Act art. 5 §1 (ii) forbids reducing the fee after the order, art. 5 §2 (ii) changing the work
    /// without cause).
    /// </summary>
    internal static async Task<(ChangeRequest Request, Contract Contract)> ForAnswerAsync(DbSession db, Caller caller, string id, string what)
    {
        var request = await ByIdAsync(db, id) ?? throw new NotFoundException("No such change request.");
        var contract = await Contract.ForPartyAsync(db, request.ContractId, caller);
        var side = await contract.SideOfAsync(db, caller, what);
        if (side == request.Side) throw new ForbiddenException($"The other party answers a change request; its proposer may not {what}.");
        if (request.Status != ChangeRequestStatus.Pending)
            throw new ConflictException($"The change request was {WireName.Of(request.Status)} already.", ConflictCode.ChangeAnswered);
        return (request, contract);
    }
}
