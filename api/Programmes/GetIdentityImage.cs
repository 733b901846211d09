using MediatR;
using Marketplace.Files;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// <c>GET /api/identity-checks/{id}/image</c>: the document's image, to the check's deciders only and only while the
/// check is pending (afterwards it no longer exists). Never cached, never shown inline to anyone else.
/// </summary>
public static class GetIdentityImage
{
    public sealed record Query(string Id) : IRequest<StoredFile>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, StoredFile>
    {
        public async Task<StoredFile> Handle(Query query, CancellationToken ct)
        {
            await IdentityChecks.RequireDeciderAsync(db, caller, query.Id, "read an identity document");
            return await db.QuerySingleOrDefaultAsync<StoredFile>(
                """
                SELECT f.id, f.name, f.size, f.content_type, f.sha256, f.created_at FROM identity_checks i JOIN files f ON f.id = i.file_id
                WHERE i.id = @Id AND i.status = 'pending'
                """, new { query.Id }) ?? throw new NotFoundException("The check is decided: its image was deleted.");
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapGet("/identity-checks/{id}/image", async (string id, IMediator mediator, IFileStore store, CancellationToken ct) =>
            {
                var file = await mediator.Send(new Query(id), ct);
                var stream = await store.OpenReadAsync(file.Sha256, ct) ?? throw new NotFoundException("The image's content is missing.");
                return TypedResults.Stream(stream, file.ContentType);
            })
            .WithName("GetIdentityImage").Produces(200, contentType: "application/octet-stream").ProducesProblem(403).ProducesProblem(404);
}
