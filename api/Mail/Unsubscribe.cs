using System.Net;
using FluentValidation;
using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Mail;

/// <summary>
/// One-click unsubscribe (RFC 8058) at <c>/mail/unsubscribe?token=…</c>, without signing in: the token names the person
/// and the kind of mail. A mail program POSTs <c>List-Unsubscribe=One-Click</c> to it and the kind is off at once. A GET
/// (a person clicking the link in the mail's text, or a mail scanner following links) changes nothing: it shows a page
/// in the person's language with one button that POSTs, as RFC 8058 §1 advises, so a link checker never unsubscribes.
/// </summary>
public static class Unsubscribe
{
    public sealed record Command : ICommand<Result>
    {
        public string Token { get; init; } = "";
    }

    public sealed record Result(NotificationKind Kind, Language Language);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Token).NotEmpty().PlainText().MaximumLength(1000);
    }

    public sealed class Handler(DbSession db, UnsubscribeTokens tokens) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken ct)
        {
            var (userId, kind) = tokens.Read(command.Token) ?? throw new NotFoundException("This unsubscribe link is not valid.");
            var language = await db.ExecuteScalarAsync<string?>("SELECT language FROM users WHERE id = @Id", new { Id = userId })
                           ?? throw new NotFoundException("This unsubscribe link is not valid.");
            await NotificationSettings.SetAsync(db, userId, kind, MailDelivery.Never);
            return new Result(kind, WireName.TryParse<Language>(language, out var l) ? l : Language.Ja);
        }
    }

    private static IResult Page(Language language, string title, string text, string? token = null)
    {
        var lang = language == Language.En ? "en" : "ja";
        var button = language == Language.En ? "Stop these mails" : "このメールを停止する";
        var form = token is null ? "" :
            $"<form method=\"post\" action=\"/mail/unsubscribe?token={WebUtility.UrlEncode(token)}\">" +
            "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">" +
            $"<button type=\"submit\">{WebUtility.HtmlEncode(button)}</button></form>";
        return Results.Content(
            $"<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            $"<title>{WebUtility.HtmlEncode(title)}</title></head><body><main><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p>{form}" +
            "<p><a href=\"/\">Regional Work Market</a></p></main></body></html>", "text/html; charset=utf-8");
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/mail/unsubscribe", async (string? token, UnsubscribeTokens tokens, DbSession db) =>
            {
                if (tokens.Read(token) is not { } target) return Invalid();
                var language = await db.ExecuteScalarAsync<string?>("SELECT language FROM users WHERE id = @Id", new { Id = target.UserId });
                if (language is null) return Invalid();
                var l = WireName.TryParse<Language>(language, out var parsed) ? parsed : Language.Ja;
                var subject = MailWording.For(target.Kind, l, out _).Subject.Replace("{job}", "…");
                return l == Language.En
                    ? Page(l, "Stop these mails?", $"You will no longer get mails like \"{subject}\". You can turn them on again in your notification settings.", token)
                    : Page(l, "メールを停止しますか?", $"「{subject}」のようなメールが届かなくなります。通知設定からいつでも戻せます。", token);
            })
            .ExcludeFromDescription().WithMetadata(new NoCsrfHeaderNeeded());
        app.MapPost("/mail/unsubscribe", async (string? token, IMediator mediator) =>
            {
                try
                {
                    var done = await mediator.Send(new Command { Token = token ?? "" });
                    return done.Language == Language.En
                        ? Page(done.Language, "Unsubscribed", "You will no longer get mails of this kind.")
                        : Page(done.Language, "停止しました", "この種類のメールは今後届きません。");
                }
                catch (Exception e) when (e is NotFoundException or ValidationException)
                {
                    return Invalid();
                }
            })
            // The token is the authority, not a cookie: a signed-in browser's form and a mail program's POST both work.
            .ExcludeFromDescription().WithMetadata(new NoCsrfHeaderNeeded());
    }

    private static IResult Invalid() =>
        Results.Content("<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>無効なリンク / Invalid link</title></head>" +
                        "<body><main><h1>無効なリンクです / This link is not valid</h1></main></body></html>", "text/html; charset=utf-8",
            statusCode: 404);
}
