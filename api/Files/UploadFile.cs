using System.Security.Cryptography;
using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Platform;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Files;

/// <summary>
/// <c>POST /api/files</c>, multipart/form-data with one part <c>file</c>: any signed-in person uploads a file, which
/// stays unattached (and is swept after a day) until a job, message, submission or revision request names it.
/// The body is read as a stream: its first bytes decide the type (415 outside the allow-list), the rest streams into the
/// store (a staging file, or an object store's multipart upload) while its SHA-256 is computed (never the whole file in
/// memory), is stored under that hash, and only then is the row written. An upload cut off half-way is thrown away.
/// </summary>
public static class UploadFile
{
    /// <summary>The row of a received file; <see cref="Name"/> is the one text the client chose.</summary>
    public sealed record Command : ICommand<StoredFile>
    {
        public string Name { get; init; } = "";
        [JsonIgnore] public long Size { get; init; }
        [JsonIgnore] public string ContentType { get; init; } = "";
        [JsonIgnore] public string Sha256 { get; init; } = "";
    }

    public const int NameMax = 255;

    /// <summary>The form the route reads, for the OpenAPI document: one part named <c>file</c>.</summary>
    public sealed class UploadForm
    {
        public required IFormFile File { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Name).NotBlank("The file needs a name.").PlainText().MaximumLength(NameMax);
    }

    /// <summary>How much the person stores already (every file row of theirs, attached or not).</summary>
    internal const string UsageSql = "SELECT COALESCE(SUM(f.size), 0) FROM files f WHERE f.owner_id = @Me";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IOptions<FilesOptions> options) : IRequestHandler<Command, StoredFile>
    {
        public async Task<StoredFile> Handle(Command command, CancellationToken ct)
        {
            var file = new StoredFile
            {
                Id = TimeOrderedId.New(), Name = command.Name.Trim(), Size = command.Size, ContentType = command.ContentType,
                Sha256 = command.Sha256, CreatedAt = clock.GetUtcNow(),
            };
            // The quota is decided by the database in the command's transaction (SQLite: BEGIN IMMEDIATE), so two uploads
            // racing past the early check cannot both fit into the last bytes of a quota.
            var written = await db.ExecuteAsync(
                """
                INSERT INTO files (id, owner_id, name, size, content_type, sha256, created_at)
                SELECT @Id, @Me, @Name, @Size, @ContentType, @Sha256, @CreatedAt
                WHERE (SELECT COALESCE(SUM(f.size), 0) FROM files f WHERE f.owner_id = @Me) + @Size <= @Quota
                """, new { file.Id, Me = caller.Id, file.Name, file.Size, file.ContentType, file.Sha256, file.CreatedAt, Quota = options.Value.QuotaBytes });
            if (written == 0) throw QuotaExceeded(options.Value.QuotaBytes);
            return file;
        }
    }

    internal static ProblemException TooLarge(long max) =>
        new(413, "The file is too large.", $"A file may hold at most {max:N0} bytes.", "fileTooLarge", max);

    internal static ProblemException QuotaExceeded(long quota) =>
        new(413, "Your storage is full.", $"Your files may hold at most {quota:N0} bytes together; delete or use fewer files.", "quotaExceeded", quota);

    /// <summary>Receives the multipart body as a stream and answers the stored file.</summary>
    public static async Task<StoredFile> ReceiveAsync(HttpContext http, IMediator mediator, DbSession db, Caller caller, IFileStore store,
        IValidator<Command> validator, FilesOptions options, CancellationToken ct)
    {
        _ = caller.Id; // 401 before reading anything
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
            throw new ProblemException(415, "Send the file as multipart/form-data.",
                "Upload with 'Content-Type: multipart/form-data' and one part named 'file'.", "multipartRequired");

        var reader = new MultipartReader(boundary, http.Request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.IsFileDisposition() || !disposition.Name.Equals("file")) continue;
            var name = NameOf(disposition);
            // The name is checked before a byte is stored.
            await validator.ValidateAndThrowAsync(new Command { Name = name }, ct);
            var used = await db.ExecuteScalarAsync<long>(UsageSql, new { Me = caller.Id });
            return await StoreAsync(section.Body, name, used, mediator, store, options, ct);
        }
        throw new ValidationException([new ValidationFailure("file", "Send the file in a part named 'file'.") { ErrorCode = "required" }]);
    }

    /// <summary>The name the browser sent, without any folder (old browsers sent C:\…\name), as RFC 7578 §4.2 advises.</summary>
    private static string NameOf(ContentDispositionHeaderValue disposition)
    {
        var raw = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
        return raw[(raw.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
    }

    private static async Task<StoredFile> StoreAsync(Stream body, string name, long used, IMediator mediator, IFileStore store, FilesOptions options,
        CancellationToken ct)
    {
        var roomLeft = options.QuotaBytes - used;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        // The head decides the type before the rest is read, and before a byte goes to the store.
        var head = new byte[FileTypes.HeadBytes];
        var headLength = 0;
        int read;
        while (headLength < head.Length && (read = await body.ReadAsync(head.AsMemory(headLength), ct)) > 0) headLength += read;
        var complete = headLength < head.Length;
        var sniffed = FileTypes.Sniff(head.AsSpan(0, headLength), complete);
        if (!sniffed.Allowed)
            throw new ProblemException(415, "This type of file is not accepted.",
                $"The file's content is {sniffed.Found}. Accepted: images (PNG, JPEG, GIF, WebP), PDF, Word/Excel/PowerPoint (.docx/.xlsx/.pptx), " +
                "plain text, CSV and subtitles (SRT, VTT), audio (MP3, M4A, WAV, Ogg), MP4 video, zip, Photoshop and Illustrator/EPS.",
                "fileTypeNotAllowed");
        // Disposed without completing (too large, cut off), the upload leaves nothing in the store.
        await using var upload = await store.BeginUploadAsync(ct);
        async Task Take(ReadOnlyMemory<byte> bytes)
        {
            size += bytes.Length;
            if (size > options.MaxBytes) throw TooLarge(options.MaxBytes);
            if (size > roomLeft) throw QuotaExceeded(options.QuotaBytes);
            sha.AppendData(bytes.Span);
            await upload.WriteAsync(bytes, ct);
        }
        await Take(head.AsMemory(0, headLength));
        while ((read = await body.ReadAsync(buffer, ct)) > 0) await Take(buffer.AsMemory(0, read));

        var key = Convert.ToHexStringLower(sha.GetHashAndReset());
        // Bytes first, then the row: a row never names bytes that are not there (the sweep removes bytes no row names).
        await upload.CompleteAsync(key, ct);
        return await mediator.Send(new Command { Name = name, Size = size, ContentType = sniffed.ContentType!, Sha256 = key }, ct);
    }

    public static void Map(IEndpointRouteBuilder files)
    {
        var options = files.ServiceProvider.GetRequiredService<IOptions<FilesOptions>>().Value;
        files.MapPost("/files", async (HttpContext http, IMediator mediator, DbSession db, Caller caller, IFileStore store,
                    IValidator<Command> validator, IOptions<FilesOptions> current, CancellationToken ct) =>
            {
                var file = await ReceiveAsync(http, mediator, db, caller, store, validator, current.Value, ct);
                return TypedResults.Created($"/api/files/{file.Id}", file);
            })
            // The file plus the multipart framing; the exact limit is counted while reading.
            .WithMetadata(new StreamedBody(options.MaxBytes + 64 * 1024))
            .Accepts<UploadForm>("multipart/form-data")
            .WithName("UploadFile").ProducesValidationProblem().ProducesProblem(401).ProducesProblem(413).ProducesProblem(415);
    }
}
