using Marketplace.Jobs;

namespace Marketplace.Producers;

/// <summary>A worker asked to bid on a job (the <c>invitation_details</c> view).</summary>
public sealed record Invitation
{
    public required string Id { get; init; }
    public required string JobId { get; init; }
    public required string JobTitle { get; init; }
    public required JobStatus JobStatus { get; init; }
    public required string WorkerId { get; init; }
    public required string InvitedBy { get; init; }
    public required string InvitedByName { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
