using Marketplace.Mail;
using MailKit.Security;

namespace Marketplace.Tests;

/// <summary>How the sender protects its SMTP connection, from Email:Smtp:Security and the port.</summary>
public sealed class SmtpSecurityTests
{
    [TestCase(SmtpSecurity.Auto, 465, true, SecureSocketOptions.SslOnConnect, TestName = "Auto on 465 is implicit TLS (RFC 8314)")]
    [TestCase(SmtpSecurity.Auto, 587, true, SecureSocketOptions.StartTls, TestName = "Auto on 587 requires STARTTLS")]
    [TestCase(SmtpSecurity.Auto, 587, false, SecureSocketOptions.None, TestName = "Auto with the older StartTls=false is plain")]
    [TestCase(SmtpSecurity.Tls, 2465, true, SecureSocketOptions.SslOnConnect, TestName = "Tls is implicit TLS on any port")]
    [TestCase(SmtpSecurity.StartTls, 25, false, SecureSocketOptions.StartTls, TestName = "StartTls requires STARTTLS whatever the older switch says")]
    [TestCase(SmtpSecurity.None, 465, true, SecureSocketOptions.None, TestName = "None is plain even on 465")]
    public void The_connection_is_protected_as_configured(SmtpSecurity security, int port, bool startTls, SecureSocketOptions expected) =>
        Assert.That(new SmtpSettings { Security = security, Port = port, StartTls = startTls }.SocketOptions(), Is.EqualTo(expected));
}
