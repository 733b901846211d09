namespace Marketplace.Money;

/// <summary>Every route of the money feature, mapped from here.</summary>
public static class MoneyRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var money = api.MapGroup("").RequireAuthorization().WithTags("Money");
        GetSettlement.Map(money);
        GetPaymentRequest.Map(money);
        GetJobPaymentRequest.Map(money);
        ConfirmPayment.Map(money);
        ListPayments.Map(money);
        MatchDeposits.Map(money);
        ConfirmPayments.Map(money);
        GetBusinessProfile.Map(money);
        UpdateBusinessProfile.Map(money);
        GetStatement.Map(money);
    }
}
