using Marketplace.Platform;
namespace Marketplace.Bids;

/// <summary>Every route of the bids feature, mapped from here.</summary>
public static class BidsRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var bids = api.MapGroup("").RequireAuthorization().WithTags("Bids").RequireScope(TokenScope.Read, TokenScope.BidsWrite);
        PlaceBid.Map(bids);
        ListJobBids.Map(bids);
        ListMyBids.Map(bids);
        WithdrawBid.Map(bids);
        EstimateTakeHome.Map(bids);
    }
}
