using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Marketplace.Notifications;
using Marketplace.Platform;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Mail;

/// <summary>
/// Sends the outbox (Notifications/Outbox.cs) every <c>Email:SendIntervalSeconds</c> (30), run by the platform's
/// scheduler: mail "at once" one by one, daily digests one per person. Rows are claimed with a lease in one conditional
/// UPDATE, so several API instances never take the same mail; a mail is marked sent only by the sender holding its
/// lease. A failure is retried with back-off (one minute, doubling, at most six hours) until <c>Email:MaxAttempts</c>.
/// With no <c>Email:Smtp:Host</c> mail is logged instead of sent. A pass sends over one SMTP connection (MailKit),
/// opened for its first mail and closed at its end.
/// (Delivery is at least once: a process that dies between the server's acceptance and the mark resends that mail
/// when its lease ends; no outbox can do better without the mail server's help.)
/// </summary>
public sealed class MailSender(IServiceScopeFactory scopes, TimeProvider clock, IOptions<MailOptions> options, UnsubscribeTokens tokens,
    IHostEnvironment environment, ILogger<MailSender> logger) : IPeriodicWork
{
    public string Name => "mail";
    public TimeSpan Every => TimeSpan.FromSeconds(Math.Max(1, options.Value.SendIntervalSeconds));

    /// <summary>Claims up to 50 due rows for one sender; the outer conditions repeat the inner ones so the claim is decided by the UPDATE itself.</summary>
    internal const string ClaimSql = """
        UPDATE mail_outbox SET lease = @Lease, lease_until = @Until
        WHERE status = 'pending' AND next_attempt_at <= @Now AND (lease_until IS NULL OR lease_until < @Now)
          AND id IN (SELECT o.id FROM mail_outbox o
                     WHERE o.status = 'pending' AND o.next_attempt_at <= @Now AND (o.lease_until IS NULL OR o.lease_until < @Now)
                     ORDER BY o.next_attempt_at LIMIT 50)
        """;

    /// <summary>
    /// The page a mail's link opens, as the notifications page opens it: the contract, else the job, else a question to
    /// the office (the person's ticket; the office's copy for administrators, who are told of questions), an office's notice
    /// on its programme's page, else the list.
    /// </summary>
    // A message's mail opens its thread where the unread begin (the page's #messages), as its notification does.
    private static string PageOf(Claimed row) => row switch
    {
        { ContractId: { } contract } when row.Kind == WireName.Of(NotificationKind.MessageReceived) => $"/contracts/{contract}#messages",
        { ContractId: { } contract } => $"/contracts/{contract}",
        { TeamId: { } team } => $"/teams/{team}#messages",
        { JobId: { } job } => $"/jobs/{job}",
        { TicketId: { } ticket } => row.Kind == WireName.Of(NotificationKind.TicketReceived) ? $"/admin/tickets/{ticket}" : $"/help/tickets/{ticket}",
        { Notice: { } notice } => Programmes.NoticeNotifications.PageOf(notice.Id),
        _ => "/notifications",
    };

    private sealed class Claimed
    {
        public string Id { get; init; } = "";
        public string UserId { get; init; } = "";
        public bool Digest { get; init; }
        public int Attempts { get; init; }
        public string Kind { get; init; } = "";
        public string Message { get; init; } = "";
        public string? JobId { get; init; }
        public string? ContractId { get; init; }
        public string? EventKey { get; init; }
        public string? TicketId { get; set; }
        public string? TeamId { get; set; }
        /// <summary>The office's notice a programmeNotice tells of: its title and text go into the mail.</summary>
        public Programmes.NoticeNotifications.Told? Notice { get; set; }
        public string? JobTitle { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Language { get; init; } = "ja";
        public string? Delivery { get; init; }
        public DateTimeOffset? SuspendedAt { get; init; }

        /// <summary>
        /// Turned off since the event (an unsubscribe, a settings change), or its account is suspended: an account
        /// suspended on suspicion that someone else holds it must not keep being mailed what its deals are doing
        /// (issue 13; Admin/Suspension.cs). The notification stays, to read after a reinstatement.
        /// </summary>
        public bool Dropped => Delivery == "never" || SuspendedAt is not null;
    }

    /// <summary>One pass: claims due mail, sends (or logs) it, marks it. Answers how many mails left.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var now = clock.GetUtcNow();
        var lease = Guid.NewGuid().ToString("N");
        if (await db.ExecuteAsync(ClaimSql, new { Lease = lease, Until = now.AddSeconds(options.Value.LeaseSeconds), Now = now }) == 0) return 0;
        var rows = await db.QueryAsync<Claimed>(
            """
            SELECT o.id, o.user_id, o.digest, o.attempts, n.kind, n.message, n.job_id, n.contract_id, j.title AS job_title,
                   n.event_key, n.team_id,
                   u.email, u.display_name, u.language, s.delivery, u.suspended_at
            FROM mail_outbox o
            JOIN notifications n ON n.id = o.notification_id
            JOIN users u ON u.id = o.user_id
            LEFT JOIN jobs j ON j.id = n.job_id
            LEFT JOIN notification_settings s ON s.user_id = o.user_id AND s.kind = n.kind
            WHERE o.lease = @Lease
            """, new { Lease = lease });
        // A question's mail links to its ticket, named by the notification's event key.
        var tickets = await Help.TicketNotifications.TicketsOfAsync(db, rows
            .Where(r => r.Kind == WireName.Of(NotificationKind.TicketReceived) || r.Kind == WireName.Of(NotificationKind.TicketAnswered))
            .Select(r => r.EventKey));
        foreach (var row in rows) row.TicketId = row.EventKey is { } key ? tickets.GetValueOrDefault(key) : null;
        // An office's notice is mailed with its title and text, found by its event key the same way.
        var notices = await Programmes.NoticeNotifications.NoticesOfAsync(db, rows
            .Where(r => r.Kind == WireName.Of(NotificationKind.ProgrammeNotice)).Select(r => r.EventKey));
        foreach (var row in rows) row.Notice = row.EventKey is { } key ? notices.GetValueOrDefault(key) : null;

        var dropped = rows.Where(r => r.Dropped).Select(r => r.Id).ToArray();
        if (dropped.Length > 0)
            await db.ExecuteAsync("UPDATE mail_outbox SET status = 'dropped', lease = NULL WHERE id IN @Ids AND lease = @Lease", new { Ids = dropped, Lease = lease });

        var sent = 0;
        var live = rows.Where(r => !r.Dropped).ToList();
        var batches = live.Where(r => !r.Digest).Select(r => new[] { r })
            .Concat(live.Where(r => r.Digest).GroupBy(r => r.UserId).Select(g => g.ToArray()));
        using var connection = new SmtpConnection(options.Value.Smtp);
        foreach (var batch in batches)
        {
            var ids = batch.Select(r => r.Id).ToArray();
            try
            {
                var mail = Compose(batch);
                var logged = await DeliverAsync(connection, mail, ct);
                await db.ExecuteAsync(
                    "UPDATE mail_outbox SET status = @Status, sent_at = @Now, lease = NULL, lease_until = NULL WHERE id IN @Ids AND lease = @Lease",
                    new { Status = WireName.Of(logged ? MailStatus.Logged : MailStatus.Sent), Now = clock.GetUtcNow(), Ids = ids, Lease = lease });
                sent++;
            }
            catch (Exception e) when (SmtpConnection.IsFailure(e))
            {
                var attempts = batch.Max(r => r.Attempts) + 1;
                var wait = TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, attempts - 1)));
                var failed = attempts >= options.Value.MaxAttempts;
                logger.LogWarning("Mail {Ids} failed (attempt {Attempts}{Final}): {Error}", string.Join(",", ids), attempts, failed ? ", giving up" : "", e.Message);
                await db.ExecuteAsync(
                    """
                    UPDATE mail_outbox SET attempts = @Attempts, next_attempt_at = @Next, last_error = @Error, lease = NULL, lease_until = NULL,
                                           status = @Status
                    WHERE id IN @Ids AND lease = @Lease
                    """,
                    new { Attempts = attempts, Next = clock.GetUtcNow() + wait, Error = e.Message[..Math.Min(500, e.Message.Length)],
                          Status = WireName.Of(failed ? MailStatus.Failed : MailStatus.Pending), Ids = ids, Lease = lease });
            }
        }
        await connection.CloseAsync(ct);
        return sent;
    }

    /// <summary>Sends over SMTP, or, with no host configured, logs the mail; answers whether it was only logged.</summary>
    private async Task<bool> DeliverAsync(SmtpConnection connection, MimeMessage mail, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Smtp.Host))
        {
            if (environment.IsDevelopment())
                logger.LogInformation("Mail (not sent: no Email:Smtp:Host) to {To}: {Subject}\n{Body}", mail.To, mail.Subject, mail.TextBody);
            else
                logger.LogInformation("Mail (not sent: no Email:Smtp:Host) to {To}: {Subject}", mail.To, mail.Subject);
            return true;
        }
        await connection.SendAsync(mail, ct);
        return false;
    }

    private MimeMessage Compose(IReadOnlyList<Claimed> batch)
    {
        var first = batch[0];
        var language = WireName.TryParse<Language>(first.Language, out var l) ? l : Language.Ja;
        var frame = MailWording.FrameIn(language);
        var baseUrl = options.Value.BaseUrl.TrimEnd('/');
        var body = new StringBuilder();
        body.AppendLine(frame.Greeting.Replace("{name}", first.DisplayName)).AppendLine();
        if (batch.Count > 1 || first.Digest) body.AppendLine(frame.Digest).AppendLine();
        string subject = "";
        foreach (var row in batch)
        {
            var kind = WireName.TryParse<NotificationKind>(row.Kind, out var k) ? k : default;
            var wording = MailWording.For(kind, language, out var fellBack);
            if (fellBack || !WireName.TryParse<NotificationKind>(row.Kind, out _))
                logger.LogError("No mail wording for notification kind {Kind} in {Language}: the generic wording was used", row.Kind, language);
            var job = row.JobTitle ?? frame.NoJob;
            string Fill(string text) => text.Replace("{job}", job).Replace("{notice}", row.Notice?.Title ?? row.Message)
                .Replace("{programme}", row.Notice?.ProgrammeName ?? "");
            subject = Fill(wording.Subject);
            body.AppendLine(Fill(wording.Line));
            if (row.JobTitle is not null) body.AppendLine($"{frame.JobLabel}: {row.JobTitle}");
            // The notice itself, as the office wrote it (plain text, its lines kept): members read it in the mail.
            if (row.Notice is { } notice) body.AppendLine().AppendLine(notice.Title).AppendLine().AppendLine(notice.Body.ReplaceLineEndings()).AppendLine();
            body.AppendLine($"{frame.Open} {baseUrl}{PageOf(row)}");
            body.AppendLine();
        }
        if (batch.Count > 1) subject = frame.DigestSubject.Replace("{count}", batch.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // RFC 8058: the one-click address is https (or the site's own scheme), names the person and the kind, and is POSTed to.
        var unsubscribe = $"{baseUrl}/mail/unsubscribe?token={Uri.EscapeDataString(tokens.For(first.UserId, WireName.TryParse<NotificationKind>(first.Kind, out var firstKind) ? firstKind : default))}";
        body.AppendLine("--").AppendLine(frame.Unsubscribe).AppendLine(unsubscribe)
            .AppendLine(frame.Settings).AppendLine($"{baseUrl}/settings/notifications").AppendLine().AppendLine(frame.Footer);

        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(options.Value.Smtp.From));
        mail.To.Add(new MailboxAddress(first.DisplayName, first.Email));
        mail.Subject = (language == Language.En ? "[Regional Work Market] " : "【地域しごとマーケット】") + subject;
        var text = new TextPart("plain") { ContentTransferEncoding = ContentEncoding.Base64 };
        text.SetText(Encoding.UTF8, body.ToString());
        mail.Body = text;
        mail.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        mail.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mail.Headers.Add("Auto-Submitted", "auto-generated"); // RFC 3834: no auto-replies to a notification
        return mail;
    }

    async Task IPeriodicWork.RunAsync(CancellationToken ct)
    {
        var sent = await RunOnceAsync(ct);
        if (sent > 0) logger.LogInformation("Sent {Count} mails", sent);
    }
}
