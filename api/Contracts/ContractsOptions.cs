using Microsoft.Extensions.Options;

namespace Marketplace.Contracts;

/// <summary>
/// The <c>Contracts</c> settings: the periods of a deal. Start-up refuses values the Freelance Act does not allow
/// (<see cref="Validation"/>), so a misconfigured platform never writes unlawful terms.
/// </summary>
public sealed class ContractsOptions
{
    /// <summary>The law's outer limit for the payment date: 60 days, counting the day the work was received as day 1 (art. 4 §1).</summary>
    public const int LawPaymentDays = 60;

    /// <summary>
    /// Days the business has to inspect delivered work before it counts as accepted. At most 14: the platforms people
    /// know release after 5 (99designs) to 21 days (Job-Hub), and a short one keeps the worker's pay from waiting.
    /// </summary>
    public int InspectionDays { get; set; } = 7;

    /// <summary>
    /// Revision requests on one contract the worker must answer with new work; after these the worker may decline and
    /// propose a cancellation instead (MHLW guideline for self-employed telework: no repeated unpaid redos; Freelance
    /// Act art. 5 §2 (ii) forbids making the worker redo work without cause).
    /// </summary>
    public int FreeRevisions { get; set; } = 3;

    /// <summary>
    /// Days after acceptance by which the worker is paid. With the inspection period it must stay inside the law's 60
    /// days from delivery (art. 4 §1), so that a contract accepted by lapse is never due later than the law allows.
    /// </summary>
    public int PaymentDays { get; set; } = 30;

    /// <summary>How often the background clock ends lapsed inspections, reminds parties and escalates unanswered cancellations.</summary>
    public int ClockIntervalSeconds { get; set; } = 60;

    public const int MaxInspectionDays = 14;

    /// <summary>What start-up refuses, with a message that names the setting and the rule.</summary>
    public sealed class Validation : IValidateOptions<ContractsOptions>
    {
        public ValidateOptionsResult Validate(string? name, ContractsOptions o)
        {
            var errors = new List<string>();
            if (o.InspectionDays is < 1 or > ContractsOptions.MaxInspectionDays)
                errors.Add($"Contracts:InspectionDays must be 1 to {ContractsOptions.MaxInspectionDays} days (got {o.InspectionDays}).");
            if (o.PaymentDays < 1)
                errors.Add($"Contracts:PaymentDays must be at least 1 (got {o.PaymentDays}).");
            // Freelance Act art. 4 §1: payment within 60 days of receiving the work, the day of receipt counted as day 1.
            // Work accepted by lapse is accepted InspectionDays after receipt, so both together must fit in the other 59.
            if (o.InspectionDays + o.PaymentDays > ContractsOptions.LawPaymentDays - 1)
                errors.Add($"Contracts:InspectionDays ({o.InspectionDays}) + Contracts:PaymentDays ({o.PaymentDays}) is more than " +
                           $"{ContractsOptions.LawPaymentDays - 1} days: the Freelance Act (art. 4) requires payment within " +
                           $"{ContractsOptions.LawPaymentDays} days of receiving the work, counting that day.");
            if (o.FreeRevisions is < 0 or > 20)
                errors.Add($"Contracts:FreeRevisions must be 0 to 20 (got {o.FreeRevisions}).");
            if (o.ClockIntervalSeconds < 1)
                errors.Add($"Contracts:ClockIntervalSeconds must be at least 1 (got {o.ClockIntervalSeconds}).");
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
