using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Legal;

/// <summary>
/// <c>GET /api/legal/{kind}?version=</c>: the text of the terms (<c>terms</c>) or the privacy policy (<c>privacy</c>),
/// the version in force unless one is named; every published version stays readable, since a person's consent names
/// the version they read. Anyone may read it.
/// </summary>
public static class GetLegalDocument
{
    public sealed record Query(string Kind, int? Version) : IRequest<LegalDocument>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Version).GreaterThanOrEqualTo(1).When(q => q.Version is not null);
    }

    public sealed class Handler(DbSession db) : IRequestHandler<Query, LegalDocument>
    {
        public async Task<LegalDocument> Handle(Query query, CancellationToken ct)
        {
            if (!WireName.TryParse<LegalKind>(query.Kind, out var kind)) throw new NotFoundException("No such document: terms or privacy.");
            return await db.QuerySingleOrDefaultAsync<LegalDocument>(
                    """
                    SELECT d.kind, d.version, d.published_at, d.body_ja, d.body_en FROM legal_documents d
                    WHERE d.kind = @Kind AND d.version = COALESCE(@Version, (SELECT c.version FROM current_legal_documents c WHERE c.kind = @Kind))
                    """, new { Kind = WireName.Of(kind), query.Version })
                ?? throw new NotFoundException("No such version of the document.");
        }
    }

    public static void Map(IEndpointRouteBuilder legal) =>
        legal.MapGet("/legal/{kind}", (string kind, int? version, IMediator mediator) => mediator.Send(new Query(kind, version)))
            .AllowAnonymous().PublicForVisitors()
            .WithName("GetLegalDocument").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(429);
}
