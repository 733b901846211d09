using System.Text;
using System.Text.RegularExpressions;
using FluentValidation;
using Marketplace.Platform;

namespace Marketplace.Conversations;

/// <summary>
/// Contact details stay on the platform until the award, as on Lancers, CrowdWorks and Coconala, whose terms forbid
/// exchanging them before a contract (direct dealing cuts the platform and the worker's protection out): a question or
/// an answer holding an e-mail address, a phone number or a LINE ID is refused with a 400 that says which.
/// The text is first put in Unicode NFKC form (UAX #15), so that full-width digits and letters (０９０, ＠) match as
/// their ASCII forms do.
/// </summary>
public static partial class ContactDetails
{
    public const string Code = "contactDetails";

    // An address: local part, @ (or a spelt-out "at" in brackets), a domain with a dot.
    [GeneratedRegex(@"[a-z0-9._%+\-]+\s*(?:@|\(at\)|\[at\]|＠|アットマーク)\s*[a-z0-9\-]+(?:\.[a-z0-9\-]+)+", RegexOptions.IgnoreCase)]
    private static partial Regex Email();

    // Japanese numbers (MIC numbering plan): 0 then 9 or 10 more digits (fixed lines 0X-XXXX-XXXX, mobiles 070/080/090,
    // 050 IP phones, 0120 free dial), or +81 without the leading 0; digits may be split by hyphens, dashes, spaces,
    // dots or brackets as people write them ("090-1234-5678", "(0183)73-1234", "090 1234 5678").
    [GeneratedRegex(@"(?<!\d)(?:\+\s*81|0)(?:[\s\-‐‑–—―−ー.()]*\d){9,10}(?!\d)")]
    private static partial Regex Phone();

    // A LINE ID written out ("LINE ID: yuzawa_01", "ライン：abc123", "line.me/ti/p/…").
    [GeneratedRegex(@"line\.me/|(?:\bline|ライン)\s*の?\s*(?:id|アイディー?)\s*(?:[:=は]|です|→)?\s*@?[a-z0-9._\-]{4,20}|(?:\bline|ライン)\s*[:=→]\s*@?[a-z0-9._\-]{4,20}", RegexOptions.IgnoreCase)]
    private static partial Regex LineId();

    /// <summary>What kind of contact detail the text holds, if any: "email", "phone" or "lineId".</summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var normal = text.Normalize(NormalizationForm.FormKC);
        if (Email().IsMatch(normal)) return "email";
        if (Phone().IsMatch(normal)) return "phone";
        if (LineId().IsMatch(normal)) return "lineId";
        return null;
    }

    private static string Words(string kind) => kind switch
    {
        "email" => "an e-mail address",
        "phone" => "a phone number",
        _ => "a LINE ID",
    };

    /// <summary>Refuses a text holding contact details with the code <see cref="Code"/> and the kind found under "kind".</summary>
    public static IRuleBuilderOptionsConditions<T, string> NoContactDetails<T>(this IRuleBuilder<T, string> rule) =>
        rule.Custom((text, context) =>
        {
            if (Find(text) is not { } kind) return;
            context.AddFailure(new FluentValidation.Results.ValidationFailure(context.PropertyPath,
                    $"Contact details stay on the platform until a contract: this text holds {Words(kind)}. Please remove it.")
                .WithDetails(Code, new Dictionary<string, object?> { ["kind"] = kind }));
        });
}
