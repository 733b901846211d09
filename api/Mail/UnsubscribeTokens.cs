using System.Buffers.Text;
using System.Text;
using Marketplace.Notifications;
using Marketplace.Platform;
using Microsoft.AspNetCore.DataProtection;

namespace Marketplace.Mail;

/// <summary>
/// The token in a mail's unsubscribe link names the person and the kind of mail, sealed with ASP.NET Core Data
/// Protection (authenticated encryption with the app's key ring, the one that seals sign-in cookies), so that it works
/// without signing in and cannot be forged or pointed at someone else.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Marketplace.Mail.Unsubscribe.v1");

    public string For(string userId, NotificationKind kind) =>
        Base64Url.EncodeToString(_protector.Protect(Encoding.UTF8.GetBytes($"{userId}\n{WireName.Of(kind)}")));

    public (string UserId, NotificationKind Kind)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000) return null;
        try
        {
            var parts = Encoding.UTF8.GetString(_protector.Unprotect(Base64Url.DecodeFromChars(token))).Split('\n');
            return parts.Length == 2 && WireName.TryParse<NotificationKind>(parts[1], out var kind) ? (parts[0], kind) : null;
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
