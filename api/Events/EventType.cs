namespace Marketplace.Events;

/// <summary>
/// A kind of event: its name on the wire (<c>contract.awarded</c>, as the Standard Webhooks specification names types),
/// what it means, the ids its <c>data</c> carries, and which of them decide who may read it (by default all of them:
/// a contract's parties, a job's business and producers, each account named).
/// </summary>
public sealed record EventType(string Name, string Description, string[] Ids, string[]? AudienceIds = null)
{
    /// <summary>The ids whose objects' readers may read the event.</summary>
    public IReadOnlyList<string> Audience => AudienceIds ?? Ids;
}

/// <summary>
/// Every event the product writes, in one place: the feed and the webhooks publish these names, the OpenAPI document
/// lists them, and docs/integrations.md describes each (a test holds the three to this list). A feature that adds a kind
/// of change adds its type here and writes it with <see cref="EventFeed.Record"/>.
/// </summary>
public static class EventTypes
{
    public static readonly EventType BidPlaced = new("bid.placed", "A worker bid on a job.", ["jobId", "bidId", "workerId"]);
    public static readonly EventType BidRejected = new("bid.rejected", "Another bid was chosen for the job: this one is rejected.", ["jobId", "bidId", "workerId"]);
    public static readonly EventType InvitationSent = new("invitation.sent", "The job's business or producer invited a worker to bid.", ["jobId", "invitationId", "workerId"]);
    public static readonly EventType ContractAwarded = new("contract.awarded", "A business chose a bid: the contract begins and its payment into escrow is requested.", ["jobId", "bidId", "contractId", "workerId"]);
    public static readonly EventType SubmissionSubmitted = new("submission.submitted", "The worker delivered work for review.", ["jobId", "contractId", "submissionId"]);
    public static readonly EventType SubmissionForwarded = new("submission.forwarded", "Work checked at a producer's quality gate (or waiting there when the producer's link ended) went on to the business.", ["jobId", "contractId", "submissionId"]);
    public static readonly EventType RevisionRequested = new("revision.requested", "The reviewer asked for a revision of the delivered work.", ["jobId", "contractId", "revisionId"]);
    public static readonly EventType ContractAccepted = new("contract.accepted", "The business accepted the work: the contract is completed and the payment released.", ["jobId", "contractId"]);
    public static readonly EventType ContractAcceptedByLapse = new("contract.acceptedByLapse", "The inspection period ended without an answer: the work counts as accepted and the payment was released.", ["jobId", "contractId"]);
    public static readonly EventType ContractCancelled = new("contract.cancelled", "Both sides agreed to cancel: the worker is paid the agreed share and the rest is refunded.", ["jobId", "contractId"]);
    public static readonly EventType ContractDeadlineSoon = new("contract.deadlineSoon", "The contract's delivery deadline is within 48 hours.", ["jobId", "contractId"]);
    public static readonly EventType ContractInspectionEndsSoon = new("contract.inspectionEndsSoon", "The inspection period ends soon; without an answer the work counts as accepted.", ["jobId", "contractId"]);
    public static readonly EventType ChangeProposed = new("change.proposed", "One side proposed a change of the delivery date or amount.", ["jobId", "contractId", "changeRequestId"]);
    public static readonly EventType ChangeAccepted = new("change.accepted", "A proposed change was accepted and applies.", ["jobId", "contractId", "changeRequestId"]);
    public static readonly EventType ChangeDeclined = new("change.declined", "A proposed change was declined.", ["jobId", "contractId", "changeRequestId"]);
    public static readonly EventType PaymentRequested = new("payment.requested", "An accepted change raised the amount: the business is asked to pay the difference into escrow.", ["jobId", "contractId", "changeRequestId"]);
    public static readonly EventType CancellationProposed = new("cancellation.proposed", "One side proposed to cancel the contract with a share for the worker.", ["jobId", "contractId", "cancellationId"]);
    public static readonly EventType DisputeOpened = new("dispute.opened", "A cancellation was not agreed in time: an administrator will decide.", ["jobId", "contractId", "disputeId"]);
    public static readonly EventType DisputeStatementAdded = new("dispute.statementAdded", "A side added a statement to the dispute.", ["jobId", "contractId", "disputeId", "statementId"]);
    public static readonly EventType DisputeDecided = new("dispute.decided", "An administrator decided the dispute: the worker is paid the decided share and the rest is refunded.", ["jobId", "contractId", "disputeId"]);
    public static readonly EventType QuestionAsked = new("question.asked", "A worker asked a question about an open job.", ["jobId", "questionId", "workerId"]);
    public static readonly EventType QuestionAnswered = new("question.answered", "The job's business (or producer) answered a question.", ["jobId", "questionId", "workerId"]);
    public static readonly EventType MessagePosted = new("message.posted", "A message was posted in a contract's conversation.", ["jobId", "contractId", "messageId"]);
    public static readonly EventType PayoutPaid = new("payout.paid", "A payout was transferred to the worker's bank account.", ["payoutId", "batchId", "workerId"]);
    public static readonly EventType PayoutReturned = new("payout.returned", "The worker's bank returned a payout; the money is in the worker's balance again.", ["payoutId", "batchId", "workerId"]);
    // Administrators' alert (they read every event): no party of the contract reads the platform's own reminder.
    public static readonly EventType PayoutDue = new("payout.due", "Money due to a worker has not been transferred by its payment day.", ["jobId", "contractId", "workerId"], []);
    // The worker's own alert: a job's business does not learn who watches for jobs like it.
    public static readonly EventType SavedSearchMatched = new("savedSearch.matched", "New jobs match a worker's saved search.", ["savedSearchId", "jobId", "workerId"], ["workerId"]);
    // Teams (issue 23): a task is the team's own affair, read by its member (workerId) and the director (accountId) only;
    // the contract's business does not read how the team splits its work.
    public static readonly EventType TaskAssigned = new("task.assigned", "A team's director or leader gave a member a task of a team contract.", ["teamId", "taskId", "workerId", "accountId"], ["workerId", "accountId"]);
    public static readonly EventType TaskSubmitted = new("task.submitted", "A member delivered its task to the team's director.", ["teamId", "taskId", "workerId", "accountId"], ["workerId", "accountId"]);
    public static readonly EventType TaskApproved = new("task.approved", "The team's director or a leader approved a delivered task: its amount is paid to the member when the contract pays.", ["teamId", "taskId", "workerId", "accountId"], ["workerId", "accountId"]);
    public static readonly EventType TaskReturned = new("task.returned", "The team's director or a leader returned a delivered task to its member with a reason.", ["teamId", "taskId", "workerId", "accountId"], ["workerId", "accountId"]);
    // workerId: the member the task moved to; accountId: the member it moved from.
    public static readonly EventType TaskReassigned = new("task.reassigned", "A task moved to another member of the team, with its history and new written terms.", ["teamId", "taskId", "workerId", "accountId"], ["workerId", "accountId"]);
    // workerId: who joined; accountId: the team's director.
    public static readonly EventType TeamMemberJoined = new("team.member.joined", "A person accepted an invitation and joined a team.", ["teamId", "workerId", "accountId"], ["workerId", "accountId"]);

    public static readonly EventType MilestoneFunded = new("milestone.funded", "The business's payment for a milestone arrived in escrow: the worker may start it.", ["jobId", "contractId", "milestoneId"]);
    public static readonly EventType MilestoneSubmitted = new("milestone.submitted", "The worker delivered a milestone's work for review.", ["jobId", "contractId", "milestoneId", "submissionId"]);
    public static readonly EventType MilestoneAccepted = new("milestone.accepted", "A milestone was accepted (by the business, or when its inspection period ended) and its payment released.", ["jobId", "contractId", "milestoneId"]);
    public static readonly EventType TaskItemSubmitted = new("taskItem.submitted", "A worker submitted the answer to an item of a task job.", ["jobId", "taskItemId", "workerId"]);
    public static readonly EventType TaskItemApproved = new("taskItem.approved", "The task job's business approved an answer (or it was approved automatically 14 days after the deadline).", ["jobId", "taskItemId", "workerId"]);
    public static readonly EventType TaskItemRejected = new("taskItem.rejected", "The task job's business rejected an answer with a reason; the item returns to the pool.", ["jobId", "taskItemId", "workerId"]);
    // An entry is read by its author and the contest's business and producers only, until a winner is chosen.
    public static readonly EventType ContestEntrySubmitted = new("contest.entrySubmitted", "A worker submitted an entry to a contest.", ["jobId", "entryId", "workerId"], ["jobId", "workerId"]);
    public static readonly EventType ContestWinnerChosen = new("contest.winnerChosen", "The contest's winner was chosen: the prize became a contract, accepted and released at once.", ["jobId", "entryId", "contractId", "workerId"]);

    public static readonly IReadOnlyList<EventType> All =
    [
        BidPlaced, BidRejected, InvitationSent, ContractAwarded, SubmissionSubmitted, SubmissionForwarded, RevisionRequested,
        ContractAccepted, ContractAcceptedByLapse, ContractCancelled, ContractDeadlineSoon, ContractInspectionEndsSoon,
        ChangeProposed, ChangeAccepted, ChangeDeclined, PaymentRequested, CancellationProposed, DisputeOpened,
        DisputeStatementAdded, DisputeDecided, QuestionAsked, QuestionAnswered, MessagePosted, PayoutPaid, PayoutReturned,
        PayoutDue, SavedSearchMatched, MilestoneFunded, MilestoneSubmitted, MilestoneAccepted,
        TaskItemSubmitted, TaskItemApproved, TaskItemRejected, ContestEntrySubmitted, ContestWinnerChosen,
        TaskAssigned, TaskSubmitted, TaskApproved, TaskReturned, TaskReassigned, TeamMemberJoined,
    ];

    public static EventType? Named(string name) => All.FirstOrDefault(t => t.Name == name);
}
