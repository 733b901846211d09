using MediatR;
using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>
/// <c>GET /api/contracts/{id}/terms</c>: the current version of the contract's terms notice, for the contract's parties
/// (its business, its worker, the producers acting for the business); to anyone else the contract does not exist.
/// </summary>
public static class GetTerms
{
    public sealed record Query(string ContractId) : IRequest<TermsNotice>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, TermsNotice>
    {
        public async Task<TermsNotice> Handle(Query query, CancellationToken ct) =>
            await TermsNotice.ReadAsync(db, await Contract.ForPartyAsync(db, query.ContractId, caller), version: null);
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapGet("/contracts/{id}/terms", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetTerms").ProducesProblem(404);
}
