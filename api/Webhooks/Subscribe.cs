using System.Net;
using FluentValidation;
using MediatR;
using Marketplace.Events;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Webhooks;

/// <summary>
/// <c>POST /api/webhooks</c>: an account subscribes a URL to types of event. Each event of those types that the account
/// may read (the feed's rule) is delivered there, signed with the secret this answer shows once.
/// </summary>
public static class Subscribe
{
    public sealed record Command : ICommand<WebhookWithSecret>
    {
        /// <summary>Where to POST each event: https (plain http only where <c>Webhooks:AllowLoopback</c> is set, never in Production).</summary>
        public string Url { get; init; } = "";
        /// <summary>The types to deliver (from <c>GET /api/events/types</c>).</summary>
        public IReadOnlyList<string> EventTypes { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IOptions<WebhookOptions> options)
        {
            var allowLoopback = options.Value.AllowLoopback;
            RuleFor(c => c.Url).NotBlank("A URL is required.").PlainText().MaximumLength(WebhookRules.UrlMax)
                .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri)
                             && (uri.Scheme == Uri.UriSchemeHttps || (allowLoopback && uri.Scheme == Uri.UriSchemeHttp))
                             && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Fragment))
                .WithMessage("The URL must be an https URL without user name or fragment.").WithErrorCode("webhookUrl")
                // A name is resolved and checked at each connection (WebhookAddresses); an address can be refused now.
                .Must(url => !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IPAddress.TryParse(uri.IdnHost, out var ip)
                             || !WebhookAddresses.IsRefused(ip, allowLoopback))
                .WithMessage("Webhooks may not be sent to loopback, private, link-local or metadata addresses.").WithErrorCode("webhookAddress");
            RuleFor(c => c.EventTypes).NotEmpty().WithMessage("Choose at least one type of event.").WithErrorCode("noEventTypes")
                .Must(types => types.Count <= WebhookRules.MaxEventTypes).WithMessage($"At most {WebhookRules.MaxEventTypes} types.").WithErrorCode("tooManyEventTypes");
            RuleForEach(c => c.EventTypes).PlainText().MaximumLength(64).Must(type => Events.EventTypes.Named(type) is not null)
                .WithMessage("Not a type of event (see GET /api/events/types).").WithErrorCode("unknownEventType");
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, WebhookWithSecret>
    {
        public async Task<WebhookWithSecret> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var id = TimeOrderedId.New();
            var secret = WebhookSignature.NewSecret();
            // The limit is decided by the insert itself, not by a count read before it.
            var made = await db.ExecuteAsync(
                """
                INSERT INTO webhook_subscriptions (id, account_id, url, status, secret, created_at)
                SELECT @Id, @Me, @Url, 'active', @Secret, @Now
                WHERE (SELECT COUNT(*) FROM webhook_subscriptions x WHERE x.account_id = @Me) < @Max
                """, new { Id = id, Me = caller.Id, command.Url, Secret = secret, Now = now, Max = WebhookRules.MaxPerAccount });
            if (made == 0)
                throw new ConflictException($"An account has at most {WebhookRules.MaxPerAccount} webhooks; delete one first.", ConflictCode.TooManyWebhooks);
            foreach (var type in command.EventTypes.Distinct(StringComparer.Ordinal))
                await db.ExecuteAsync("INSERT INTO webhook_subscription_types (subscription_id, event_type) VALUES (@Id, @Type)", new { Id = id, Type = type });
            return new WebhookWithSecret { Webhook = await WebhookQueries.OneAsync(db, caller.Id, id), Secret = secret };
        }
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/webhooks", async (Command command, IMediator mediator) =>
            {
                var made = await mediator.Send(command);
                return TypedResults.Created($"/api/webhooks/{made.Webhook.Id}", made);
            })
            .WithName("Subscribe").ProducesValidationProblem().ProducesProblem(409);
}
