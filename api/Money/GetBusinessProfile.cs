using MediatR;
using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>
/// A business reads its own profile (today: whether it is a withholding agent), so that its profile page can show the
/// setting it changes with <see cref="UpdateBusinessProfile"/>.
/// </summary>
public static class GetBusinessProfile
{
    public sealed record Query : IRequest<BusinessProfile>;

    internal const string Sql = "SELECT u.is_withholding_agent FROM users u WHERE u.id = @Me";

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, BusinessProfile>
    {
        public async Task<BusinessProfile> Handle(Query query, CancellationToken ct)
        {
            caller.Require(Role.Business, "keep a business profile");
            return new BusinessProfile(await db.ExecuteScalarAsync<bool>(Sql, new { Me = caller.Id }));
        }
    }

    public static void Map(IEndpointRouteBuilder money) =>
        money.MapGet("/me/business-profile", (IMediator mediator) => mediator.Send(new Query()))
            .WithName("GetBusinessProfile").ProducesProblem(403);
}
