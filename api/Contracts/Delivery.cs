using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>The worker delivers: each submission is kept, and the contract waits for the business.</summary>
public static class SubmitWork
{
    public sealed record Command : IRequest<ContractDetail>
    {
        [JsonIgnore] public string ContractId { get; init; } = "";
        public string Message { get; init; } = "";
        public IReadOnlyList<string>? Links { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Message).NotBlank("Message is required.").MaximumLength(10_000);
            RuleFor(c => c.Links).Must(l => l is null || l.Count <= 10).WithMessage("At most 10 links.").WithErrorCode("tooManyLinks");
            RuleForEach(c => c.Links).NotEmpty().MaximumLength(2_000)
                .Must(l => Uri.TryCreate(l, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
                .WithMessage("Each link must be an http or https address.").WithErrorCode("linkNotHttp");
        }
    }

    public sealed class Handler(Db db, Caller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Command command, CancellationToken ct)
        {
            return await ContractSql.ChangeAsync(db, caller, mediator, command.ContractId, async (connection, tx, contract) =>
            {
                contract.RequireWorker(caller, "submit work");
                if (contract.FundedAt is null) throw new ConflictException("The client's payment is not in escrow yet; start once it is funded.");
                // With a producer review, the producer sees the work before the client does.
                await ContractSql.MoveAsync(connection, tx, contract, [ContractStatus.Active, ContractStatus.RevisionRequested],
                    contract.ProducerReview ? ContractStatus.InReview : ContractStatus.Submitted,
                    "Work can be submitted only while the contract is active or a revision was asked for.");
                var submissionId = Wire.NewId();
                await connection.ExecuteAsync(
                    "INSERT INTO submissions (id, contract_id, message, links, created_at) VALUES (@Id, @ContractId, @Message, @Links, @Now)",
                    new { Id = submissionId, ContractId = contract.Id, Message = command.Message.Trim(),
                          Links = JsonSerializer.Serialize(command.Links ?? []), Now = clock.GetUtcNow() }, tx);
                // At a quality gate the producer reads it first; otherwise the business.
                var reviewer = contract.ProducerReview && contract.ProducerId is not null ? contract.ProducerId : contract.BusinessId;
                await Notifications.Notify.ToAsync(connection, tx, reviewer, Notifications.NotificationKind.SubmissionToReview,
                    $"Work was submitted for \"{contract.JobTitle}\".", $"submission:{submissionId}", clock.GetUtcNow(), contract.JobId, contract.Id);
            }, ct);
        }
    }
}

/// <summary>The business asks the worker to change submitted work; the producer may do so at its quality gate.</summary>
public static class RequestRevision
{
    public sealed record Command : IRequest<ContractDetail>
    {
        [JsonIgnore] public string ContractId { get; init; } = "";
        public string Reason { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason).NotBlank("Reason is required.").MaximumLength(5_000);
    }

    public sealed class Handler(Db db, Caller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Command command, CancellationToken ct)
        {
            return await ContractSql.ChangeAsync(db, caller, mediator, command.ContractId, async (connection, tx, contract) =>
            {
                var atGate = caller.Role == Role.Producer && contract.BusinessId != caller.Id && contract.WorkerId != caller.Id;
                if (!atGate) contract.RequireBusiness(caller, "ask for a revision");
                await ContractSql.MoveAsync(connection, tx, contract, [atGate ? ContractStatus.InReview : ContractStatus.Submitted],
                    ContractStatus.RevisionRequested,
                    atGate ? "A producer asks for a revision while the work is in its review." : "A revision can be asked for only after a submission.");
                var revisionId = Wire.NewId();
                await connection.ExecuteAsync(
                    "INSERT INTO revision_requests (id, contract_id, requested_by, reason, created_at) VALUES (@Id, @ContractId, @Me, @Reason, @Now)",
                    new { Id = revisionId, ContractId = contract.Id, Me = caller.Id, Reason = command.Reason.Trim(), Now = clock.GetUtcNow() }, tx);
                await Notifications.Notify.ToAsync(connection, tx, contract.WorkerId, Notifications.NotificationKind.RevisionRequested,
                    $"A revision was asked for \"{contract.JobTitle}\".", $"revision:{revisionId}", clock.GetUtcNow(), contract.JobId, contract.Id);
            }, ct);
        }
    }
}

/// <summary>The business accepts the delivered work: the contract and its job are completed.</summary>
public static class AcceptWork
{
    public sealed record Command(string ContractId) : IRequest<ContractDetail>;

    public sealed class Handler(Db db, Caller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Command command, CancellationToken ct)
        {
            return await ContractSql.ChangeAsync(db, caller, mediator, command.ContractId, async (connection, tx, contract) =>
            {
                contract.RequireBusiness(caller, "accept the work");
                await ContractSql.MoveAsync(connection, tx, contract, [ContractStatus.Submitted], ContractStatus.Completed,
                    "Work can be accepted only when it has been submitted.", clock.GetUtcNow());
                await connection.ExecuteAsync(
                    "UPDATE jobs SET status = 'completed' WHERE id = @JobId AND status = 'awarded'", new { contract.JobId }, tx);
                var now = clock.GetUtcNow();
                await Money.Escrow.ReleaseAsync(connection, tx, contract.Id, now);
                await Notifications.Notify.ToAsync(connection, tx, contract.WorkerId, Notifications.NotificationKind.WorkAccepted,
                    $"Your work on \"{contract.JobTitle}\" was accepted.", $"accepted:{contract.Id}", now, contract.JobId, contract.Id);
                foreach (var payee in new[] { contract.WorkerId, contract.ProducerId }.OfType<string>())
                    await Notifications.Notify.ToAsync(connection, tx, payee, Notifications.NotificationKind.PaymentReleased,
                        $"Payment for \"{contract.JobTitle}\" was released.", $"released:{contract.Id}", now, contract.JobId, contract.Id);
            }, ct);
        }
    }
}

/// <summary>The producer passes work it checked on to the client business.</summary>
public static class ForwardSubmission
{
    public sealed record Command(string ContractId) : IRequest<ContractDetail>;

    public sealed class Handler(Db db, Caller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, ContractDetail>
    {
        public async Task<ContractDetail> Handle(Command command, CancellationToken ct)
        {
            return await ContractSql.ChangeAsync(db, caller, mediator, command.ContractId, async (connection, tx, contract) =>
            {
                if (caller.Role != Role.Producer) throw new ForbiddenException("Only the client's producer forwards a submission.");
                await ContractSql.MoveAsync(connection, tx, contract, [ContractStatus.InReview], ContractStatus.Submitted,
                    "Only work in the producer's review can be forwarded.");
                var latest = await connection.ExecuteScalarAsync<string>(
                    "SELECT MAX(id) FROM submissions WHERE contract_id = @Id", new { contract.Id }, tx);
                await Notifications.Notify.ToAsync(connection, tx, contract.BusinessId, Notifications.NotificationKind.SubmissionToReview,
                    $"Checked work is ready for \"{contract.JobTitle}\".", $"forwarded:{latest}", clock.GetUtcNow(), contract.JobId, contract.Id);
            }, ct);
        }
    }
}

/// <summary>Each party reviews the other once, after completion.</summary>
public static class LeaveReview
{
    public sealed record Command : IRequest<Review>
    {
        [JsonIgnore] public string ContractId { get; init; } = "";
        public int Rating { get; init; }
        public string Comment { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Rating).InclusiveBetween(1, 5);
            RuleFor(c => c.Comment).NotNull().MaximumLength(2_000);
        }
    }

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Review>
    {
        public async Task<Review> Handle(Command command, CancellationToken ct)
        {
            await using var connection = await db.OpenAsync(ct);
            var contract = await ContractSql.GetForPartyAsync(connection, command.ContractId, caller);
            var reviewee = caller.Id == contract.BusinessId ? contract.WorkerId
                : caller.Id == contract.WorkerId ? contract.BusinessId
                : throw new ForbiddenException("Only the contract's business and worker review each other.");
            var id = Wire.NewId();
            try
            {
                // Completion is checked in the same statement as the insert.
                var inserted = await connection.ExecuteAsync(
                    """
                    INSERT INTO reviews (id, contract_id, reviewer_id, reviewee_id, rating, comment, created_at)
                    SELECT @Id, c.id, @Me, @Reviewee, @Rating, @Comment, @Now FROM contracts c WHERE c.id = @ContractId AND c.status = 'completed'
                    """,
                    new { Id = id, ContractId = contract.Id, Me = caller.Id, Reviewee = reviewee, command.Rating,
                          Comment = command.Comment.Trim(), Now = clock.GetUtcNow() });
                if (inserted == 0) throw new ConflictException($"Reviews open when the contract is completed; it is {Wire.Name(contract.Status)}.");
            }
            catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
            {
                throw new ConflictException("You have already reviewed this contract.");
            }
            return await connection.QuerySingleAsync<Review>(
                """
                SELECT r.id, r.reviewer_id, u.display_name AS reviewer_name, r.reviewee_id, r.rating, r.comment, r.created_at
                FROM reviews r JOIN users u ON u.id = r.reviewer_id WHERE r.id = @Id
                """, new { Id = id });
        }
    }
}

public static class ContractEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/jobs/{id}/award", async (string id, AwardJob.Command command, IMediator mediator) =>
            {
                var contract = await mediator.Send(command with { JobId = id });
                return TypedResults.Created($"/api/contracts/{contract.Id}", contract);
            })
            .RequireAuthorization().WithTags("Contracts").WithName("AwardJob")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        var contracts = api.MapGroup("/contracts").RequireAuthorization().WithTags("Contracts");
        contracts.MapGet("", ([AsParameters] ListContracts.Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListContracts").ProducesValidationProblem();
        contracts.MapGet("/{id}", (string id, IMediator mediator) => mediator.Send(new GetContract.Query(id)))
            .WithName("GetContract").ProducesProblem(404);
        contracts.MapPost("/{id}/submissions", async (string id, SubmitWork.Command command, IMediator mediator) =>
                TypedResults.Created($"/api/contracts/{id}", await mediator.Send(command with { ContractId = id })))
            .WithName("SubmitWork").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        contracts.MapPost("/{id}/request-revision", (string id, RequestRevision.Command command, IMediator mediator) =>
                mediator.Send(command with { ContractId = id }))
            .WithName("RequestRevision").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        contracts.MapPost("/{id}/forward", (string id, IMediator mediator) => mediator.Send(new ForwardSubmission.Command(id)))
            .WithName("ForwardSubmission").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        contracts.MapPost("/{id}/accept", (string id, IMediator mediator) => mediator.Send(new AcceptWork.Command(id)))
            .WithName("AcceptWork").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        contracts.MapPost("/{id}/reviews", async (string id, LeaveReview.Command command, IMediator mediator) =>
                TypedResults.Created($"/api/contracts/{id}", await mediator.Send(command with { ContractId = id })))
            .WithName("LeaveReview").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
    }
}
