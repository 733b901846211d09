using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Marketplace.Tests;

/// <summary>
/// A tiny SMTP server (RFC 5321) for the tests: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT, enough for the framework's
/// SmtpClient. It keeps every message and can refuse the next N messages with a 451, as a busy server does.
/// </summary>
public sealed class SmtpReceiver : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ReceivedMail> _mails = [];
    private int _refuse;
    private int _connections;

    public SmtpReceiver()
    {
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many SMTP sessions clients opened.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<ReceivedMail> Mails
    {
        get { lock (_mails) return _mails.ToList(); }
    }

    /// <summary>Answers 451 (try again later) to the next <paramref name="count"/> messages.</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref _refuse, count);

    /// <summary>Forgets the messages received and any refusals still to come.</summary>
    public void Clear()
    {
        lock (_mails) _mails.Clear();
        Interlocked.Exchange(ref _connections, 0);
        Interlocked.Exchange(ref _refuse, 0);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP");
        string from = "";
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "HELO" or "NOOP" or "RSET":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "MAIL":
                    from = line;
                    to.Clear();
                    if (Interlocked.Decrement(ref _refuse) >= 0) await writer.WriteLineAsync("451 4.3.0 Try again later");
                    else await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(line);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End with <CRLF>.<CRLF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    lock (_mails) _mails.Add(Parse(from, to.ToList(), data.ToString()));
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }

    private static ReceivedMail Parse(string from, List<string> to, string data)
    {
        var split = data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = Regex.Replace(data[..split], @"\r\n[ \t]+", " ");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = DecodeWords(line[(colon + 1)..].Trim());
        }
        var body = data[(split + 4)..];
        if (headers.GetValueOrDefault("Content-Transfer-Encoding", "").Equals("base64", StringComparison.OrdinalIgnoreCase))
            body = Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(body, @"\s", "")));
        return new ReceivedMail(from, to, headers, body);
    }

    /// <summary>RFC 2047 encoded words (=?utf-8?B?…?= and =?utf-8?Q?…?=), adjacent ones joined.</summary>
    private static string DecodeWords(string value) =>
        Regex.Replace(Regex.Replace(value, @"\?=\s+=\?", "?==?"), @"=\?([^?]+)\?([BbQq])\?([^?]*)\?=", m =>
        {
            var encoding = Encoding.GetEncoding(m.Groups[1].Value);
            if (m.Groups[2].Value is "B" or "b") return encoding.GetString(Convert.FromBase64String(m.Groups[3].Value));
            var q = Regex.Replace(m.Groups[3].Value.Replace('_', ' '), "=([0-9A-Fa-f]{2})", h => ((char)Convert.ToByte(h.Groups[1].Value, 16)).ToString());
            return encoding.GetString(q.Select(c => (byte)c).ToArray());
        });

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
