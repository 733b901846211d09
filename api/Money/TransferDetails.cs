namespace Marketplace.Money;

/// <summary>
/// Where a business transfers its payment into escrow, as every payment request shows it (お支払いのご案内): the
/// operator's receiving account (Payments:BankAccount), codes left out where the operator gave none, or nothing until the
/// operator sets it (the page then tells the business to ask). The contract's and the job's payment requests both show it.
/// The view keeps its name under <see cref="GetPaymentRequest"/>, which the OpenAPI document and the web client's types use.
/// </summary>
internal static class TransferDetails
{
    public static GetPaymentRequest.ReceivingAccountView? Of(ReceivingAccount account) =>
        !account.IsSet ? null
        : new GetPaymentRequest.ReceivingAccountView(account.BankName, NullIfEmpty(account.BankCode), account.BranchName,
            NullIfEmpty(account.BranchCode), account.Type, account.Number, account.HolderKana);

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
