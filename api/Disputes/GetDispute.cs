using MediatR;
using Marketplace.Contracts;
using Marketplace.Money;
using Marketplace.Platform;

namespace Marketplace.Disputes;

/// <summary>
/// <c>GET /api/disputes/{id}</c>: the proposal that led to it, both sides' statements, the submissions and the escrow;
/// for administrators and the contract's parties, with the contract's message thread, so that whoever decides reads what the
/// parties said to each other.
/// </summary>
public static class GetDispute
{
    public sealed record Query(string Id) : IRequest<DisputeDetail>;

    /// <summary>A dispute's statements, oldest first, on ix_dispute_statements_dispute (dispute_id, id); their files are read after.</summary>
    internal const string StatementsSql = """
        SELECT s.id, s.author_id, u.display_name AS author_name, s.side, s.body, s.created_at
        FROM dispute_statements s JOIN users u ON u.id = s.author_id
        WHERE s.dispute_id = @Id ORDER BY s.id
        """;

    /// <summary>A thread longer than this shows its latest messages; a dispute is decided on the last exchanges.</summary>
    public const int MaxMessages = 500;

    /// <summary>The latest messages of the thread (newest first on ix_messages_contract, turned oldest first below).</summary>
    internal const string MessagesSql = """
        SELECT m.id, m.sender_id, u.display_name AS sender_name, m.body, m.created_at
        FROM messages m JOIN users u ON u.id = m.sender_id
        WHERE m.contract_id = @Id AND m.id < '~' ORDER BY m.id DESC LIMIT @Take
        """;

    private sealed class MessageRow
    {
        public string Id { get; init; } = "";
        public string SenderId { get; init; } = "";
        public string SenderName { get; init; } = "";
        public string Body { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
    }

    private static async Task<IReadOnlyList<Conversations.Message>> ThreadAsync(DbSession db, string contractId)
    {
        var rows = (await db.QueryAsync<MessageRow>(MessagesSql, new { Id = contractId, Take = MaxMessages })).Reverse().ToList();
        var files = await Files.Attachments.OfAsync(db, Files.AttachTo.Message, rows.Select(r => r.Id).ToList());
        return rows.Select(r => new Conversations.Message
        {
            Id = r.Id, SenderId = r.SenderId, SenderName = r.SenderName, Body = r.Body, Files = files[r.Id].ToList(), CreatedAt = r.CreatedAt,
        }).ToList();
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, DisputeDetail>
    {
        public async Task<DisputeDetail> Handle(Query query, CancellationToken ct)
        {
            var dispute = await Dispute.VisibleAsync(db, caller, query.Id);
            var cancellationId = await db.ExecuteScalarAsync<string>("SELECT cancellation_id FROM disputes WHERE id = @Id", new { dispute.Id });
            var cancellation = await db.QuerySingleAsync<CancellationProposal>(
                """
                SELECT x.id, x.proposed_by, u.display_name AS proposed_by_name, x.side, x.reason, x.worker_share, x.declines_revision,
                       x.status, x.answer_by, x.created_at, x.answered_at
                FROM cancellations x JOIN users u ON u.id = x.proposed_by WHERE x.id = @Id
                """, new { Id = cancellationId });
            var balance = await Escrow.BalanceAsync(db, dispute.ContractId);
            var money = await ContractMoney.ReadAsync(db, dispute.ContractId);
            var statements = await db.QueryAsync<DisputeStatementView>(StatementsSql, new { dispute.Id });
            var files = await Files.Attachments.OfAsync(db, Files.AttachTo.Statement, statements.Select(s => s.Id).ToList());
            // The same rule as DecideDispute's UPDATE, for the page to say what the office waits for.
            var awaited = dispute.Status == DisputeStatus.Open && !(dispute.StatementsDueAt <= clock.GetUtcNow())
                ? new[] { Side.Business, Side.Worker }.Where(side => statements.All(s => s.Side != side)).ToList()
                : [];
            return new DisputeDetail
            {
                Dispute = dispute,
                Cancellation = cancellation,
                Statements = statements.Select(s => s with { Files = files[s.Id].ToList() }).ToList(),
                Submissions = await GetContract.SubmissionsAsync(db, dispute.ContractId),
                Messages = await ThreadAsync(db, dispute.ContractId),
                EscrowBalance = balance,
                MaxWorkerShare = money.MaxShare(balance),
                AwaitingStatements = awaited.Count > 0,
                AwaitedSides = awaited,
            };
        }
    }

    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapGet("/disputes/{id}", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetDispute").ProducesProblem(403).ProducesProblem(404);
}
