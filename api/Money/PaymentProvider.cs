namespace Marketplace.Money;

/// <summary>
/// How a business's money reaches escrow. A card or convenience-store provider would implement this; its
/// confirmation then arrives through <see cref="Escrow.ConfirmPaymentAsync"/>.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>Recorded on the payment, e.g. "bankTransfer".</summary>
    string Name { get; }

    /// <summary>True when the money counts as received the moment it is requested.</summary>
    bool ConfirmsAtOnce { get; }
}

/// <summary>
/// The built-in provider: the business transfers to the platform's bank account and an administrator confirms
/// the transfer; with <c>Money:AutoConfirmPayments</c> (Development) it counts as confirmed at once.
/// </summary>
public sealed class BankTransferProvider(Microsoft.Extensions.Options.IOptions<MoneyOptions> options) : IPaymentProvider
{
    public string Name => "bankTransfer";
    public bool ConfirmsAtOnce => options.Value.AutoConfirmPayments;
}

/// <summary>pending → confirmed (the money arrived) or cancelled (the contract ended before it did).</summary>
public enum PaymentStatus { Pending, Confirmed, Cancelled }
