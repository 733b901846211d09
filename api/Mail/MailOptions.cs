namespace Marketplace.Mail;

/// <summary>The <c>Email</c> settings. With no <c>Smtp:Host</c> (the embedded default) mail is written to the outbox and logged, not sent.</summary>
public sealed class MailOptions
{
    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>The site's address as people reach it, for the links in mail (the job, the contract, unsubscribe).</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>How often the sender looks for due mail: mail "at once" leaves within this many seconds of its event.</summary>
    public int SendIntervalSeconds { get; set; } = 30;

    /// <summary>Attempts before a mail is given up as failed; the wait doubles after each failure, from a minute up to six hours.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a sender holds the mail it claimed before another instance may take it over.</summary>
    public int LeaseSeconds { get; set; } = 300;
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }
    /// <summary>587, the submission port (RFC 6409), where the client upgrades with STARTTLS (RFC 3207); 465 is implicit TLS (RFC 8314).</summary>
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Regional Work Market <no-reply@localhost>";

    /// <summary>
    /// How the connection is protected. <c>auto</c> (the default): implicit TLS on port 465 (RFC 8314 §3.3), otherwise
    /// STARTTLS, which the server must offer; <c>tls</c>: implicit TLS on any port; <c>startTls</c>: STARTTLS, required;
    /// <c>none</c>: plain text, only for a relay on the same host.
    /// </summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>The older switch: <c>false</c> means <c>none</c> while <see cref="Security"/> is <c>auto</c>.</summary>
    public bool StartTls { get; set; } = true;

    internal MailKit.Security.SecureSocketOptions SocketOptions() => Security switch
    {
        SmtpSecurity.Tls => MailKit.Security.SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTls => MailKit.Security.SecureSocketOptions.StartTls,
        SmtpSecurity.None => MailKit.Security.SecureSocketOptions.None,
        _ when Port == 465 => MailKit.Security.SecureSocketOptions.SslOnConnect,
        _ => StartTls ? MailKit.Security.SecureSocketOptions.StartTls : MailKit.Security.SecureSocketOptions.None,
    };
}

/// <summary>How mail is protected on its way to the SMTP server (see <see cref="SmtpSettings.Security"/>).</summary>
public enum SmtpSecurity { Auto, Tls, StartTls, None }

/// <summary>What became of a mail in the outbox.</summary>
public enum MailStatus { Pending, Sent, Logged, Failed, Dropped }

/// <summary>How a person wants one kind of notification by mail.</summary>
public enum MailDelivery { Immediately, Daily, Never }

/// <summary>The languages mail (and the web client) speak; a person's setting, Japanese by default.</summary>
public enum Language { Ja, En }
