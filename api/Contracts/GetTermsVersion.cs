using MediatR;
using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>
/// <c>GET /api/contracts/{id}/terms/{version}</c>: one earlier (or the current) version of the contract's terms notice,
/// for the contract's parties; to anyone else the contract does not exist, and a version it does not have is a 404.
/// </summary>
public static class GetTermsVersion
{
    public sealed record Query(string ContractId, int Version) : IRequest<TermsNotice>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, TermsNotice>
    {
        public async Task<TermsNotice> Handle(Query query, CancellationToken ct) =>
            await TermsNotice.ReadAsync(db, await Contract.ForPartyAsync(db, query.ContractId, caller), query.Version);
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapGet("/contracts/{id}/terms/{version:int}", (string id, int version, IMediator mediator) => mediator.Send(new Query(id, version)))
            .WithName("GetTermsVersion").ProducesProblem(404);
}
