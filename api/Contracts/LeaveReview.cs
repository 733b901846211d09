using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Contracts;

public static class LeaveReview
{
    public sealed record Command : ICommand<Review>
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
            RuleFor(c => c.Comment).NotNull().PlainMultilineText().MaximumLength(2_000);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Review>
    {
        public async Task<Review> Handle(Command command, CancellationToken ct)
        {
            var contract = await Contract.ForPartyAsync(db, command.ContractId, caller);
            var reviewee = caller.Id == contract.BusinessId ? contract.WorkerId
                : caller.Id == contract.WorkerId ? contract.BusinessId
                : throw new ForbiddenException("Only the contract's business and worker review each other.");
            var id = TimeOrderedId.New();
            try
            {
                // Completion is checked in the same statement as the insert.
                var inserted = await db.ExecuteAsync(
                    """
                    INSERT INTO reviews (id, contract_id, reviewer_id, reviewee_id, rating, comment, created_at)
                    SELECT @Id, c.id, @Me, @Reviewee, @Rating, @Comment, @Now FROM contracts c WHERE c.id = @ContractId AND c.status = 'completed'
                    """,
                    new { Id = id, ContractId = contract.Id, Me = caller.Id, Reviewee = reviewee, command.Rating,
                          Comment = command.Comment.Trim(), Now = clock.GetUtcNow() });
                if (inserted == 0) throw new ConflictException($"Reviews open when the contract is completed; it is {WireName.Of(contract.Status)}.", ConflictCode.ContractStatus);
                // A team contract's review by its business reaches the team and each member with an approved task (issue 23).
                if (caller.Id == contract.BusinessId)
                    await Teams.TeamReviews.SpreadAsync(db, contract.Id, command.Rating, command.Comment.Trim(), clock.GetUtcNow());
            }
            catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
            {
                throw new ConflictException("You have already reviewed this contract.", ConflictCode.ReviewExists);
            }
            return await db.QuerySingleAsync<Review>(
                """
                SELECT r.id, r.reviewer_id, u.display_name AS reviewer_name, r.reviewee_id, r.rating, r.comment, r.created_at
                FROM reviews r JOIN users u ON u.id = r.reviewer_id WHERE r.id = @Id
                """, new { Id = id });
        }
    }

    public static void Map(IEndpointRouteBuilder contracts) =>
        contracts.MapPost("/contracts/{id}/reviews", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/contracts/{id}", await mediator.Send(command with { ContractId = id })))
            .WithName("LeaveReview").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
