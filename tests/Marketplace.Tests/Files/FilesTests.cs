using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Marketplace.Files;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// Every rule of files, once on each store (<c>Files:Store</c>): the embedded folder, and an S3-protocol server on
/// loopback (s3rver, <see cref="S3Server"/>).
/// </summary>
[TestFixture("folder")]
[TestFixture("s3")]
public sealed class FilesTests(string store) : ApiTest
{
    private readonly ManualClock _clock = new();
    private string? _bucket;

    protected override TimeProvider? Clock => _clock;

    protected override IDictionary<string, string?>? Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Files:MaxBytes"] = "20000",
                ["Files:QuotaBytes"] = "30000",
                // The sweep's test moves the clock by a day; the sign-in must outlive it.
                ["Auth:SessionIdleHours"] = "100",
            };
            if (store == "s3")
                foreach (var (key, value) in S3Server.Settings(_bucket ??= S3Server.NewBucket())) settings[key] = value;
            return settings;
        }
    }

    /// <summary>The host's reset empties its folder; the bucket is emptied here.</summary>
    [SetUp]
    public async Task EmptyBucket()
    {
        if (_bucket is not null) await S3Server.Empty(_bucket);
    }

    private string Folder => App.Database.FilesFolder;

    /// <summary>Stored objects in the store (not uploads on their way).</summary>
    private string[] StoredObjects() =>
        App.Services.GetRequiredService<IFileStore>().ListAsync().ToBlockingEnumerable().Select(o => o.Key).ToArray();

    /// <summary>What uploads leave while they arrive: the folder store's staging files, the object store's upload objects.</summary>
    private string[] StagingFiles() =>
        _bucket is not null
            ? S3Server.Keys(_bucket).GetAwaiter().GetResult().Where(k => !FileKey.IsValid(k)).ToArray()
            : Directory.Exists(Path.Combine(Folder, "staging")) ? Directory.GetFiles(Path.Combine(Folder, "staging")) : [];

    [Test]
    public async Task Health_names_the_store_the_files_are_in()
    {
        var health = JsonNode.Parse(await (await Browser().GetAsync("/health")).Content.ReadAsStringAsync())!;
        Assert.That(Str(health["checks"]!["fileStore"]!["status"]), Is.EqualTo("Healthy"));
        Assert.That(Str(health["checks"]!["fileStore"]!["description"]), Is.EqualTo(store == "s3" ? $"s3 bucket {_bucket}" : "folder"));
    }

    private static async Task<JsonObject> Uploaded(User user, byte[] bytes, string name, string declaredType = "application/octet-stream") =>
        await Created(await user.Http.Upload(bytes, name, declaredType));

    [Test]
    public async Task An_upload_answers_the_file_and_its_uploader_downloads_the_same_bytes_under_its_Japanese_name()
    {
        var worker = await SignUp(Role.Worker);
        var file = await Uploaded(worker, Uploads.Pdf, "見積書 2026年.pdf");
        Assert.That(Str(file["name"]), Is.EqualTo("見積書 2026年.pdf"));
        Assert.That(file["size"]!.GetValue<long>(), Is.EqualTo(Uploads.Pdf.Length));
        Assert.That(Str(file["contentType"]), Is.EqualTo("application/pdf"));
        Assert.That(Str(file["sha256"]), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Uploads.Pdf))));

        var download = await worker.Http.GetAsync($"/api/files/{Id(file)}");
        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(Uploads.Pdf));
        Assert.That(download.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(download.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.That(disposition.DispositionType, Is.EqualTo("attachment"));
        // RFC 6266 / 8187: the exact name in filename*, an ASCII stand-in in filename.
        Assert.That(disposition.FileNameStar, Is.EqualTo("見積書 2026年.pdf"));
        Assert.That(download.Content.Headers.GetValues("Content-Disposition").Single(), Does.Contain("filename*=UTF-8''"));
        Assert.That(disposition.FileName!.Trim('"').All(c => c < 128), Is.True);
    }

    [Test]
    public async Task The_type_comes_from_the_content_and_anything_outside_the_list_is_a_415_naming_what_was_found()
    {
        var worker = await SignUp(Role.Worker);
        // A PNG sent as a PDF with a .pdf name is a PNG.
        Assert.That(Str((await Uploaded(worker, Uploads.Png, "scan.pdf", "application/pdf"))["contentType"]), Is.EqualTo("image/png"));
        foreach (var (bytes, name, found) in new[]
                 {
                     (Uploads.Exe, "photo.png", "Windows program"),
                     (Uploads.Text("<!DOCTYPE html><html><script>alert(1)</script></html>"), "notes.txt", "HTML"),
                     (Uploads.Text("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "logo.png", "SVG"),
                     (new byte[] { 0x00, 0x01, 0x02, 0x03, 0x04 }, "data.csv", "binary data"),
                 })
        {
            var problem = await Problem(await worker.Http.Upload(bytes, name, "image/png"), HttpStatusCode.UnsupportedMediaType);
            Assert.That(Str(problem["code"]), Is.EqualTo("fileTypeNotAllowed"));
            Assert.That(Str(problem["detail"]), Does.Contain(found), name);
        }
        Assert.That(Scalar("SELECT COUNT(*) FROM files"), Is.EqualTo(1), "only the PNG");
        Assert.That(StoredObjects(), Has.Length.EqualTo(1));
        Assert.That(StagingFiles(), Is.Empty);
    }

    [TestCase("plain.txt", "湯沢の酒蔵について\n二行目", "text/plain; charset=utf-8")]
    [TestCase("subs.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nこんにちは", "text/vtt; charset=utf-8")]
    [TestCase("subs.srt", "1\n00:00:00,000 --> 00:00:01,000\nこんにちは", "application/x-subrip; charset=utf-8")]
    public async Task Text_and_subtitles_are_recognised(string name, string text, string type)
    {
        var worker = await SignUp(Role.Worker);
        Assert.That(Str((await Uploaded(worker, Uploads.Text(text), name))["contentType"]), Is.EqualTo(type));
    }

    [Test]
    public async Task A_CSV_that_Japanese_Excel_wrote_in_Shift_JIS_is_text()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var worker = await SignUp(Role.Worker);
        var csv = System.Text.Encoding.GetEncoding(932).GetBytes("品名,数量\n純米酒,12\n");
        Assert.That(Str((await Uploaded(worker, csv, "在庫.csv"))["contentType"]), Is.EqualTo("text/plain; charset=shift_jis"));
    }

    [Test]
    public async Task A_file_over_the_size_limit_is_a_413_and_nothing_is_stored()
    {
        var worker = await SignUp(Role.Worker);
        var big = Uploads.Text(new string('a', 20_001));
        var problem = await Problem(await worker.Http.Upload(big, "big.txt"), HttpStatusCode.RequestEntityTooLarge);
        Assert.That(Str(problem["code"]), Is.EqualTo("fileTooLarge"));
        Assert.That(problem["maxBytes"]!.GetValue<long>(), Is.EqualTo(20_000), "the limit, for the client to say it");
        Assert.That(Scalar("SELECT COUNT(*) FROM files"), Is.Zero);
        Assert.That(StoredObjects(), Is.Empty);
        Assert.That(StagingFiles(), Is.Empty);
        // Exactly the limit is fine.
        await Uploaded(worker, Uploads.Text(new string('a', 20_000)), "limit.txt");
    }

    [Test]
    public async Task A_file_past_the_quota_is_a_413_and_nothing_is_stored()
    {
        var worker = await SignUp(Role.Worker);
        await Uploaded(worker, Uploads.Text(new string('a', 20_000)), "one.txt");
        var problem = await Problem(await worker.Http.Upload(Uploads.Text(new string('b', 10_001)), "two.txt"), HttpStatusCode.RequestEntityTooLarge);
        Assert.That(Str(problem["code"]), Is.EqualTo("quotaExceeded"));
        Assert.That(problem["maxBytes"]!.GetValue<long>(), Is.EqualTo(30_000));
        Assert.That(Scalar("SELECT COUNT(*) FROM files"), Is.EqualTo(1));
        Assert.That(StoredObjects(), Has.Length.EqualTo(1));
        // The quota is the person's: someone else still uploads.
        await Uploaded(await SignUp(Role.Worker), Uploads.Text(new string('b', 10_001)), "two.txt");
    }

    [Test]
    public async Task The_database_decides_the_quota_so_racing_uploads_past_the_early_check_cannot_both_fit()
    {
        var worker = await SignUp(Role.Worker);
        await Uploaded(worker, Uploads.Text(new string('a', 20_000)), "one.txt");
        // What a second upload that passed the early check (read before the first row was written) sends the command.
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Caller>().ActAs(worker.Id, Role.Worker);
        var record = new UploadFile.Command { Name = "two.txt", Size = 10_001, ContentType = "text/plain; charset=utf-8", Sha256 = new string('0', 64) };
        var refused = Assert.ThrowsAsync<ProblemException>(() => scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(record));
        Assert.That(refused!.Code, Is.EqualTo("quotaExceeded"));
        Assert.That(Scalar("SELECT COUNT(*) FROM files"), Is.EqualTo(1));
    }

    [Test]
    public async Task An_upload_cut_off_half_way_leaves_neither_a_row_nor_bytes()
    {
        var worker = await SignUp(Role.Worker);
        var content = new StreamContent(new BreakingStream(Uploads.Text(new string('a', 15_000)), breakAfter: 8_000));
        Assert.CatchAsync(async () => await worker.Http.PostAsync("/api/files", Uploads.Form(content, "cut.txt")));
        // The server may still be unwinding the request.
        for (var i = 0; i < 50 && StagingFiles().Length > 0; i++) await Task.Delay(100);
        Assert.That(Scalar("SELECT COUNT(*) FROM files"), Is.Zero);
        Assert.That(StoredObjects(), Is.Empty);
        Assert.That(StagingFiles(), Is.Empty);
    }

    [Test]
    public async Task The_same_bytes_uploaded_twice_are_stored_once()
    {
        var a = await SignUp(Role.Worker);
        var b = await SignUp(Role.Business);
        var first = await Uploaded(a, Uploads.Pdf, "a.pdf");
        var second = await Uploaded(b, Uploads.Pdf, "b.pdf");
        Assert.That(Id(first), Is.Not.EqualTo(Id(second)));
        Assert.That(StoredObjects(), Has.Length.EqualTo(1));
        Assert.That(await (await b.Http.GetAsync($"/api/files/{Id(second)}")).Content.ReadAsByteArrayAsync(), Is.EqualTo(Uploads.Pdf));
    }

    [Test]
    public async Task A_range_request_answers_the_bytes_asked_for_so_an_audio_player_seeks()
    {
        var worker = await SignUp(Role.Worker);
        var bytes = Uploads.Text(string.Concat(Enumerable.Range(0, 1000).Select(i => $"{i:D4}\n")));
        var file = await Uploaded(worker, bytes, "lines.txt");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/files/{Id(file)}");
        request.Headers.Range = new RangeHeaderValue(100, 199);
        var partial = await worker.Http.SendAsync(request);
        Assert.That(partial.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(partial.Content.Headers.ContentRange!.ToString(), Is.EqualTo($"bytes 100-199/{bytes.Length}"));
        Assert.That(await partial.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes[100..200]));
        Assert.That(partial.Headers.AcceptRanges, Does.Contain("bytes"));
    }

    [Test]
    public async Task Only_raster_images_are_shown_inline()
    {
        var worker = await SignUp(Role.Worker);
        var png = await Uploaded(worker, Uploads.Png, "photo.png");
        var pdf = await Uploaded(worker, Uploads.Pdf, "doc.pdf");
        var text = await Uploaded(worker, Uploads.Text("hello"), "page.html", "text/html");
        Assert.That((await worker.Http.GetAsync($"/api/files/{Id(png)}?inline=1")).Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("inline"));
        Assert.That((await worker.Http.GetAsync($"/api/files/{Id(png)}")).Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
        Assert.That((await worker.Http.GetAsync($"/api/files/{Id(pdf)}?inline=1")).Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
        var asText = await worker.Http.GetAsync($"/api/files/{Id(text)}?inline=1");
        Assert.That(asText.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
        Assert.That(asText.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/plain"), "the declared text/html never decides");
    }

    [Test]
    public async Task An_unattached_file_is_its_uploaders_alone()
    {
        var owner = await SignUp(Role.Worker);
        var file = await Uploaded(owner, Uploads.Pdf, "mine.pdf");
        foreach (var other in new[] { await SignUp(Role.Worker), await SignUp(Role.Business), await SignUp(Role.Producer) })
            await Problem(await other.Http.GetAsync($"/api/files/{Id(file)}"), HttpStatusCode.NotFound);
        await Problem(await App.CreateClient().GetAsync($"/api/files/{Id(file)}"), HttpStatusCode.NotFound); // a visitor too: not a public file
        await Problem(await owner.Http.GetAsync("/api/files/nonexistent"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task An_open_jobs_files_are_for_everyone_signed_in_and_confidential_ones_only_for_its_business_and_awarded_worker()
    {
        var business = await SignUp(Role.Business);
        var open = await Uploaded(business, Uploads.Pdf, "brief.pdf");
        var secret = await Uploaded(business, Uploads.Png, "secret.png");
        var publicJob = await PostJob(business, Job(fileIds: [Id(open)]));
        var confidentialJob = await PostJob(business, Job(fileIds: [Id(secret)], confidential: true));
        Assert.That(publicJob["files"]!.AsArray().Select(f => Id(f!.AsObject())), Is.EqualTo(new[] { Id(open) }));
        Assert.That(confidentialJob["confidentialFiles"]!.GetValue<bool>(), Is.True);

        var bidder = await SignUp(Role.Worker);
        var stranger = await SignUp(Role.Worker);
        Assert.That((await stranger.Http.GetAsync($"/api/files/{Id(open)}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await Problem(await stranger.Http.GetAsync($"/api/files/{Id(secret)}"), HttpStatusCode.NotFound);
        // The job shows a confidential file only to those who may read it.
        Assert.That((await Ok(await stranger.Http.GetAsync($"/api/jobs/{Id(confidentialJob)}")))["files"]!.AsArray(), Is.Empty);

        var bid = await PlaceBid(bidder, Id(confidentialJob));
        await Problem(await bidder.Http.GetAsync($"/api/files/{Id(secret)}"), HttpStatusCode.NotFound);
        await Award(business, Id(confidentialJob), Id(bid));
        Assert.That(await (await bidder.Http.GetAsync($"/api/files/{Id(secret)}")).Content.ReadAsByteArrayAsync(), Is.EqualTo(Uploads.Png));
        Assert.That((await Ok(await bidder.Http.GetAsync($"/api/jobs/{Id(confidentialJob)}")))["files"]!.AsArray(), Has.Count.EqualTo(1));
        await Problem(await stranger.Http.GetAsync($"/api/files/{Id(secret)}"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_job_closed_to_the_public_keeps_its_files_from_strangers()
    {
        var business = await SignUp(Role.Business);
        var file = await Uploaded(business, Uploads.Pdf, "brief.pdf");
        var job = await PostJob(business, Job(fileIds: [Id(file)]));
        var worker = await SignUp(Role.Worker);
        await Award(business, Id(job), Id(await PlaceBid(worker, Id(job))));
        var stranger = await SignUp(Role.Worker);
        await Problem(await stranger.Http.GetAsync($"/api/files/{Id(file)}"), HttpStatusCode.NotFound);
        Assert.That((await worker.Http.GetAsync($"/api/files/{Id(file)}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_file_is_attached_once_and_only_by_its_uploader()
    {
        var business = await SignUp(Role.Business);
        var other = await SignUp(Role.Business);
        var file = await Uploaded(business, Uploads.Pdf, "brief.pdf");
        var problem = await Problem(await other.Http.PostAsJsonAsync("/api/jobs", Job(fileIds: [Id(file)])), HttpStatusCode.BadRequest);
        Assert.That(Str(problem["errorCodes"]!["fileIds"]![0]!["code"]), Is.EqualTo("fileNotAttachable"));
        Assert.That(Scalar("SELECT COUNT(*) FROM jobs"), Is.Zero, "the refused job rolled back");
        await PostJob(business, Job(fileIds: [Id(file)]));
        await Problem(await business.Http.PostAsJsonAsync("/api/jobs", Job(fileIds: [Id(file)])), HttpStatusCode.BadRequest);
        await Problem(await business.Http.PostAsJsonAsync("/api/jobs", Job(fileIds: Enumerable.Range(0, 11).Select(i => $"f{i}").ToArray())),
            HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_jobs_files_and_confidentiality_change_by_its_business_while_it_is_open()
    {
        var business = await SignUp(Role.Business);
        var first = await Uploaded(business, Uploads.Pdf, "v1.pdf");
        var second = await Uploaded(business, Uploads.Png, "v2.png");
        var job = await PostJob(business, Job(fileIds: [Id(first)]));
        var patched = await Ok(await business.Http.PatchAsJsonAsync($"/api/jobs/{Id(job)}", new { fileIds = new[] { Id(second) }, confidentialFiles = true }));
        Assert.That(patched["files"]!.AsArray().Select(f => Id(f!.AsObject())), Is.EqualTo(new[] { Id(second) }));
        Assert.That(patched["confidentialFiles"]!.GetValue<bool>(), Is.True);
        Assert.That(Scalar($"SELECT COUNT(*) FROM files WHERE id = '{Id(first)}' AND job_id IS NULL"), Is.EqualTo(1), "taken off, left to the sweep");

        var worker = await SignUp(Role.Worker);
        await Problem(await worker.Http.PatchAsJsonAsync($"/api/jobs/{Id(job)}", new { confidentialFiles = false }), HttpStatusCode.Forbidden);
        await Problem(await (await SignUp(Role.Business)).Http.PatchAsJsonAsync($"/api/jobs/{Id(job)}", new { confidentialFiles = false }), HttpStatusCode.Forbidden);
        await Award(business, Id(job), Id(await PlaceBid(worker, Id(job))));
        await Problem(await business.Http.PatchAsJsonAsync($"/api/jobs/{Id(job)}", new { confidentialFiles = false }), HttpStatusCode.Conflict);
    }

    [Test]
    public async Task The_sweep_deletes_files_left_unattached_for_a_day_and_the_bytes_no_row_names()
    {
        var business = await SignUp(Role.Business);
        var kept = await Uploaded(business, Uploads.Pdf, "kept.pdf");
        await PostJob(business, Job(fileIds: [Id(kept)]));
        var fresh = await Uploaded(business, Uploads.Text("fresh"), "fresh.txt");
        _clock.Advance(TimeSpan.FromHours(23));
        var sweeper = App.Services.GetRequiredService<FileSweeper>();
        Assert.That((await sweeper.RunOnceAsync()).Rows, Is.Zero, "a day has not passed");
        var left = await Uploaded(business, Uploads.Png, "left.png");
        _clock.Advance(TimeSpan.FromHours(2));
        var (rows, bytes) = await sweeper.RunOnceAsync();
        Assert.That((rows, bytes), Is.EqualTo((1, 1)), "fresh.txt's row and bytes");
        Assert.That(Scalar($"SELECT COUNT(*) FROM files WHERE id IN ('{Id(kept)}', '{Id(left)}')"), Is.EqualTo(2));
        Assert.That(Scalar($"SELECT COUNT(*) FROM files WHERE id = '{Id(fresh)}'"), Is.Zero);
        Assert.That(StoredObjects(), Has.Length.EqualTo(2));
        Assert.That((await business.Http.GetAsync($"/api/files/{Id(kept)}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Bytes_no_row_names_are_swept_only_after_a_grace_so_an_upload_between_its_bytes_and_its_row_is_safe()
    {
        var store = App.Services.GetRequiredService<IFileStore>();
        var key = Convert.ToHexStringLower(SHA256.HashData(Uploads.Pdf));
        await store.PutAsync(key, new MemoryStream(Uploads.Pdf));
        var sweeper = App.Services.GetRequiredService<FileSweeper>();
        Assert.That((await sweeper.RunOnceAsync()).Bytes, Is.Zero);
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.That((await sweeper.RunOnceAsync()).Bytes, Is.EqualTo(1));
        Assert.That(await store.ExistsAsync(key), Is.False);
    }

    private static object Job(string[]? fileIds = null, bool confidential = false) => new
    {
        title = "純米酒のラベルデザイン", description = "参考資料を添付します", category = "design", budgetMin = 30_000, budgetMax = 80_000,
        deadline = DateTimeOffset.UtcNow.AddDays(30), fileIds, confidentialFiles = confidential,
    };

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
