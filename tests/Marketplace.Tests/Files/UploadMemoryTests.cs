using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marketplace.Platform;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// A 100 MB upload through real HTTP (Kestrel on a socket) streams to storage: the process's memory rises by far less
/// than the file, on each store (the folder; an S3-protocol server on loopback, in a process of its own, so its memory
/// is not counted). The figures are written to the test output; docs/measurements.md quotes them.
/// </summary>
[NonParallelizable]
[TestFixture("folder")]
[TestFixture("s3")]
public sealed class UploadMemoryTests(string store) : ApiTest
{
    private IDictionary<string, string?>? _settings;

    protected override bool RealServer => true;

    protected override IDictionary<string, string?>? Settings =>
        _settings ??= store == "s3" ? S3Server.Settings(S3Server.NewBucket()) : null;

    private const long Size = 100L * 1024 * 1024;
    /// <summary>
    /// The managed heap, which the upload's own buffers are: the S3 store's part pool keeps it at ~26 MB (it rose by 33.9 MB
    /// when a part grew by doubling, which this caught).
    /// </summary>
    private const long HeapBudget = 32L * 1024 * 1024;
    /// <summary>
    /// The process's working set moves with the machine's load as well (threads, the database driver's pool, native
    /// buffers): 16–29 MB in quiet runs, once 32.9 MB in a full run on PostgreSQL beside other work. A buffered upload would
    /// raise it by the whole 100 MB.
    /// </summary>
    private const long WorkingSetBudget = 48L * 1024 * 1024;

    [Test]
    public async Task A_100_MB_upload_raises_the_managed_heap_by_less_than_32_MB_and_the_working_set_by_less_than_48_MB()
    {
        // Kestrel on a free port, as the browser tests start it.
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        ServerAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        var worker = await SignUp(Role.Worker);
        // A plain socket client (SocketsHttpHandler), not the test server's in-memory one.
        using var http = new HttpClient { BaseAddress = ServerAddress };
        (await http.PostAsJsonAsync("/api/auth/login", new { email = worker.Email, password = Password })).EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Add("X-CSRF", "1");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        long peakWorkingSet = workingSetBefore, peakHeap = heapBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                await Task.Delay(10);
            }
        });

        var content = new StreamContent(new GeneratedPdf(Size), 81920);
        content.Headers.ContentLength = Size;
        var response = await http.PostAsync("/api/files", Uploads.Form(content, "interview.pdf", "application/pdf"));
        sampling.Cancel();
        await sampler;
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);

        var workingSetRise = peakWorkingSet - workingSetBefore;
        var heapRise = peakHeap - heapBefore;
        TestContext.Out.WriteLine($"100 MB upload to the {store} store: peak working set +{workingSetRise / 1024.0 / 1024:F1} MB, peak managed heap +{heapRise / 1024.0 / 1024:F1} MB " +
                                  $"(client and server in one process; GC allocated in total {GC.GetTotalAllocatedBytes() / 1024 / 1024} MB since start)");
        Assert.That(workingSetRise, Is.LessThan(WorkingSetBudget));
        Assert.That(heapRise, Is.LessThan(HeapBudget));
    }

    /// <summary>A PDF header then pseudo-random bytes, made as they are read: the test holds no 100 MB buffer either.</summary>
    private sealed class GeneratedPdf(long length) : Stream
    {
        private readonly Random _random = new(9);
        private long _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            if (n <= 0) return 0;
            _random.NextBytes(buffer.AsSpan(offset, n));
            if (_position == 0) "%PDF-1.7\n"u8.CopyTo(buffer.AsSpan(offset));
            _position += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
