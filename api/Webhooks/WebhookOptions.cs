using Microsoft.Extensions.Options;

namespace Marketplace.Webhooks;

/// <summary>The <c>Webhooks</c> settings.</summary>
public sealed class WebhookOptions
{
    /// <summary>
    /// Lets subscriptions name plain-http URLs and the loopback interface, so that tests (and a developer) can run a
    /// receiver on this machine. Private, link-local and metadata addresses stay refused. Production refuses to start with
    /// it (<see cref="Validation"/>): there it would let anyone who can subscribe make the server call itself.
    /// </summary>
    public bool AllowLoopback { get; set; }

    /// <summary>How often the sender looks for due deliveries.</summary>
    public int SendIntervalSeconds { get; set; } = 10;

    /// <summary>How long a sender holds the deliveries it claimed before another may take them (a node that died).</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>How long a receiver may take to answer; longer is a failed attempt.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    public sealed class Validation(IHostEnvironment environment) : IValidateOptions<WebhookOptions>
    {
        public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
            options.AllowLoopback && environment.IsProduction()
                ? ValidateOptionsResult.Fail("Webhooks:AllowLoopback lets webhooks call this server and plain http; it is for tests and development, never Production.")
                : options.SendIntervalSeconds < 1 || options.LeaseSeconds < 1 || options.TimeoutSeconds < 1
                    ? ValidateOptionsResult.Fail("Webhooks:SendIntervalSeconds, LeaseSeconds and TimeoutSeconds must be at least 1.")
                    : ValidateOptionsResult.Success;
    }
}
