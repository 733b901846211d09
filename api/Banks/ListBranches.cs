using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Banks;

/// <summary>
/// <c>GET /api/banks/{code}/branches?q=</c>: a bank's branches whose name or kana holds the words or whose code begins
/// with the digits, at most 20; 404 for a bank code the list does not know.
/// </summary>
public static class ListBranches
{
    public sealed record Query : IRequest<IReadOnlyList<Branch>>
    {
        public string Code { get; init; } = "";
        /// <summary>A part of the branch's name (本店, ゆざわ) or the beginning of its code.</summary>
        public string? Q { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Code).PlainText().Matches("^[0-9]{4}$").WithMessage("The bank code is 4 digits (金融機関コード).").WithErrorCode("bankCode");
            RuleFor(q => q.Q).PlainText().MaximumLength(50);
        }
    }

    public sealed class Handler : IRequestHandler<Query, IReadOnlyList<Branch>>
    {
        public Task<IReadOnlyList<Branch>> Handle(Query query, CancellationToken ct) =>
            Task.FromResult(BankList.FindBranches(query.Code, query.Q) ?? throw new NotFoundException("No such bank."));
    }

    public static void Map(IEndpointRouteBuilder banks) =>
        banks.MapGet("/banks/{code}/branches", (string code, string? q, IMediator mediator) => mediator.Send(new Query { Code = code, Q = q }))
            .WithName("ListBranches").ProducesValidationProblem().ProducesProblem(404);
}
