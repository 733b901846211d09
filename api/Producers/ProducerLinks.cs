using System.Data.Common;
using Dapper;
using FluentValidation;
using MediatR;
using Marketplace.Accounts;
using Marketplace.Platform;

namespace Marketplace.Producers;

/// <summary>pending → active (the producer accepted) or declined; a pending or active link can be ended by either side.</summary>
public enum ProducerLinkStatus { Pending, Active, Declined, Ended }

/// <summary>A business's permission for a producer to act for it, with the producer's brokerage fee.</summary>
public sealed record ProducerLink
{
    public required string Id { get; init; }
    public required string BusinessId { get; init; }
    public required string BusinessName { get; init; }
    public required string ProducerId { get; init; }
    public required string ProducerName { get; init; }
    public required bool CanPostJobs { get; init; }
    public required bool CanAward { get; init; }
    /// <summary>The producer's fee as a fraction of the contract amount (0 to 0.3).</summary>
    public required decimal FeeRate { get; init; }
    public required ProducerLinkStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

public static class ProducerSql
{
    /// <summary>True when the caller (<c>@Me</c>) is an active producer of the business in <paramref name="businessColumn"/>.</summary>
    public static string ActsFor(string businessColumn) =>
        $"EXISTS (SELECT 1 FROM producer_links pl WHERE pl.business_id = {businessColumn} AND pl.producer_id = @Me AND pl.status = 'active')";

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string BusinessId { get; init; } = "";
        public string BusinessName { get; init; } = "";
        public string ProducerId { get; init; } = "";
        public string ProducerName { get; init; } = "";
        public bool CanPostJobs { get; init; }
        public bool CanAward { get; init; }
        public long FeeRateBps { get; init; }
        public ProducerLinkStatus Status { get; init; }
        public DateTimeOffset CreatedAt { get; init; }

        public ProducerLink ToLink() => new()
        {
            Id = Id, BusinessId = BusinessId, BusinessName = BusinessName, ProducerId = ProducerId, ProducerName = ProducerName,
            CanPostJobs = CanPostJobs, CanAward = CanAward, FeeRate = FeeRateBps / 10_000m, Status = Status, CreatedAt = CreatedAt,
        };
    }

    private const string Select = """
        SELECT l.id, l.business_id, b.display_name AS business_name, l.producer_id, p.display_name AS producer_name,
               l.can_post_jobs, l.can_award, l.fee_rate_bps, l.status, l.created_at
        FROM producer_links l JOIN users b ON b.id = l.business_id JOIN users p ON p.id = l.producer_id
        """;

    public static async Task<IReadOnlyList<ProducerLink>> ListAsync(DbConnection connection, string where, object args, DbTransaction? tx = null) =>
        (await connection.QueryAsync<Row>($"{Select} WHERE {where} ORDER BY l.id DESC", args, tx)).Select(r => r.ToLink()).ToList();

    /// <summary>The active link through which <paramref name="producerId"/> acts for <paramref name="businessId"/>, if any.</summary>
    public static async Task<ProducerLink?> ActiveAsync(DbConnection connection, string businessId, string producerId, DbTransaction? tx = null) =>
        (await ListAsync(connection, "l.business_id = @BusinessId AND l.producer_id = @ProducerId AND l.status = 'active'",
            new { BusinessId = businessId, ProducerId = producerId }, tx)).SingleOrDefault();
}

public static class LinkProducer
{
    public sealed record Command : IRequest<ProducerLink>
    {
        public string ProducerEmail { get; init; } = "";
        public bool CanPostJobs { get; init; }
        public bool CanAward { get; init; }
        public decimal FeeRate { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ProducerEmail).NotEmpty().MaximumLength(254).EmailAddress();
            RuleFor(c => c.FeeRate).InclusiveBetween(0m, 0.3m)
                .Must(r => r * 10_000m == decimal.Truncate(r * 10_000m)).WithMessage("Fee rate has at most four decimals (0.0001 = 0.01%).").WithErrorCode("feeRatePrecision");
        }
    }

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : IRequestHandler<Command, ProducerLink>
    {
        public async Task<ProducerLink> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Business, "link a producer");
            await using var connection = await db.OpenAsync(ct);
            var producerId = await connection.ExecuteScalarAsync<string?>(
                "SELECT id FROM users WHERE email = @Email AND role = 'producer'", new { Email = Emails.Normalize(command.ProducerEmail) })
                ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("producerEmail", "No producer has this email.")]);
            var id = Wire.NewId();
            try
            {
                await connection.ExecuteAsync(
                    """
                    INSERT INTO producer_links (id, business_id, producer_id, can_post_jobs, can_award, fee_rate_bps, status, created_at)
                    VALUES (@Id, @Me, @ProducerId, @CanPostJobs, @CanAward, @Bps, 'pending', @Now)
                    """,
                    new { Id = id, Me = caller.Id, ProducerId = producerId, command.CanPostJobs, command.CanAward,
                          Bps = (long)(command.FeeRate * 10_000m), Now = clock.GetUtcNow() });
            }
            catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
            {
                throw new ConflictException("This producer already has a pending or active link with you; end it first.");
            }
            return (await ProducerSql.ListAsync(connection, "l.id = @Id", new { Id = id })).Single();
        }
    }
}

public static class ListProducerLinks
{
    public sealed record Query : IRequest<IReadOnlyList<ProducerLink>>;

    public sealed class Handler(Db db, Caller caller) : IRequestHandler<Query, IReadOnlyList<ProducerLink>>
    {
        public async Task<IReadOnlyList<ProducerLink>> Handle(Query query, CancellationToken ct)
        {
            await using var connection = await db.OpenAsync(ct);
            return await ProducerSql.ListAsync(connection, "(l.business_id = @Me OR l.producer_id = @Me)", new { Me = caller.Id });
        }
    }
}

/// <summary>The producer answers a pending link; either side ends a pending or active one.</summary>
public static class ChangeProducerLink
{
    public enum Change { Accept, Decline, End }

    public sealed record Command(string Id, Change Change) : IRequest<ProducerLink>;

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : IRequestHandler<Command, ProducerLink>
    {
        public async Task<ProducerLink> Handle(Command command, CancellationToken ct)
        {
            await using var connection = await db.OpenAsync(ct);
            var link = (await ProducerSql.ListAsync(connection, "l.id = @Id AND (l.business_id = @Me OR l.producer_id = @Me)",
                new { command.Id, Me = caller.Id })).SingleOrDefault() ?? throw new NotFoundException("No such producer link.");
            if (command.Change != Change.End && link.ProducerId != caller.Id)
                throw new ForbiddenException("Only the invited producer accepts or declines a link.");
            var (from, to) = command.Change switch
            {
                Change.Accept => (new[] { "pending" }, "active"),
                Change.Decline => (new[] { "pending" }, "declined"),
                _ => (new[] { "pending", "active" }, "ended"),
            };
            var changed = await connection.ExecuteAsync(
                "UPDATE producer_links SET status = @To, changed_at = @Now WHERE id = @Id AND status IN @From",
                new { link.Id, To = to, From = from, Now = clock.GetUtcNow() });
            if (changed == 0) throw new ConflictException($"The link is {Wire.Name(link.Status)}.");
            return (await ProducerSql.ListAsync(connection, "l.id = @Id", new { link.Id })).Single();
        }
    }
}

public static class ProducerLinkEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var links = api.MapGroup("/producer-links").RequireAuthorization().WithTags("Producers");
        links.MapPost("", async (LinkProducer.Command command, IMediator mediator) =>
                TypedResults.Created("/api/producer-links", await mediator.Send(command)))
            .WithName("LinkProducer").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        links.MapGet("", (IMediator mediator) => mediator.Send(new ListProducerLinks.Query())).WithName("ListProducerLinks");
        links.MapPost("/{id}/accept", (string id, IMediator mediator) => mediator.Send(new ChangeProducerLink.Command(id, ChangeProducerLink.Change.Accept)))
            .WithName("AcceptProducerLink").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        links.MapPost("/{id}/decline", (string id, IMediator mediator) => mediator.Send(new ChangeProducerLink.Command(id, ChangeProducerLink.Change.Decline)))
            .WithName("DeclineProducerLink").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        links.MapPost("/{id}/end", (string id, IMediator mediator) => mediator.Send(new ChangeProducerLink.Command(id, ChangeProducerLink.Change.End)))
            .WithName("EndProducerLink").ProducesProblem(404).ProducesProblem(409);
    }
}
