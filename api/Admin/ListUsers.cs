using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Admin;

/// <summary>
/// <c>GET /api/admin/users?q=&amp;role=&amp;status=&amp;limit=&amp;cursor=</c>: the accounts, newest first, keyset-paged,
/// found by a part of the name or email; administrators only.
/// </summary>
public static class ListUsers
{
    public sealed record Query : IRequest<Page<UserSummary>>
    {
        /// <summary>A part of the display name or the email (case-insensitive for Latin letters).</summary>
        public string? Q { get; init; }
        public string? Role { get; init; }
        /// <summary>active or suspended.</summary>
        public string? Status { get; init; }
        public int? Limit { get; init; }
        public string? Cursor { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).PlainText().MaximumLength(100);
            RuleFor(q => q.Role).PlainText().Must(r => r is null || WireName.TryParse<Role>(r, out _))
                .WithMessage($"Role must be one of: {WireName.AllOf<Role>()}.");
            RuleFor(q => q.Status).PlainText().Must(s => s is null || WireName.TryParse<AccountStatus>(s, out _))
                .WithMessage($"Status must be one of: {WireName.AllOf<AccountStatus>()}.");
            RuleFor(q => q.Cursor).PlainText().ValidCursor();
        }
    }

    /// <summary>
    /// Newest first along the primary key (ids are time-ordered); the search is a filter on that walk, so a page costs
    /// what it takes to find its rows among the accounts, which for a town's few thousand accounts is one short read
    /// (an index on a part of a name does not exist in SQLite or SQL Server without full-text search). LIKE with an
    /// escape character is the same on every engine; its case is not (SQLite ignores ASCII case, PostgreSQL and a binary
    /// SQL Server collation do not), so both sides are lowered.
    /// </summary>
    internal const string Sql = """
        SELECT u.id, u.email, u.display_name, u.role, u.suspended_at, u.suspended_reason, u.created_at
        FROM users u
        WHERE u.id < @After
          AND (@Pattern IS NULL OR lower(u.email) LIKE lower(@Pattern) ESCAPE '\' OR lower(u.display_name) LIKE lower(@Pattern) ESCAPE '\')
          AND (@Role IS NULL OR u.role = @Role)
          AND (@Suspended IS NULL OR (@Suspended = TRUE AND u.suspended_at IS NOT NULL) OR (@Suspended = FALSE AND u.suspended_at IS NULL))
        ORDER BY u.id DESC LIMIT @Take
        """;

    /// <summary>The typed text as a LIKE pattern that matches it anywhere, its own % _ and \ taken literally.</summary>
    internal static string? Pattern(string? q) =>
        string.IsNullOrWhiteSpace(q) ? null : "%" + q.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Page<UserSummary>>
    {
        public async Task<Page<UserSummary>> Handle(Query query, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "list accounts");
            var limit = Paging.Clamp(query.Limit);
            var rows = await db.QueryAsync<Suspension.Row>(Sql, new
            {
                After = Paging.After(query.Cursor), Pattern = Pattern(query.Q),
                Role = WireName.TryParse<Role>(query.Role, out var role) ? WireName.Of(role) : null,
                Suspended = WireName.TryParse<AccountStatus>(query.Status, out var status) ? status == AccountStatus.Suspended : (bool?)null,
                Take = limit + 1,
            });
            return Paging.From(rows.Select(r => r.ToSummary()).ToList(), limit, u => u.Id);
        }
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapGet("/admin/users", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListUsers").ProducesValidationProblem().ProducesProblem(403);
}
