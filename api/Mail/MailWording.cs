using Marketplace.Notifications;

namespace Marketplace.Mail;

/// <summary>
/// What a mail says, per kind of notification, in Japanese and English: a subject and one line, each with {job} for the
/// job's title (an office's notice: {notice} for its title and {programme} for its programme; its text follows the line). A new kind needs its two wordings here (MailTests fails for a kind without them). A kind missing anyway
/// falls back to a generic wording, and the sender logs an error each time it does, so it never goes unnoticed.
/// </summary>
public static class MailWording
{
    public sealed record Wording(string Subject, string Line);

    /// <summary>Kinds about a person's money as a whole (a transfer of a balance), not one job: their wording names none.</summary>
    public static readonly IReadOnlySet<NotificationKind> AboutNoJob = new HashSet<NotificationKind>
    {
        NotificationKind.PayoutPaid, NotificationKind.PayoutReturned, NotificationKind.TicketReceived, NotificationKind.TicketAnswered, NotificationKind.WebhookDisabled,
        NotificationKind.BankAccountMissing,
        NotificationKind.MembershipApproved, NotificationKind.ProgrammeNotice, NotificationKind.IdentityCheckDecided, NotificationKind.CourseCompleted,
        // A team's own affairs: a member does not see the business's job through its task.
        NotificationKind.TeamInvited, NotificationKind.TeamMemberJoined, NotificationKind.TaskAssigned, NotificationKind.TaskSubmitted,
        NotificationKind.TaskApproved, NotificationKind.TaskReturned, NotificationKind.TaskReassigned, NotificationKind.TaskPaid,
        NotificationKind.TeamMessageReceived,
    };

    public static readonly IReadOnlyDictionary<NotificationKind, Wording> Japanese = new Dictionary<NotificationKind, Wording>
    {
        [NotificationKind.BidReceived] = new("「{job}」に応募がありました", "あなたの案件「{job}」に新しい応募が届きました。"),
        [NotificationKind.Invited] = new("「{job}」への招待が届きました", "プロデューサーから案件「{job}」への応募の招待が届きました。"),
        [NotificationKind.BidAwarded] = new("「{job}」を受注しました", "あなたの応募が採用され、案件「{job}」の契約が結ばれました。"),
        [NotificationKind.BidRejected] = new("「{job}」の選考結果", "案件「{job}」は別の方に決まりました。ご応募ありがとうございました。"),
        [NotificationKind.SubmissionToReview] = new("「{job}」の納品物が届きました", "案件「{job}」の納品物が届きました。内容をご確認ください。"),
        [NotificationKind.RevisionRequested] = new("「{job}」の修正依頼", "案件「{job}」について修正の依頼がありました。"),
        [NotificationKind.WorkAccepted] = new("「{job}」が検収されました", "案件「{job}」の納品物が検収されました。お疲れさまでした。"),
        [NotificationKind.PaymentReleased] = new("「{job}」の報酬が確定しました", "案件「{job}」の報酬がお支払いに回りました。"),
        [NotificationKind.DeadlineSoon] = new("「{job}」の納期が近づいています", "案件「{job}」の納期まで48時間を切りました。"),
        [NotificationKind.SavedSearchMatched] = new("保存した条件に合う仕事「{job}」", "保存した検索条件に合う新しい仕事「{job}」が見つかりました。"),
        [NotificationKind.QuestionAsked] = new("「{job}」に質問が届きました", "案件「{job}」についてワーカーから質問が届きました。"),
        [NotificationKind.QuestionAnswered] = new("「{job}」の質問に回答がありました", "案件「{job}」へのあなたの質問に回答がありました。"),
        [NotificationKind.MessageReceived] = new("「{job}」に新しいメッセージ", "契約「{job}」のやりとりに新しいメッセージが届きました。"),
        [NotificationKind.InspectionEndsSoon] = new("「{job}」の検収期限が近づいています", "案件「{job}」の検収期限が近づいています。期限までに返事がないと、検収済みとして報酬が支払われます。"),
        [NotificationKind.AcceptedByLapse] = new("「{job}」は検収期間が過ぎ検収済みになりました", "案件「{job}」は検収期間内に返事がなかったため、検収済みとなり報酬が支払われました。"),
        [NotificationKind.ChangeRequested] = new("「{job}」の条件変更の提案", "案件「{job}」について、納期または金額の変更が提案されました。承認するか断ってください。"),
        [NotificationKind.ChangeAccepted] = new("「{job}」の条件変更が承認されました", "案件「{job}」の条件変更が承認され、取引条件明示書が更新されました。"),
        [NotificationKind.ChangeDeclined] = new("「{job}」の条件変更が断られました", "案件「{job}」の条件変更の提案は断られました。"),
        [NotificationKind.PaymentRequested] = new("「{job}」の差額のお支払いのお願い", "案件「{job}」の金額が上がったため、差額の入金をお願いします。"),
        [NotificationKind.CancellationProposed] = new("「{job}」の解約の提案", "案件「{job}」について解約が提案されました。承認するか断ってください。"),
        [NotificationKind.CancellationAccepted] = new("「{job}」の解約が成立しました", "案件「{job}」の解約が成立しました。精算の内容をご確認ください。"),
        [NotificationKind.DisputeOpened] = new("「{job}」は事務局の判断に移りました", "案件「{job}」は話し合いがまとまらなかったため、事務局が判断します。ご意見をお寄せください。"),
        [NotificationKind.DisputeStatement] = new("「{job}」の紛争に意見が追加されました", "案件「{job}」の紛争に新しい意見が追加されました。"),
        [NotificationKind.DisputeDecided] = new("「{job}」について判断が出ました", "案件「{job}」について事務局の判断が出ました。内容をご確認ください。"),
        [NotificationKind.PayoutPaid] = new("報酬を口座に振り込みました", "報酬をご登録の口座に振り込みました。"),
        [NotificationKind.PayoutReturned] = new("振込が戻ってきました", "ご登録の口座への振込が戻ってきました。口座の情報を確認して保存し直してください。"),
        [NotificationKind.MembershipApproved] = new("プログラムへの登録が承認されました", "事務局があなたをプログラムのメンバーとして登録しました。"),
        [NotificationKind.ProgrammeNotice] = new("事務局からのお知らせ「{notice}」", "{programme}の事務局からお知らせが届きました。"),
        [NotificationKind.IdentityCheckDecided] = new("本人確認の結果", "本人確認の結果が出ました。提出された画像は削除しました。"),
        [NotificationKind.CourseCompleted] = new("講座の修了を記録しました", "講座の修了が記録され、プロフィールにバッジが付きました。"),
        [NotificationKind.PayoutDue] = new("「{job}」の報酬の支払期日が近づいています", "案件「{job}」の報酬は支払期日まで7日以内で、まだ振り込まれていません。次の振込に含めてください。"),
        [NotificationKind.TicketReceived] = new("事務局へのお問い合わせが届きました", "お問い合わせが届きました。管理画面の「お問い合わせ」から回答してください。"),
        [NotificationKind.TicketAnswered] = new("お問い合わせに事務局から回答がありました", "お問い合わせに事務局から回答がありました。「ヘルプ」の「お問い合わせ履歴」でご確認ください。"),
        [NotificationKind.WebhookDisabled] = new("Webhookを停止しました", "Webhookの送信先が3日間応答しなかったため、このWebhookを停止しました。受信側を直してから有効にし、届かなかったイベントを再送してください。"),
        [NotificationKind.PaymentDueSoon] = new("「{job}」のお支払期限が近づいています", "案件「{job}」のエスクローへのお支払いがまだ確認できていません。お支払いのご案内の番号を振込人名義の前に付けて、期限までにお振込みください。期限を過ぎると発注は取り消されます。"),
        [NotificationKind.AwardLapsed] = new("「{job}」の発注は入金がなく取り消されました", "案件「{job}」はお支払期限までにエスクローへの入金が確認できなかったため、発注が取り消されました。案件は再び募集中になり、応募はそのまま残っています。"),
        [NotificationKind.JobReopened] = new("「{job}」が再び募集中になりました", "案件「{job}」は発注が取り消され、再び募集中になりました。あなたの応募は有効なまま残っています。"),
        [NotificationKind.BankAccountMissing] = new("報酬の振込先口座を登録してください", "報酬が確定しましたが、振込先の口座が登録されていないため振り込めません。「振込と口座」のページで口座を登録してください。"),
        [NotificationKind.ContestWon] = new("「{job}」であなたの応募作が採用されました", "コンペ「{job}」であなたの応募作が採用されました。賞金は契約として支払われ、検収済みになっています。"),
        [NotificationKind.ContestClosed] = new("「{job}」が終了しました", "応募したコンペ「{job}」が終了しました。採用されなかった応募作の権利はあなたのものです。"),
        [NotificationKind.ContestRefunded] = new("「{job}」の賞金を返金しました", "コンペ「{job}」は応募数が最低数に届かなかったため、賞金を返金しました。"),
        [NotificationKind.ContestAwaitsAdministrator] = new("「{job}」の採用作の選定をお願いします", "コンペ「{job}」で期限内に採用作が選ばれませんでした。募集条件のとおり、発注者の評価をもとに採用作を選んでください。"),
        [NotificationKind.ContestEntryReceived] = new("「{job}」に応募作が届きました", "コンペ「{job}」に応募作が届きました。締切のあと、応募作を見て採用作を選んでください。"),
        [NotificationKind.ContestDecidedByAdministrator] = new("「{job}」の採用作を運営が選びました", "コンペ「{job}」は選定期限までに採用作が選ばれなかったため、募集条件のとおり、運営があなたの評価をもとに採用作を選びました。賞金は採用作の契約として支払われました。"),
        [NotificationKind.TeamInvited] = new("チームへの招待が届きました", "チームへの参加の招待が届きました。「チーム」のページで参加するか辞退するかを選んでください。"),
        [NotificationKind.TeamMemberJoined] = new("チームに新しいメンバーが参加しました", "招待したメンバーがチームに参加しました。"),
        [NotificationKind.TaskAssigned] = new("新しいタスクが割り当てられました", "チームからタスクが割り当てられました。「マイタスク」で内容と取引条件（金額・期日・支払期日）を確認してください。"),
        [NotificationKind.TaskSubmitted] = new("タスクが納品されました", "メンバーがタスクを納品しました。内容を確認して承認するか差し戻してください。"),
        [NotificationKind.TaskApproved] = new("タスクが承認されました", "あなたのタスクがディレクターに承認されました。報酬は契約の支払とともに支払われます。"),
        [NotificationKind.TaskReturned] = new("タスクが差し戻されました", "あなたのタスクが差し戻されました。理由を確認して、もう一度納品してください。"),
        [NotificationKind.TaskReassigned] = new("タスクが別のメンバーに移りました", "あなたのタスクが別のメンバーに引き継がれました。あなた宛ての取引条件は撤回されました。"),
        [NotificationKind.TaskPaid] = new("チームの契約の報酬が確定しました", "チームの契約が支払われ、承認されたタスクの報酬（源泉徴収税を差し引いた額）があなたの残高に入りました。「振込と口座」のページで確認できます。"),
        [NotificationKind.TeamMessageReceived] = new("チームに新しいメッセージ", "あなたのチームのやりとりに新しいメッセージが届きました。「チーム」のページで確認してください。"),
    };

    public static readonly IReadOnlyDictionary<NotificationKind, Wording> English = new Dictionary<NotificationKind, Wording>
    {
        [NotificationKind.MembershipApproved] = new("Your programme registered you", "The programme's office registered you as a member."),
        [NotificationKind.ProgrammeNotice] = new("A notice from your programme's office: \"{notice}\"", "The office of {programme} posted a notice."),
        [NotificationKind.IdentityCheckDecided] = new("Your identity check is decided", "Your identity check is decided. The image you sent was deleted."),
        [NotificationKind.CourseCompleted] = new("Course completed", "Your course completion is recorded and its badge is on your profile."),
        [NotificationKind.BidReceived] = new("New bid on \"{job}\"", "Your job \"{job}\" has a new bid."),
        [NotificationKind.Invited] = new("You are invited to \"{job}\"", "A producer invites you to bid on \"{job}\"."),
        [NotificationKind.BidAwarded] = new("You won \"{job}\"", "Your bid was chosen: the contract for \"{job}\" is made."),
        [NotificationKind.BidRejected] = new("About your bid on \"{job}\"", "\"{job}\" went to another worker. Thank you for bidding."),
        [NotificationKind.SubmissionToReview] = new("Work delivered for \"{job}\"", "Work was delivered for \"{job}\". Please review it."),
        [NotificationKind.RevisionRequested] = new("Revision asked for \"{job}\"", "A revision was asked for \"{job}\"."),
        [NotificationKind.WorkAccepted] = new("\"{job}\" was accepted", "Your work for \"{job}\" was accepted. Well done."),
        [NotificationKind.PaymentReleased] = new("Payment released for \"{job}\"", "The pay for \"{job}\" has been released."),
        [NotificationKind.DeadlineSoon] = new("\"{job}\" is due soon", "\"{job}\" is due within 48 hours."),
        [NotificationKind.SavedSearchMatched] = new("A new job for your saved search: \"{job}\"", "\"{job}\" matches a search you saved."),
        [NotificationKind.QuestionAsked] = new("A question about \"{job}\"", "A worker asked a question about \"{job}\"."),
        [NotificationKind.QuestionAnswered] = new("Your question about \"{job}\" was answered", "Your question about \"{job}\" has an answer."),
        [NotificationKind.MessageReceived] = new("New message about \"{job}\"", "There is a new message in the thread of \"{job}\"."),
        [NotificationKind.InspectionEndsSoon] = new("Inspection of \"{job}\" ends soon", "The inspection period of \"{job}\" ends soon; without an answer the work counts as accepted and is paid."),
        [NotificationKind.AcceptedByLapse] = new("\"{job}\" was accepted when its inspection period ended", "Nobody answered within the inspection period of \"{job}\": the work counts as accepted and the pay was released."),
        [NotificationKind.ChangeRequested] = new("A change proposed for \"{job}\"", "A new delivery date or amount was proposed for \"{job}\". Please accept or decline it."),
        [NotificationKind.ChangeAccepted] = new("The change to \"{job}\" was accepted", "The change to \"{job}\" was accepted and its terms were updated."),
        [NotificationKind.ChangeDeclined] = new("The change to \"{job}\" was declined", "The proposed change to \"{job}\" was declined."),
        [NotificationKind.PaymentRequested] = new("Please pay the difference for \"{job}\"", "The amount of \"{job}\" went up: please pay the difference into escrow."),
        [NotificationKind.CancellationProposed] = new("A cancellation proposed for \"{job}\"", "A cancellation of \"{job}\" was proposed. Please accept or decline it."),
        [NotificationKind.CancellationAccepted] = new("\"{job}\" was cancelled", "The cancellation of \"{job}\" was agreed. Please check the settlement."),
        [NotificationKind.DisputeOpened] = new("\"{job}\" goes to the office's decision", "The parties of \"{job}\" did not agree: the office will decide. Please add your statement."),
        [NotificationKind.DisputeStatement] = new("A statement in the dispute over \"{job}\"", "A new statement was added to the dispute over \"{job}\"."),
        [NotificationKind.DisputeDecided] = new("The dispute over \"{job}\" was decided", "The office decided the dispute over \"{job}\". Please check the decision."),
        [NotificationKind.PayoutPaid] = new("Your earnings were transferred", "Your earnings were transferred to your bank account."),
        [NotificationKind.PayoutReturned] = new("A transfer came back", "A transfer to your bank account came back. Please check your account details and save them again."),
        [NotificationKind.PayoutDue] = new("Pay for \"{job}\" is due within 7 days", "The pay for \"{job}\" is due to the worker within 7 days and has not been transferred: include it in the next batch."),
        [NotificationKind.TicketReceived] = new("A question reached the office", "A question reached the office. Please answer it from Questions in the administrators' area."),
        [NotificationKind.TicketAnswered] = new("The office answered your question", "The office answered your question. Please read it under Your questions on the Help page."),
        [NotificationKind.WebhookDisabled] = new("A webhook was disabled", "Deliveries to one of your webhooks failed for three days, so it is disabled. Fix the receiver, enable the webhook and replay what it missed."),
        [NotificationKind.PaymentDueSoon] = new("Your payment for \"{job}\" is due soon", "Your payment into escrow for \"{job}\" has not arrived yet. Transfer it by the due date with the reference from the payment request before your name; after the due date the award lapses."),
        [NotificationKind.AwardLapsed] = new("The award of \"{job}\" lapsed unpaid", "No payment into escrow for \"{job}\" arrived by its due date, so the award lapsed. The job is open again and its bids still stand."),
        [NotificationKind.JobReopened] = new("\"{job}\" is open again", "The award of \"{job}\" lapsed and the job is open again; your bid still stands."),
        [NotificationKind.BankAccountMissing] = new("Add the bank account for your earnings", "Your earnings were released but cannot be transferred: you have no bank account saved. Add it on the Payouts page."),
        [NotificationKind.ContestWon] = new("Your entry won \"{job}\"", "Your entry won the contest \"{job}\". The prize is paid as a contract, already accepted."),
        [NotificationKind.ContestClosed] = new("\"{job}\" closed", "The contest \"{job}\" you entered closed. Entries that did not win stay their authors'."),
        [NotificationKind.ContestRefunded] = new("The prize of \"{job}\" was refunded", "The contest \"{job}\" had fewer entries than its minimum: its prize was refunded to you."),
        [NotificationKind.ContestAwaitsAdministrator] = new("Choose a winner for \"{job}\"", "The business chose no winner for the contest \"{job}\" in time. As the contest's terms say, choose one by the business's own ratings."),
        [NotificationKind.ContestEntryReceived] = new("A new entry for \"{job}\"", "Your contest \"{job}\" received an entry. After its deadline, read the entries and choose the winner."),
        [NotificationKind.ContestDecidedByAdministrator] = new("The office chose the winner of \"{job}\"", "You chose no winner for the contest \"{job}\" in time, so, as its terms said, the office chose one by your own ratings. The prize was paid as the winner's contract."),
        [NotificationKind.TeamInvited] = new("You are invited to a team", "You are invited to join a team. Accept or decline on the Teams page."),
        [NotificationKind.TeamMemberJoined] = new("A new member joined your team", "A person you invited joined your team."),
        [NotificationKind.TaskAssigned] = new("A new task for you", "Your team gave you a task. See it and its written terms (amount, due date, payment date) under My tasks."),
        [NotificationKind.TaskSubmitted] = new("A task was delivered", "A member delivered a task. Approve it or return it with a reason."),
        [NotificationKind.TaskApproved] = new("Your task was approved", "Your director approved your task. You are paid for it when the contract pays."),
        [NotificationKind.TaskReturned] = new("Your task was returned", "Your task was returned. Read the reason and deliver it again."),
        [NotificationKind.TaskReassigned] = new("Your task went to another member", "Your task was handed to another member; its written terms to you are withdrawn."),
        [NotificationKind.TaskPaid] = new("Your team's contract paid you", "Your team's contract was paid: your approved tasks' pay, less any income tax withheld, is in your balance. See it on the Payouts page."),
        [NotificationKind.TeamMessageReceived] = new("New message in your team", "There is a new message in your team's thread. Read it on the Teams page."),
    };

    /// <summary>Only for a kind that has no wording yet; its use is logged as an error.</summary>
    public static readonly Wording JapaneseFallback = new("「{job}」のお知らせ", "案件「{job}」について新しいお知らせがあります。");
    public static readonly Wording EnglishFallback = new("News about \"{job}\"", "There is news about \"{job}\".");

    public static IReadOnlyDictionary<NotificationKind, Wording> In(Language language) => language == Language.En ? English : Japanese;

    /// <summary>The kind's wording in the language, or the fallback (<paramref name="fellBack"/> says so).</summary>
    public static Wording For(NotificationKind kind, Language language, out bool fellBack)
    {
        fellBack = !In(language).TryGetValue(kind, out var wording);
        return wording ?? (language == Language.En ? EnglishFallback : JapaneseFallback);
    }

    /// <summary>The words around a mail's content, per language.</summary>
    public sealed record Frame(string Greeting, string JobLabel, string Open, string Digest, string DigestSubject, string Unsubscribe,
        string Settings, string NoJob, string Footer);

    public static Frame FrameIn(Language language) => language == Language.En
        ? new("Hello {name},", "Job", "Open it:", "Here is what happened since the last digest:", "Your daily digest: {count} updates",
            "Stop mails of this kind with one click:", "Choose which mails you get:", "your account",
            "You get this mail because you use Regional Work Market.")
        : new("{name} 様", "案件", "確認する:", "前回のまとめ以降のお知らせです。", "本日のお知らせまとめ({count}件)",
            "この種類のメールをワンクリックで停止:", "受け取るメールの設定:", "アカウント",
            "地域しごとマーケットをご利用いただいているため、このメールをお送りしています。");
}
