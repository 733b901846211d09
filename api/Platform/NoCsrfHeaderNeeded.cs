namespace Marketplace.Platform;

/// <summary>
/// Endpoint metadata of a route that acts on a token in its address and never on the signed-in cookie (such as a mail's
/// one-click unsubscribe link, RFC 8058): the CSRF guard lets it through without the CSRF header, which a mail program's
/// POST cannot send. Platform vocabulary, so that a feature can mark its route without knowing who guards it.
/// </summary>
public sealed record NoCsrfHeaderNeeded;
