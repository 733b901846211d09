using FluentValidation;
using MediatR;
using Marketplace.Jobs;
using Marketplace.Money;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Bids;

/// <summary>
/// <c>GET /api/jobs/{id}/take-home?amount=</c>: what a worker would take home from a bid of <c>amount</c> on the job
/// (手取り見込み): the amount less the platform fee and, where the law applies, the income tax the business withholds,
/// split by the rules an award would use today (<see cref="Withholding.Applies"/>, <see cref="Split.For"/>). An estimate:
/// the award fixes the split with the rates and the business's withholding in force then. Workers only, on jobs they can
/// see (job_viewers: open ones, or those they bid on or were invited to).
/// </summary>
public static class EstimateTakeHome
{
    public sealed record Query : IRequest<Estimate>
    {
        [Microsoft.AspNetCore.Mvc.FromRoute(Name = "id")] public string JobId { get; init; } = "";
        public long Amount { get; init; }
    }

    /// <param name="Amount">The bid's amount.</param>
    /// <param name="PlatformFee">The platform's fee, taken from the worker's side.</param>
    /// <param name="WithholdingTax">Income tax the business withholds and remits for the worker (0 when the law does not ask).</param>
    /// <param name="TakeHome">What reaches the worker's balance: amount − platform fee − withholding tax.</param>
    /// <param name="Withholds">Whether tax is withheld: the worker is an individual, the business a withholding agent, the work of a kind the law names.</param>
    public sealed record Estimate(long Amount, long PlatformFee, long WithholdingTax, long TakeHome, bool Withholds);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Amount).InclusiveBetween(JobRules.BudgetMinYen, JobRules.BudgetMaxYen);
            // Bound from the route beside the query's amount, so it is a text the client sends like any other.
            RuleFor(q => q.JobId).PlainText();
        }
    }

    private sealed class Terms
    {
        public JobCategory Category { get; init; }
        public bool BusinessIsAgent { get; init; }
        public bool WorkerIsIndividual { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller, IOptions<MoneyOptions> money) : IRequestHandler<Query, Estimate>
    {
        public async Task<Estimate> Handle(Query query, CancellationToken ct)
        {
            caller.Require(Role.Worker, "estimate what a bid takes home");
            var terms = await db.QuerySingleOrDefaultAsync<Terms>(
                """
                SELECT j.category, b.is_withholding_agent AS business_is_agent, w.is_individual AS worker_is_individual
                FROM jobs j JOIN job_viewers v ON v.job_id = j.id AND v.user_id = @Me
                JOIN users b ON b.id = j.business_id JOIN users w ON w.id = @Me
                WHERE j.id = @JobId
                """, new { query.JobId, Me = caller.Id })
                ?? throw new NotFoundException("No such job.");
            var options = money.Value;
            var withholds = Withholding.Applies(terms.WorkerIsIndividual, terms.BusinessIsAgent, terms.Category, options.WithheldCategories);
            var split = Split.For(query.Amount, 0, options.PlatformFeeBps, withholds);
            return new Estimate(split.Amount, split.PlatformFee, split.WithholdingTax, split.WorkerNet, withholds);
        }
    }

    public static void Map(IEndpointRouteBuilder bids) =>
        bids.MapGet("/jobs/{id}/take-home", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("EstimateTakeHome").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
}
