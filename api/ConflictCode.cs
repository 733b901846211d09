namespace Marketplace;

/// <summary>
/// The stable code of every 409 the API answers, beside its English detail: a client words each in its reader's language
/// (docs/api.md lists them; the web client's language files word them). On the wire each is its camelCase name
/// ("bidExists"). A feature refuses with one of these (<c>throw new ConflictException(detail, ConflictCode.BidExists)</c>);
/// a new refusal adds its code here, to the list in docs/api.md and to both language files, which ConflictCodeTests checks.
/// </summary>
public enum ConflictCode
{
    AlreadyEnrolled,
    AlreadyInvited,
    AlreadyMember,
    AlreadySuspended,
    AwaitingStatements,
    BatchPaid,
    BidExists,
    BidNotPending,
    CancellationAnswered,
    CannotSuspendSelf,
    ChangeAnswered,
    ChangePending,
    ContractOnHold,
    ContractStatus,
    CourseCompleted,
    CourseFull,
    DisputeDecided,
    Duplicate,
    EmailAlreadyConfirmed,
    EmailTaken,
    EscrowNotFunded,
    EscrowShort,
    FreeRevisionsLeft,
    IdempotencyKeyInUse,
    IdentityCheckDecided,
    IdentityCheckPending,
    JobDelivered,
    JobNotOpen,
    LinkExists,
    LinkStatus,
    MemberStatus,
    NoNda,
    NoOpenCancellation,
    NotSuspended,
    NothingToPay,
    PaymentNotPending,
    PayoutNotPaid,
    PayoutReturned,
    QuestionAnswered,
    ReviewExists,
    SenderNotSetUp,
    ShareAboveAmount,
    TooManySavedSearches,
    TooManyWebhooks,
    TwoStepEnabled,
    WebhookDisabled,
    WorkerSuspended,
}
