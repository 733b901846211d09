using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Marketplace.Mail;

/// <summary>
/// One SMTP session for one pass of the sender: connected (TLS as <see cref="SmtpSettings.Security"/> says) and
/// authenticated for the first mail, reused for the rest, reconnected if the server dropped it, closed at the end.
/// </summary>
internal sealed class SmtpConnection(SmtpSettings settings) : IDisposable
{
    private readonly SmtpClient _client = new() { Timeout = 30_000 };

    public async Task SendAsync(MimeMessage mail, CancellationToken ct)
    {
        if (!_client.IsConnected)
        {
            await _client.ConnectAsync(settings.Host ?? "", settings.Port, settings.SocketOptions(), ct);
            if (!string.IsNullOrEmpty(settings.User)) await _client.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
        }
        await _client.SendAsync(mail, ct);
    }

    public async Task CloseAsync(CancellationToken ct)
    {
        if (_client.IsConnected)
        {
            try { await _client.DisconnectAsync(quit: true, ct); }
            catch (Exception e) when (IsFailure(e)) { } // the mail is sent; a server that hangs up first is no failure
        }
    }

    /// <summary>What a mail server or the network can do to one mail: retried later, never a crash of the sender.</summary>
    public static bool IsFailure(Exception e) =>
        e is MailKit.CommandException or MailKit.ProtocolException or MailKit.ServiceNotConnectedException or AuthenticationException
            or SslHandshakeException or IOException or System.Net.Sockets.SocketException or TimeoutException or FormatException
            or InvalidOperationException;

    public void Dispose() => _client.Dispose();
}
