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

    internal const string Sql = "SELECT u.is_withholding_agent, u.business_profile_version AS row_version FROM users u WHERE u.id = @Me";

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, BusinessProfile>
    {
        public async Task<BusinessProfile> Handle(Query query, CancellationToken ct)
        {
            caller.Require(Role.Business, "keep a business profile");
            return await ReadAsync(db, caller.Id);
        }
    }

    private sealed class Row
    {
        public bool IsWithholdingAgent { get; init; }
        public long RowVersion { get; init; }
    }

    /// <summary>The business's profile with its version (the ETag).</summary>
    internal static async Task<BusinessProfile> ReadAsync(DbSession db, string businessId)
    {
        var row = await db.QuerySingleAsync<Row>(Sql, new { Me = businessId });
        return new BusinessProfile(row.IsWithholdingAgent) { RowVersion = row.RowVersion };
    }

    public static void Map(IEndpointRouteBuilder money) =>
        money.MapGet("/me/business-profile", (IMediator mediator) => mediator.Send(new Query()))
            .WithName("GetBusinessProfile").WithETag().ProducesProblem(403);
}
