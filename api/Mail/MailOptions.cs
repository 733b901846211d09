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
    /// <summary>587, the submission port (RFC 6409), where the client upgrades with STARTTLS (RFC 3207).</summary>
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Yuzawa Marketplace <no-reply@localhost>";
    /// <summary>
    /// Upgrade the connection with STARTTLS. The framework's SmtpClient (EnableSsl) then requires the server to offer it
    /// and fails otherwise; it cannot upgrade only "when offered". Turn it off only for a server on the same host.
    /// </summary>
    public bool StartTls { get; set; } = true;
}

/// <summary>What became of a mail in the outbox.</summary>
public enum MailStatus { Pending, Sent, Logged, Failed, Dropped }

/// <summary>How a person wants one kind of notification by mail.</summary>
public enum MailDelivery { Immediately, Daily, Never }

/// <summary>The languages mail (and the web client) speak; a person's setting, Japanese by default.</summary>
public enum Language { Ja, En }
