using FluentValidation;
using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Mail;

/// <summary>How one kind of notification goes out by mail.</summary>
public sealed record KindSetting(NotificationKind Kind, MailDelivery Delivery);

/// <summary>The caller's mail settings: every kind of notification, with its delivery (no row = at once).</summary>
public sealed record NotificationSettingsView(IReadOnlyList<KindSetting> Kinds);

/// <summary><c>GET /api/me/notification-settings</c>.</summary>
public static class GetNotificationSettings
{
    public sealed record Query : IRequest<NotificationSettingsView>;

    private sealed class Row
    {
        public string Kind { get; init; } = "";
        public string Delivery { get; init; } = "";
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, NotificationSettingsView>
    {
        public async Task<NotificationSettingsView> Handle(Query query, CancellationToken ct)
        {
            var rows = (await db.QueryAsync<Row>("SELECT s.kind, s.delivery FROM notification_settings s WHERE s.user_id = @Me", new { Me = caller.Id }))
                .ToDictionary(r => r.Kind, r => Wire.TryParse<MailDelivery>(r.Delivery, out var d) ? d : MailDelivery.Immediately);
            return new NotificationSettingsView(Enum.GetValues<NotificationKind>()
                .Select(k => new KindSetting(k, rows.GetValueOrDefault(Wire.Name(k), MailDelivery.Immediately))).ToList());
        }
    }

    public static void Map(IEndpointRouteBuilder mail) =>
        mail.MapGet("/me/notification-settings", (IMediator mediator) => mediator.Send(new Query())).WithName("GetNotificationSettings");
}

/// <summary><c>PUT /api/me/notification-settings</c> {kinds: [{kind, delivery}]}: the kinds named change; the others keep theirs.</summary>
public static class UpdateNotificationSettings
{
    public sealed record Command : ICommand<NotificationSettingsView>
    {
        public IReadOnlyList<KindSetting>? Kinds { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Kinds).NotNull().WithMessage("Name the kinds to change.");
            RuleFor(c => c.Kinds).Must(k => k is null || k.Select(s => s.Kind).Distinct().Count() == k.Count)
                .WithMessage("Name each kind once.").WithErrorCode("duplicateKind");
        }
    }

    public sealed class Handler(DbSession db, Caller caller, IMediator mediator) : IRequestHandler<Command, NotificationSettingsView>
    {
        public async Task<NotificationSettingsView> Handle(Command command, CancellationToken ct)
        {
            foreach (var setting in command.Kinds!)
                await Settings.SetAsync(db, caller.Id, setting.Kind, setting.Delivery);
            return await mediator.Send(new GetNotificationSettings.Query(), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder mail) =>
        mail.MapPut("/me/notification-settings", (Command command, IMediator mediator) => mediator.Send(command))
            .WithName("UpdateNotificationSettings").ProducesValidationProblem();
}

internal static class Settings
{
    public static Task<int> SetAsync(DbSession db, string userId, NotificationKind kind, MailDelivery delivery) =>
        db.ExecuteAsync(db.Dialect.Upsert("notification_settings", ["user_id", "kind"], ["user_id", "kind", "delivery"]),
            new { user_id = userId, kind = Wire.Name(kind), delivery = Wire.Name(delivery) });
}
