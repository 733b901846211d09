namespace Marketplace.Accounts;

/// <summary>Emails are compared as typed, trimmed and lower-cased: one account per address.</summary>
public static class Emails
{
    public static string Normalize(string? email) => (email ?? "").Trim().ToLowerInvariant();
}
