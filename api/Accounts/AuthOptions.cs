namespace Marketplace.Accounts;

/// <summary>The "Auth" settings; README "Security" lists them with their defaults.</summary>
public sealed class AuthOptions
{
    /// <summary>PBKDF2-HMAC-SHA512 iterations (see <see cref="Authentication.PasswordIterations"/>). Tests lower it.</summary>
    public int PasswordIterations { get; set; } = Authentication.PasswordIterations;

    /// <summary>
    /// Sign-in and sign-up attempts per client address per minute. A ceiling against floods only: a telework centre
    /// behind one address signs 30 people in within a minute, so guessing is throttled per account instead.
    /// </summary>
    public int LoginAttemptsPerMinute { get; set; } = 300;

    /// <summary>Failed sign-ins of one email before it is locked for a while (OWASP ASVS 5.0 V6.3.1).</summary>
    public int FailedSignInsBeforeLock { get; set; } = 5;

    /// <summary>The first lock; each further failure after a lock doubles it, up to <see cref="MaxLockMinutes"/>.</summary>
    public double LockMinutes { get; set; } = 1;

    /// <summary>
    /// Short enough that a stranger who types someone's email five times locks them out only briefly, long enough
    /// that online guessing stays far below NIST SP 800-63B 5.2.2's 100 consecutive failures a day.
    /// </summary>
    public double MaxLockMinutes { get; set; } = 15;

    /// <summary>
    /// Password-reset mails one address can be sent in an hour (counted whether or not an account has it): enough for a
    /// person who lost the first mail, too few to flood a mailbox.
    /// </summary>
    public int ResetMailsPerAddressPerHour { get; set; } = 3;

    /// <summary>Password resets one client address may ask for in an hour, for any addresses: a telework centre's room fits.</summary>
    public int ResetRequestsPerClientPerHour { get; set; } = 30;

    /// <summary>Confirmation links one account can have mailed in an hour (a new one for its address, or for a new address).</summary>
    public int ConfirmationMailsPerAccountPerHour { get; set; } = 5;

    /// <summary>A session unused this long ends (ASVS V7.3.1): a shared PC left signed in is not open for days.</summary>
    public double SessionIdleHours { get; set; } = 12;

    /// <summary>A session ends this long after sign-in however busy it is (ASVS V7.3.2).</summary>
    public double SessionLifetimeDays { get; set; } = 30;
}
