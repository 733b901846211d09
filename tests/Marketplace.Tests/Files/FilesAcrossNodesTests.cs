using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Amazon.S3.Model;
using Marketplace.Files;
using Marketplace.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// Issue 26: with <c>Files:Store</c> = <c>s3</c> the nodes share nothing but the database and the object store (s3rver
/// on loopback here): each node has a folder of its own, installed elsewhere, and serves what another received; an
/// upload larger than a part goes through a multipart upload; the sweep on any node removes objects no row names and
/// never one a row names.
/// </summary>
public sealed class FilesAcrossNodesTests : ApiTest
{
    private readonly ManualClock _clock = new();
    private readonly List<string> _folders = [];
    private string? _bucket;

    protected override TimeProvider? Clock => _clock;

    protected override IDictionary<string, string?>? Settings => NodeSettings();

    private Dictionary<string, string?> NodeSettings()
    {
        var settings = S3Server.Settings(_bucket ??= S3Server.NewBucket());
        // The sweep's test moves the clock by hours; the sign-in must outlive it.
        settings["Auth:SessionIdleHours"] = "100";
        return settings;
    }

    [SetUp]
    public async Task EmptyBucket() => await S3Server.Empty(_bucket!);

    [TearDown]
    public void RemoveFolders()
    {
        foreach (var folder in _folders) Directory.Delete(folder, recursive: true);
        _folders.Clear();
    }

    /// <summary>Another node on the fixture's database and bucket, installed in a folder of its own with its own files folder.</summary>
    private MarketplaceApp OtherNode()
    {
        var folder = Directory.CreateTempSubdirectory("marketplace-node-").FullName;
        _folders.Add(folder);
        var settings = NodeSettings();
        settings["Files:Folder"] = Path.Combine(folder, "files");
        var node = new MarketplaceApp(App.Database, settings, clock: _clock, configure: host => host.UseContentRoot(folder));
        _ = node.Server;
        return node;
    }

    private static HttpClient WithCookie(MarketplaceApp node, string cookie)
    {
        var client = node.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        client.DefaultRequestHeaders.Add("X-CSRF", "1");
        return client;
    }

    private static string FilesFolderOf(MarketplaceApp node) =>
        node.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FilesOptions>>().Value.Folder;

    private static string[] FilesIn(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];

    /// <summary>A PDF of <paramref name="size"/> bytes that differ from one test to the next.</summary>
    private static byte[] Pdf(int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    [Test]
    public async Task Two_nodes_with_folders_of_their_own_serve_each_others_uploads_from_the_object_store()
    {
        var worker = await SignUp(Role.Worker);
        var cookie = await SignInCookie(worker.Email);
        using var other = OtherNode();
        Assert.That(FilesFolderOf(other), Is.Not.EqualTo(FilesFolderOf(App)));

        var here = await Created(await WithCookie(App, cookie).Upload(Uploads.Pdf, "見積書.pdf"));
        var there = await Created(await WithCookie(other, cookie).Upload(Uploads.Text("0123456789abcdefghij"), "memo.txt"));

        Assert.That(await (await WithCookie(other, cookie).GetAsync($"/api/files/{Id(here)}")).Content.ReadAsByteArrayAsync(), Is.EqualTo(Uploads.Pdf));
        var range = new HttpRequestMessage(HttpMethod.Get, $"/api/files/{Id(there)}");
        range.Headers.Range = new RangeHeaderValue(10, 14);
        var partial = await WithCookie(App, cookie).SendAsync(range);
        Assert.That(partial.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(await partial.Content.ReadAsStringAsync(), Is.EqualTo("abcde"));

        Assert.That(await S3Server.Keys(_bucket!), Is.EquivalentTo(new[] { Str(here["sha256"]), Str(there["sha256"]) }));
        Assert.That(FilesIn(FilesFolderOf(App)).Concat(FilesIn(FilesFolderOf(other))), Is.Empty, "no node keeps a byte of its own");
    }

    [Test]
    public async Task An_upload_larger_than_a_part_is_stored_once_under_its_hash_and_read_by_ranges_across_its_parts()
    {
        var worker = await SignUp(Role.Worker);
        var bytes = Pdf(S3FileStore.PartSize + 1_500_000);
        var file = await Created(await worker.Http.Upload(bytes, "録音.pdf"));
        var key = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.That(Str(file["sha256"]), Is.EqualTo(key));
        Assert.That(await S3Server.Keys(_bucket!), Is.EqualTo(new[] { key }), "the multipart upload's own object is gone");
        Assert.That(S3Server.OpenMultipartUploads(_bucket!), Is.Zero);

        // The same bytes from someone else: a second row, still one object.
        var business = await SignUp(Role.Business);
        await Created(await business.Http.Upload(bytes, "copy.pdf"));
        Assert.That(await S3Server.Keys(_bucket!), Is.EqualTo(new[] { key }));

        var from = S3FileStore.PartSize - 100;
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/files/{Id(file)}");
        request.Headers.Range = new RangeHeaderValue(from, from + 199);
        var partial = await worker.Http.SendAsync(request);
        Assert.That(partial.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(await partial.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes[from..(from + 200)]));
        Assert.That(await (await worker.Http.GetAsync($"/api/files/{Id(file)}")).Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes));
    }

    [Test]
    public async Task An_upload_cut_off_after_its_first_part_leaves_nothing_in_the_bucket()
    {
        var worker = await SignUp(Role.Worker);
        var bytes = Pdf(S3FileStore.PartSize + 3_000_000);
        var content = new StreamContent(new BreakingStream(bytes, breakAfter: S3FileStore.PartSize + 1_000_000));
        Assert.CatchAsync(async () => await worker.Http.PostAsync("/api/files", Uploads.Form(content, "cut.pdf")));
        // The server may still be unwinding the request.
        for (var i = 0; i < 50 && (await S3Server.Keys(_bucket!)).Count > 0; i++) await Task.Delay(100);
        for (var i = 0; i < 50 && S3Server.OpenMultipartUploads(_bucket!) > 0; i++) await Task.Delay(100);
        Assert.That(Scalar("SELECT COUNT(*) FROM files"), Is.Zero);
        Assert.That(await S3Server.Keys(_bucket!), Is.Empty);
        Assert.That(S3Server.OpenMultipartUploads(_bucket!), Is.Zero, "the multipart upload is aborted, its parts deleted");
    }

    [Test]
    public async Task An_upload_thrown_away_after_its_first_part_leaves_no_part_in_the_store()
    {
        var store = App.Services.GetRequiredService<IFileStore>();
        await using (var upload = await store.BeginUploadAsync())
        {
            await upload.WriteAsync(Pdf(S3FileStore.PartSize + 1000));
            Assert.That(S3Server.OpenMultipartUploads(_bucket!), Is.EqualTo(1), "the first part went to the store as it filled");
        }
        Assert.That(S3Server.OpenMultipartUploads(_bucket!), Is.Zero, "aborted, its parts deleted");
        Assert.That(await S3Server.Keys(_bucket!), Is.Empty);
    }

    [Test]
    public async Task The_sweep_on_another_node_removes_objects_no_row_names_and_abandoned_uploads_but_never_an_object_a_row_names()
    {
        var worker = await SignUp(Role.Worker);
        var named = await Created(await worker.Http.Upload(Uploads.Pdf, "named.pdf"));
        var store = App.Services.GetRequiredService<IFileStore>();
        var orphan = Uploads.Text("bytes whose row was never written");
        var orphanKey = Convert.ToHexStringLower(SHA256.HashData(orphan));
        await store.PutAsync(orphanKey, new MemoryStream(orphan));
        using (var client = S3Server.Client())
            await client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "uploads/left-by-a-crash", ContentBody = "half", UseChunkEncoding = false });
        using var other = OtherNode();
        var sweeper = other.Services.GetRequiredService<FileSweeper>();
        Assert.That((await sweeper.RunOnceAsync()).Bytes, Is.Zero, "within the grace an upload may still be writing its row");

        _clock.Advance(TimeSpan.FromHours(2));
        Assert.That((await sweeper.RunOnceAsync()).Bytes, Is.EqualTo(1));
        Assert.That(await S3Server.Keys(_bucket!), Is.EqualTo(new[] { Str(named["sha256"]) }));
        Assert.That(await (await worker.Http.GetAsync($"/api/files/{Id(named)}")).Content.ReadAsByteArrayAsync(), Is.EqualTo(Uploads.Pdf));
    }

    /// <summary>A request body that fails part-way, as a connection that drops does.</summary>
    private sealed class BreakingStream(byte[] bytes, int breakAfter) : Stream
    {
        private int _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => bytes.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= breakAfter) throw new IOException("The connection dropped.");
            var n = Math.Min(count, Math.Min(bytes.Length, breakAfter) - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
