using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Mail;

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

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Command, NotificationSettingsView>
    {
        public async Task<NotificationSettingsView> Handle(Command command, CancellationToken ct)
        {
            foreach (var setting in command.Kinds!)
                await NotificationSettings.SetAsync(db, caller.Id, setting.Kind, setting.Delivery);
            return await NotificationSettings.ReadAsync(db, caller.Id);
        }
    }

    public static void Map(IEndpointRouteBuilder mail) =>
        mail.MapPut("/me/notification-settings", (Command command, IMediator mediator) => mediator.Send(command))
            .WithName("UpdateNotificationSettings").ProducesValidationProblem();
}
