using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>
/// The caller's contracts (contract_parties: as business, as worker, or as producer of a client business), newest
/// first. Each relation reads its own index in id order, a page's rows plus one, and the streams are merged by id.
/// </summary>
public static class ListContracts
{
    public sealed record Query : IRequest<Page<Contract>>
    {
        public string? Status { get; init; }
        public int? Limit { get; init; }
        public string? Cursor { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).PlainText().Must(s => s is null || WireName.TryParse<ContractStatus>(s, out _))
                .WithMessage($"Status must be one of: {WireName.AllOf<ContractStatus>()}.");
            RuleFor(q => q.Cursor).PlainText().ValidCursor();
        }
    }

    /// <summary>A business's contracts, on ix_contracts_business (business_id, id); a producer reads each client's this way.</summary>
    internal const string OfBusiness = """
        SELECT c.* FROM contract_details c
        WHERE c.business_id = @BusinessId AND c.id < @After AND (c.status = @Status OR @Status IS NULL)
        ORDER BY c.id DESC LIMIT @Take
        """;

    /// <summary>A worker's contracts, on ix_contracts_worker (worker_id, id).</summary>
    internal const string OfWorker = """
        SELECT c.* FROM contract_details c
        WHERE c.worker_id = @Me AND c.id < @After AND (c.status = @Status OR @Status IS NULL)
        ORDER BY c.id DESC LIMIT @Take
        """;

    /// <summary>The businesses a producer acts for (producer_clients: its active links).</summary>
    internal const string Clients = "SELECT pc.business_id FROM producer_clients pc WHERE pc.producer_id = @Me";

    private sealed class UnreadRow
    {
        public string ContractId { get; init; } = "";
        public int Unread { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Page<Contract>>
    {
        public async Task<Page<Contract>> Handle(Query query, CancellationToken ct)
        {
            var limit = Paging.Clamp(query.Limit);
            object Args(string? businessId = null) => new
            {
                Me = caller.Id, BusinessId = businessId, After = Paging.After(query.Cursor), Take = limit + 1,
                Status = WireName.TryParse<ContractStatus>(query.Status, out var s) ? WireName.Of(s) : null,
            };
            var streams = new List<IEnumerable<Contract>>();
            switch (caller.Role)
            {
                case Role.Business:
                    streams.Add(await db.QueryAsync<Contract>(OfBusiness, Args(caller.Id)));
                    break;
                case Role.Worker:
                    streams.Add(await db.QueryAsync<Contract>(OfWorker, Args()));
                    break;
                case Role.Producer:
                    foreach (var client in await db.QueryAsync<string>(Clients, new { Me = caller.Id }))
                        streams.Add(await db.QueryAsync<Contract>(OfBusiness, Args(client)));
                    break;
            }
            var page = Paging.Merge(streams, limit, c => c.Id);
            return page with { Items = await WithUnreadAsync(page.Items) };
        }

        /// <summary>Each contract with how many of its thread's messages the caller has not read.</summary>
        private async Task<IReadOnlyList<Contract>> WithUnreadAsync(IReadOnlyList<Contract> contracts)
        {
            if (contracts.Count == 0) return contracts;
            var unread = (await db.QueryAsync<UnreadRow>(
                    """
                    SELECT m.contract_id, COUNT(*) AS unread FROM messages m
                    LEFT JOIN message_reads r ON r.contract_id = m.contract_id AND r.user_id = @Me
                    WHERE m.contract_id IN @Ids AND m.sender_id <> @Me AND m.id > COALESCE(r.up_to, '')
                    GROUP BY m.contract_id
                    """, new { Ids = contracts.Select(c => c.Id).ToArray(), Me = caller.Id }))
                .ToDictionary(u => u.ContractId, u => u.Unread);
            return contracts.Select(c => c with { UnreadMessages = unread.GetValueOrDefault(c.Id) }).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapGet("/contracts", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListContracts").ProducesValidationProblem();
}
