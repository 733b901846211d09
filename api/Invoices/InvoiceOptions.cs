using Microsoft.Extensions.Options;

namespace Marketplace.Invoices;

/// <summary>The <c>Invoices</c> settings: the operator as an issuer of documents.</summary>
public sealed class InvoiceOptions
{
    /// <summary>The operator's name on documents (e.g. the town's office or the staffing company).</summary>
    public string PlatformName { get; set; } = "地域しごとマーケット";

    /// <summary>The operator's qualified-invoice registration number; empty when the operator is not registered.</summary>
    public string PlatformNumber { get; set; } = "";

    /// <summary>
    /// 媒介者交付特例 (消費税法施行令第70条の12第1項): when the operator and the worker (or producer) are both registered, the
    /// operator may issue the invoice for their work in its own name and registration number, as the intermediary
    /// that takes the payment. Off by default: documents then carry the worker's own name and number (代理交付).
    /// </summary>
    public bool IntermediaryDelivery { get; set; }

    /// <summary>Start-up refuses a registration number that is not one.</summary>
    public sealed class Validation : IValidateOptions<InvoiceOptions>
    {
        public ValidateOptionsResult Validate(string? name, InvoiceOptions options) =>
            options.PlatformNumber.Length > 0 && !InvoiceNumber.IsValid(options.PlatformNumber)
                ? ValidateOptionsResult.Fail("Invoices:PlatformNumber must be T and 13 digits with a valid check digit, or empty.")
                : options.IntermediaryDelivery && options.PlatformNumber.Length == 0
                    ? ValidateOptionsResult.Fail("Invoices:IntermediaryDelivery needs Invoices:PlatformNumber: only a registered operator may issue as intermediary.")
                    : ValidateOptionsResult.Success;
    }
}
