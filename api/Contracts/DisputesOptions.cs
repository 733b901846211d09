using Microsoft.Extensions.Options;

namespace Marketplace.Contracts;

/// <summary>The <c>Disputes</c> settings.</summary>
public sealed class DisputesOptions
{
    /// <summary>Days the other party has to answer a cancellation proposal; unanswered, it becomes a dispute.</summary>
    public int AnswerDays { get; set; } = 7;

    /// <summary>What start-up refuses, with a message that names the setting and the rule.</summary>
    public sealed class Validation : IValidateOptions<DisputesOptions>
    {
        public ValidateOptionsResult Validate(string? name, DisputesOptions o) =>
            o.AnswerDays is < 1 or > 30
                ? ValidateOptionsResult.Fail($"Disputes:AnswerDays must be 1 to 30 days (got {o.AnswerDays}).")
                : ValidateOptionsResult.Success;
    }
}
