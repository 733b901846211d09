using FluentValidation;

namespace Marketplace.Invoices;

/// <summary>
/// A qualified-invoice issuer's registration number (適格請求書発行事業者登録番号): "T" and 13 digits (消費税法第57条の2).
/// A company's 13 digits are its corporate number; an individual's are a number the National Tax Agency assigns in the
/// same form. Both carry a check digit first, computed as the corporate number's (法人番号の指定等に関する省令 第2条):
/// 9 − (Σ Pn × Qn mod 9) over the other 12 digits, Pn the n-th digit counted from the last, Qn 1 for odd n and 2 for even.
/// </summary>
public static class InvoiceNumber
{
    public static bool IsValid(string? number)
    {
        if (number is not { Length: 14 } || number[0] != 'T' || !number[1..].All(char.IsAsciiDigit)) return false;
        var digits = number[2..];
        var sum = 0;
        for (var n = 1; n <= 12; n++) sum += (digits[^n] - '0') * (n % 2 == 1 ? 1 : 2);
        return number[1] - '0' == 9 - sum % 9;
    }

    public static IRuleBuilderOptions<T, string?> ValidInvoiceNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => string.IsNullOrEmpty(n) || IsValid(n))
            .WithMessage("A registration number is T and 13 digits whose first digit checks the others, as on the National Tax Agency's register.")
            .WithErrorCode("invoiceNumber");
}
