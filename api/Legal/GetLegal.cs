using MediatR;
using Marketplace.Platform;

namespace Marketplace.Legal;

/// <summary><c>GET /api/legal</c>: the versions of the terms of use and the privacy policy in force. Anyone may read it.</summary>
public static class GetLegal
{
    public sealed record Query : IRequest<LegalVersions>;

    private sealed class Row
    {
        public string Kind { get; init; } = "";
        public int Version { get; init; }
        public DateTimeOffset PublishedAt { get; init; }
    }

    public sealed class Handler(DbSession db) : IRequestHandler<Query, LegalVersions>
    {
        public async Task<LegalVersions> Handle(Query query, CancellationToken ct)
        {
            var rows = (await db.QueryAsync<Row>("SELECT d.kind, d.version, d.published_at FROM current_legal_documents d"))
                .ToDictionary(r => r.Kind, r => new LegalVersion(r.Version, r.PublishedAt));
            // Migration 0026 publishes version 1 of each, and versions are never removed.
            return new LegalVersions(rows[WireName.Of(LegalKind.Terms)], rows[WireName.Of(LegalKind.Privacy)]);
        }
    }

    public static void Map(IEndpointRouteBuilder legal) =>
        legal.MapGet("/legal", (IMediator mediator) => mediator.Send(new Query()))
            .AllowAnonymous().PublicForVisitors()
            .WithName("GetLegal").ProducesProblem(429);
}
