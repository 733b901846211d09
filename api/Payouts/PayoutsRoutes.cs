using Marketplace.Platform;
namespace Marketplace.Payouts;

/// <summary>Every route of the payouts feature, mapped from here.</summary>
public static class PayoutsRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var payouts = api.MapGroup("").RequireAuthorization().WithTags("Payouts").RequireScope(TokenScope.MoneyRead, null);
        UpdateBankAccount.Map(payouts);
        GetBankAccount.Map(payouts);
        ListMyPayouts.Map(payouts);
        CreatePayoutBatch.Map(payouts);
        ListPayoutBatches.Map(payouts);
        GetPayoutBatch.Map(payouts);
        DownloadZenginFile.Map(payouts);
        MarkPayoutBatchPaid.Map(payouts);
        RecordReturnedPayout.Map(payouts);
        ListDuePayouts.Map(payouts);
    }
}
