namespace Marketplace.Notifications;

public enum NotificationKind
{
    BidReceived, Invited, BidAwarded, BidRejected, SubmissionToReview, RevisionRequested, WorkAccepted, PaymentReleased, DeadlineSoon,
    SavedSearchMatched, PayoutPaid, PayoutReturned, PayoutDue, QuestionAsked, QuestionAnswered, MessageReceived,
    // The deal's clock (issue 10).
    InspectionEndsSoon, AcceptedByLapse, ChangeRequested, ChangeAccepted, ChangeDeclined, PaymentRequested,
    CancellationProposed, CancellationAccepted, DisputeOpened, DisputeStatement, DisputeDecided,
    // Help (issue 27): a question reached the office (to administrators), the office answered (to the person).
    TicketReceived, TicketAnswered,
    // Integrations (issue 25): a webhook that failed for three days was disabled.
    WebhookDisabled,
    // A programme's office (issue 29).
    MembershipApproved, ProgrammeNotice, IdentityCheckDecided, CourseCompleted,
    // Paying into escrow and being paid out (issue 27).
    PaymentDueSoon, AwardLapsed, JobReopened, BankAccountMissing,
    // Contests (issue 24): an entrant won; a contest an entrant entered closed; a business's prize was refunded; the
    // administrators are asked to choose a winner the business did not choose in time; a business's contest received an
    // entry; the administrators chose its winner for it.
    ContestWon, ContestClosed, ContestRefunded, ContestAwaitsAdministrator, ContestEntryReceived, ContestDecidedByAdministrator,
    // Teams (issue 23).
    TeamInvited, TeamMemberJoined, TaskAssigned, TaskSubmitted, TaskApproved, TaskReturned, TaskReassigned, TaskPaid,
    // A message in a team's own thread (issue 23), to the team's other members.
    TeamMessageReceived,
}

public sealed record Notification
{
    public required string Id { get; init; }
    /// <summary>What happened; the web client words it in the reader's language.</summary>
    public required NotificationKind Kind { get; init; }
    public required string Message { get; init; }
    public string? JobId { get; init; }
    public string? ContractId { get; init; }
    /// <summary>The question to the office it is about (ticketReceived, ticketAnswered): the page to open.</summary>
    public string? TicketId { get; init; }
    /// <summary>The team whose thread a message came in (teamMessageReceived): the page to open, and its name to show.</summary>
    public string? TeamId { get; init; }
    public string? TeamName { get; init; }
    /// <summary>
    /// The office's notice it tells of (programmeNotice): its id, which the programme page's card is named by (the page to
    /// open, /programmes#notice-{id}), its title and its programme's name, to show.
    /// </summary>
    public string? NoticeId { get; init; }
    public string? NoticeTitle { get; init; }
    public string? ProgrammeName { get; init; }
    /// <summary>What names the event (read to find a question's ticket); not part of the answer.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? EventKey { get; init; }
    /// <summary>The title of the job it is about (directly or through its contract), for the client's wording.</summary>
    public string? JobTitle { get; init; }
    /// <summary>
    /// The other party, as the reader sees it: who bid or invited; on a contract, the worker for its business and the
    /// business for everyone else; on a job without a contract, its business (null when the reader is that business).
    /// </summary>
    public string? PartyName { get; init; }
    public Platform.Role? PartyRole { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; init; }
}
