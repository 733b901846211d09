namespace Marketplace.Money;

/// <summary>
/// Japan's consumption tax at the standard rate (消費税法第29条 with 地方税法's local consumption tax: 7.8% + 2.2%), as
/// amounts on the platform are stated: tax included.
/// </summary>
public static class ConsumptionTax
{
    public const int StandardRatePercent = 10;

    /// <summary>
    /// The consumption tax a tax-included amount contains at the standard rate: amount × 10/110, rounded down, once per
    /// document and rate (消費税法施行令第70条の10: one rounding per invoice and rate, never per line).
    /// </summary>
    public static long In(long amountTaxIncluded) => amountTaxIncluded * StandardRatePercent / (100 + StandardRatePercent);
}
