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
    /// <summary>As what the inviter invites (a producer, or the job's business), for 「菅原さん（プロデューサー）から」.</summary>
    public required Platform.Role InvitedByRole { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
