using Microsoft.Extensions.Options;

namespace Marketplace.Contracts;

/// <summary>The <c>Disputes</c> settings.</summary>
public sealed class DisputesOptions
{
    /// <summary>Days the other party has to answer a cancellation proposal; unanswered, it becomes a dispute.</summary>
    public int AnswerDays { get; set; } = 7;

    /// <summary>
    /// Days each party has, once a dispute opens, to give its own account (a statement); an administrator decides when both
    /// have, or when these days have passed.
    /// </summary>
    public int StatementDays { get; set; } = 7;

    /// <summary>What start-up refuses, with a message that names the setting and the rule.</summary>
    public sealed class Validation : IValidateOptions<DisputesOptions>
    {
        public ValidateOptionsResult Validate(string? name, DisputesOptions o)
        {
            var errors = new List<string>();
            if (o.AnswerDays is < 1 or > 30) errors.Add($"Disputes:AnswerDays must be 1 to 30 days (got {o.AnswerDays}).");
            if (o.StatementDays is < 1 or > 30) errors.Add($"Disputes:StatementDays must be 1 to 30 days (got {o.StatementDays}).");
            return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
        }
    }
}
