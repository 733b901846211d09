using System.Text.Json;
using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Admin;

/// <summary>The administrators' audit trail, newest first, keyset-paged; only administrators read it.</summary>
public static class ListAuditEntries
{
    public sealed record Query : IRequest<Page<AuditEntry>>
    {
        public int? Limit { get; init; }
        public string? Cursor { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Cursor).PlainText().ValidCursor();
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string AdministratorId { get; init; } = "";
        public string AdministratorName { get; init; } = "";
        public AuditAction Action { get; init; }
        public string ObjectId { get; init; } = "";
        public string Detail { get; init; } = "{}";
        public string? ClientAddress { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }

    /// <summary>Newest first, on the primary key's index (ids are time-ordered).</summary>
    internal const string Sql = """
        SELECT a.id, a.administrator_id, u.display_name AS administrator_name, a.action, a.object_id, a.detail,
               a.client_address, a.created_at
        FROM audit_entries a JOIN users u ON u.id = a.administrator_id
        WHERE a.id < @After
        ORDER BY a.id DESC LIMIT @Take
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Page<AuditEntry>>
    {
        public async Task<Page<AuditEntry>> Handle(Query query, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "read the audit trail");
            var limit = Paging.Clamp(query.Limit);
            var rows = await db.QueryAsync<Row>(Sql, new { After = Paging.After(query.Cursor), Take = limit + 1 });
            return Paging.From(rows.Select(r => new AuditEntry
            {
                Id = r.Id, AdministratorId = r.AdministratorId, AdministratorName = r.AdministratorName, Action = r.Action,
                ObjectId = r.ObjectId, Detail = JsonSerializer.Deserialize<JsonElement>(r.Detail), ClientAddress = r.ClientAddress,
                CreatedAt = r.CreatedAt,
            }).ToList(), limit, e => e.Id);
        }
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapGet("/admin/audit", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListAuditEntries").ProducesValidationProblem().ProducesProblem(403);
}
