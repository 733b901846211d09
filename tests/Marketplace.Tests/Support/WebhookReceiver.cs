using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Marketplace.Tests;

/// <summary>A webhook's receiver on the loopback interface: keeps each request and answers the status a test sets.</summary>
public sealed class WebhookReceiver : IDisposable
{
    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    private readonly HttpListener _listener = new();
    private readonly List<Received> _received = [];
    private volatile int _status = 200;
    private volatile string? _location;

    public WebhookReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ListenAsync);
    }

    public int Port { get; }

    public string Url(string path = "hook") => $"http://127.0.0.1:{Port}/{path}";

    public IReadOnlyList<Received> Requests { get { lock (_received) return _received.ToList(); } }

    /// <summary>The status every request is answered with from now on (a Location with a redirect).</summary>
    public void Answer(int status, string? location = null)
    {
        _status = status;
        _location = location;
    }

    public void Clear()
    {
        lock (_received) _received.Clear();
        Answer(200);
    }

    private async Task ListenAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!);
            lock (_received) _received.Add(new Received(context.Request.Url!.AbsolutePath, headers, body));
            context.Response.StatusCode = _status;
            if (_location is not null) context.Response.Headers["Location"] = _location;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
