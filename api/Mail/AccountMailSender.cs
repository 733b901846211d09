using System.Text;
using Marketplace.Platform;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Mail;

/// <summary>
/// Sends account mail (<see cref="AccountMailOutbox"/>) on the same schedule, with the same leases and back-off as the
/// notifications' <see cref="MailSender"/>, one mail at a time: a reset link is waited for. Once a mail has left (or
/// failed for good), its sealed token is cleared. Mail for a suspended account is dropped, as notifications are: an
/// account suspended on suspicion that someone else holds it must not be handed a way back in.
/// </summary>
public sealed class AccountMailSender(IServiceScopeFactory scopes, TimeProvider clock, IOptions<MailOptions> options, AccountMailOutbox outbox,
    IHostEnvironment environment, ILogger<AccountMailSender> logger) : IPeriodicWork
{
    public string Name => "account-mail";
    public TimeSpan Every => TimeSpan.FromSeconds(Math.Max(1, options.Value.SendIntervalSeconds));

    internal const string ClaimSql = """
        UPDATE account_mail SET lease = @Lease, lease_until = @Until
        WHERE status = 'pending' AND next_attempt_at <= @Now AND (lease_until IS NULL OR lease_until < @Now)
          AND id IN (SELECT m.id FROM account_mail m
                     WHERE m.status = 'pending' AND m.next_attempt_at <= @Now AND (m.lease_until IS NULL OR m.lease_until < @Now)
                     ORDER BY m.next_attempt_at LIMIT 50)
        """;

    private sealed class Claimed
    {
        public string Id { get; init; } = "";
        public string Kind { get; init; } = "";
        public string ToAddress { get; init; } = "";
        public string? SealedToken { get; init; }
        public int Attempts { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Language { get; init; } = "ja";
        public DateTimeOffset? SuspendedAt { get; init; }
        /// <summary>For an office invitation: the programme the person is invited to, and where it is.</summary>
        public string? ProgrammeName { get; init; }
        public string? Prefecture { get; init; }
    }

    /// <summary>One pass: claims due account mail, sends (or logs) it, marks it. Answers how many mails left.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var now = clock.GetUtcNow();
        var lease = Guid.NewGuid().ToString("N");
        if (await db.ExecuteAsync(ClaimSql, new { Lease = lease, Until = now.AddSeconds(options.Value.LeaseSeconds), Now = now }) == 0) return 0;
        var rows = await db.QueryAsync<Claimed>(
            """
            SELECT m.id, m.kind, m.to_address, m.sealed_token, m.attempts, u.email, u.display_name, u.language, u.suspended_at,
                   p.name AS programme_name, p.prefecture
            FROM account_mail m JOIN users u ON u.id = m.user_id
                 LEFT JOIN programme_staff s ON s.user_id = m.user_id LEFT JOIN programmes p ON p.id = s.programme_id
            WHERE m.lease = @Lease
            """, new { Lease = lease });

        var sent = 0;
        // One SMTP session for the pass, as the notifications' sender keeps one (SmtpConnection).
        using var connection = new SmtpConnection(options.Value.Smtp);
        foreach (var row in rows)
        {
            if (row.SuspendedAt is not null || !WireName.TryParse<AccountMailKind>(row.Kind, out var kind))
            {
                await db.ExecuteAsync("UPDATE account_mail SET status = 'dropped', sealed_token = NULL, lease = NULL WHERE id = @Id AND lease = @Lease",
                    new { row.Id, Lease = lease });
                continue;
            }
            try
            {
                var mail = Compose(row, kind);
                var logged = await DeliverAsync(connection, mail, ct);
                await db.ExecuteAsync(
                    """
                    UPDATE account_mail SET status = @Status, sent_at = @Now, sealed_token = NULL, lease = NULL, lease_until = NULL
                    WHERE id = @Id AND lease = @Lease
                    """,
                    new { Status = WireName.Of(logged ? MailStatus.Logged : MailStatus.Sent), Now = clock.GetUtcNow(), row.Id, Lease = lease });
                sent++;
            }
            catch (Exception e) when (SmtpConnection.IsFailure(e))
            {
                var attempts = row.Attempts + 1;
                var failed = attempts >= options.Value.MaxAttempts;
                logger.LogWarning("Account mail {Id} failed (attempt {Attempts}{Final}): {Error}", row.Id, attempts, failed ? ", giving up" : "", e.Message);
                await db.ExecuteAsync(
                    """
                    UPDATE account_mail SET attempts = @Attempts, next_attempt_at = @Next, last_error = @Error, lease = NULL, lease_until = NULL,
                                            status = @Status, sealed_token = CASE WHEN @Failed = 1 THEN NULL ELSE sealed_token END
                    WHERE id = @Id AND lease = @Lease
                    """,
                    new
                    {
                        Attempts = attempts, Next = clock.GetUtcNow() + TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, attempts - 1))),
                        Error = e.Message[..Math.Min(500, e.Message.Length)], Status = WireName.Of(failed ? MailStatus.Failed : MailStatus.Pending),
                        Failed = failed ? 1 : 0, row.Id, Lease = lease,
                    });
            }
        }
        await connection.CloseAsync(ct);
        return sent;
    }

    private MimeMessage Compose(Claimed row, AccountMailKind kind)
    {
        var language = WireName.TryParse<Language>(row.Language, out var l) ? l : Language.Ja;
        var wording = AccountMailWording.In(language)[kind];
        var link = AccountMailWording.LinkPath(kind) is { } path && outbox.Unseal(row.SealedToken) is { } token
            ? $"{options.Value.BaseUrl.TrimEnd('/')}{path}{token}"
            : "";
        if (AccountMailWording.LinkPath(kind) is not null && link.Length == 0)
            throw new InvalidOperationException("The link's token could not be unsealed (were the data-protection keys replaced?).");
        string Fill(string text) => text.Replace("{name}", row.DisplayName).Replace("{link}", link).Replace("{email}", row.Email)
            .Replace("{programme}", row.ProgrammeName ?? "").Replace("{prefecture}", row.Prefecture ?? "").Replace("{to}", row.ToAddress);
        var body = Fill(wording.Body);
        var frame = MailWording.FrameIn(language);
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(options.Value.Smtp.From));
        mail.To.Add(new MailboxAddress(row.DisplayName, row.ToAddress));
        mail.Subject = (language == Language.En ? "[Regional Work Market] " : "【地域しごとマーケット】") + Fill(wording.Subject);
        var text = new TextPart("plain") { ContentTransferEncoding = ContentEncoding.Base64 };
        text.SetText(Encoding.UTF8, body + Environment.NewLine + "--" + Environment.NewLine + frame.Footer + Environment.NewLine);
        mail.Body = text;
        mail.Headers.Add("Auto-Submitted", "auto-generated"); // RFC 3834: no auto-replies
        return mail;
    }

    /// <summary>Sends over SMTP, or, with no host configured, logs the mail (its link only in Development); answers whether it was only logged.</summary>
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

    async Task IPeriodicWork.RunAsync(CancellationToken ct)
    {
        var sent = await RunOnceAsync(ct);
        if (sent > 0) logger.LogInformation("Sent {Count} account mails", sent);
    }
}
