using System.Text.Json;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Invoices;

/// <summary>
/// A contract's documents, for its parties: each sees the documents it issued, received or is paid by (the business its
/// invoices and the withholding notice, the worker its own invoice, the platform's invoice and the notice, the producer
/// its invoice). A member of a team paid by a team contract reads its own (issue 23). Anyone else gets 404.
/// </summary>
public static class ListContractDocuments
{
    public sealed record Query(string ContractId) : IRequest<IReadOnlyList<Document>>;

    /// <summary>In issue order on ix_documents_contract.</summary>
    internal const string Sql = """
        SELECT d.body FROM documents d
        WHERE d.contract_id = @ContractId AND (d.issuer = @Me OR d.recipient_id = @Me OR d.payee_id = @Me)
        ORDER BY d.id
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<Document>>
    {
        public async Task<IReadOnlyList<Document>> Handle(Query query, CancellationToken ct)
        {
            var party = await db.ExecuteScalarAsync<long>(
                """
                SELECT (SELECT COUNT(*) FROM contract_parties WHERE contract_id = @ContractId AND user_id = @Me)
                     + (SELECT COUNT(*) FROM documents d WHERE d.contract_id = @ContractId AND d.payee_id = @Me)
                """, new { query.ContractId, Me = caller.Id });
            if (party == 0) throw new NotFoundException("No such contract.");
            var bodies = await db.QueryAsync<string>(Sql, new { query.ContractId, Me = caller.Id });
            return bodies.Select(b => JsonSerializer.Deserialize<Document>(b, StoredJson.Options)!).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder invoices) =>
        invoices.MapGet("/contracts/{id}/documents", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("ListContractDocuments").ProducesProblem(404);
}
