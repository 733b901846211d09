using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Banks;

/// <summary>
/// <c>GET /api/banks?q=</c>: the banks whose name (kanji or kana, folded as search folds) holds the words or whose code
/// begins with the digits, at most 20, for the bank-account form to choose from.
/// </summary>
public static class ListBanks
{
    public sealed record Query : IRequest<IReadOnlyList<Bank>>
    {
        /// <summary>A part of the name (みずほ, ミズホ, ｱｷﾀ, 秋田銀行) or the beginning of the code (00).</summary>
        public string? Q { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Q).PlainText().MaximumLength(50);
    }

    public sealed class Handler : IRequestHandler<Query, IReadOnlyList<Bank>>
    {
        public Task<IReadOnlyList<Bank>> Handle(Query query, CancellationToken ct) => Task.FromResult(BankList.FindBanks(query.Q));
    }

    public static void Map(IEndpointRouteBuilder banks) =>
        banks.MapGet("/banks", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListBanks").ProducesValidationProblem();
}
