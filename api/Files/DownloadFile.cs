using MediatR;
using Marketplace.Platform;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Files;

/// <summary>
/// <c>GET /api/files/{id}</c>: the bytes, to whoever may see what the file is attached to (the uploader always; a job's
/// files to everyone who may see the job, a confidential job's only to its business, producers and awarded worker; a
/// message's, submission's or revision request's to the contract's parties, the quality-gating producer included).
/// A visitor (nobody signed in) downloads only what file_public names: a file its business made public, of a job on the
/// public board whose files are not confidential; visitors are rate limited like every public read.
/// Anyone else gets 404, as for a file that does not exist. HTTP range requests are answered (RFC 9110 §14), so an audio
/// player seeks; the original name travels per RFC 6266 with its RFC 8187 (ex-5987) UTF-8 form.
/// </summary>
public static class DownloadFile
{
    public sealed record Query(string Id) : IRequest<StoredFile>;

    /// <summary>What a visitor may download (file_public: 0015_worker_search.sql).</summary>
    internal const string PublicSql = """
        SELECT f.id, f.name, f.size, f.content_type, f.sha256, f.created_at FROM files f
        WHERE f.id = @Id AND EXISTS (SELECT 1 FROM file_public v WHERE v.file_id = f.id)
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, StoredFile>
    {
        public async Task<StoredFile> Handle(Query query, CancellationToken ct) =>
            (caller.IsSignedIn ? await SignedIn(query) : await db.QuerySingleOrDefaultAsync<StoredFile>(PublicSql, new { query.Id }))
            ?? throw new NotFoundException("No such file.");

        private async Task<StoredFile?> SignedIn(Query query) =>
            await db.QuerySingleOrDefaultAsync<StoredFile>(
                // file_audience names the uploader, whoever sees the job (job_viewers, the job's own rule, so a members-only
                // job's files go no further than the job) unless its files are confidential, and the contract's parties.
                """
                SELECT f.id, f.name, f.size, f.content_type, f.sha256, f.created_at FROM files f
                WHERE f.id = @Id AND EXISTS (SELECT 1 FROM file_audience a WHERE a.file_id = f.id AND a.user_id = @Me)
                """, new { query.Id, Me = caller.Id });
    }

    /// <summary>RFC 6266: an ASCII fallback for old clients beside filename* with the exact UTF-8 name (Japanese names round-trip).</summary>
    public static string Disposition(string name, bool inline)
    {
        var value = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        value.SetHttpFileName(name); // filename="…" with '_' for what ASCII cannot say, and filename*=UTF-8''… (RFC 8187)
        return value.ToString();
    }

    public static void Map(IEndpointRouteBuilder files) =>
        files.MapGet("/files/{id}", async (string id, string? inline, HttpContext http, IMediator mediator, IFileStore store,
                ILogger<StoredFile> logger, CancellationToken ct) =>
            {
                var file = await mediator.Send(new Query(id), ct);
                var stream = await store.OpenReadAsync(file.Sha256, ct);
                if (stream is null)
                {
                    logger.LogError("File {Id} names bytes {Sha256} that are not in the store", file.Id, file.Sha256);
                    throw new NotFoundException("The file's content is missing.");
                }
                // Only raster images are ever shown inline: never SVG or HTML, which a browser would run as a page.
                var showInline = inline is "1" or "true" && FileTypes.InlineTypes.Contains(file.ContentType);
                http.Response.Headers.ContentDisposition = Disposition(file.Name, showInline);
                return TypedResults.Stream(stream, file.ContentType, lastModified: file.CreatedAt,
                    entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
            })
            .WithName("DownloadFile").AllowAnonymous().RequireRateLimiting(PublicReads.RateLimit)
            .Produces(200, contentType: "application/octet-stream").Produces(206).ProducesProblem(404).ProducesProblem(429);
}
