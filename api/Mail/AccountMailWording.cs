namespace Marketplace.Mail;

/// <summary>
/// What account mail says, per kind, in Japanese and English. {name} is the person's display name, {link} the link
/// with its token, {email} the account's address now (for <see cref="AccountMailKind.EmailChanged"/>, the new one),
/// {to} the address the mail goes to; for <see cref="AccountMailKind.OfficeInvitation"/>, {programme} and {prefecture}
/// name the programme the person is invited to.
/// A new kind needs both wordings (AccountMailTests fails without them).
/// </summary>
public static class AccountMailWording
{
    public sealed record Wording(string Subject, string Body);

    public static readonly IReadOnlyDictionary<AccountMailKind, Wording> Japanese = new Dictionary<AccountMailKind, Wording>
    {
        [AccountMailKind.PasswordReset] = new("パスワードの再設定",
            """
            {name} 様

            パスワードの再設定を受け付けました。次のリンクを開き、新しいパスワードを決めてください。
            {link}

            このリンクは30分間、1回だけ使えます。心当たりがない場合は、このメールを破棄してください。パスワードは変わりません。
            """),
        [AccountMailKind.EmailConfirmation] = new("メールアドレスの確認",
            """
            {name} 様

            地域しごとマーケットへのご登録ありがとうございます。次のリンクを開いて、このメールアドレスを確認してください。
            {link}

            確認が済むと、応募、仕事の掲載、納品、報酬の受け取りができるようになります。リンクは24時間有効です。
            心当たりがない場合は、このメールを破棄してください。
            """),
        [AccountMailKind.EmailChange] = new("新しいメールアドレスの確認",
            """
            {name} 様

            アカウントのメールアドレスをこのアドレスに変更する手続きを受け付けました。次のリンクを開くと変更が完了します。
            {link}

            リンクは24時間有効です。心当たりがない場合は、このメールを破棄してください。アドレスは変わりません。
            """),
        [AccountMailKind.EmailChanged] = new("メールアドレスが変更されました",
            """
            {name} 様

            地域しごとマーケットのアカウントのメールアドレスが {email} に変更されました。今後のお知らせは新しいアドレスに届きます。

            この変更に心当たりがない場合は、すぐにサイトを運営する事務局にご連絡ください。
            """),
        [AccountMailKind.PasswordChanged] = new("パスワードが再設定されました",
            """
            {name} 様

            地域しごとマーケットのアカウントのパスワードが再設定され、それまでのサインインはすべて終了しました。

            心当たりがない場合は、すぐにパスワードを再設定し、サイトを運営する事務局にご連絡ください。
            """),
        [AccountMailKind.OfficeInvitation] = new("「{programme}」事務局アカウントへのご招待",
            """
            {name} 様

            地域しごとマーケットの運営者が、あなたを「{programme}」（{prefecture}）の事務局に招待しました。
            事務局のアカウントは、このメールアドレス（{to}）で作られます。次のリンクを開き、利用規約とプライバシーポリシーを確認して、パスワードを決めてください。
            {link}

            リンクは7日間、1回だけ使えます。サインインでは、管理者と同じく2段階認証のコードが必要です。
            心当たりがない場合は、このメールを破棄してください。
            """),
    };

    public static readonly IReadOnlyDictionary<AccountMailKind, Wording> English = new Dictionary<AccountMailKind, Wording>
    {
        [AccountMailKind.PasswordReset] = new("Reset your password",
            """
            Hello {name},

            We received a request to reset your password. Open this link to choose a new one:
            {link}

            The link works once, for 30 minutes. If you did not ask for it, ignore this mail: your password stays as it is.
            """),
        [AccountMailKind.EmailConfirmation] = new("Confirm your e-mail address",
            """
            Hello {name},

            Thank you for signing up to Regional Work Market. Open this link to confirm this e-mail address:
            {link}

            Once it is confirmed you can bid, post jobs, deliver work and be paid. The link works for 24 hours.
            If you did not sign up, ignore this mail.
            """),
        [AccountMailKind.EmailChange] = new("Confirm your new e-mail address",
            """
            Hello {name},

            We received a request to make this the e-mail address of your account. Open this link to finish the change:
            {link}

            The link works for 24 hours. If you did not ask for it, ignore this mail: the address stays as it is.
            """),
        [AccountMailKind.EmailChanged] = new("Your e-mail address was changed",
            """
            Hello {name},

            The e-mail address of your Regional Work Market account was changed to {email}. Mail now goes to the new address.

            If you did not make this change, contact the office that runs the site at once.
            """),
        [AccountMailKind.PasswordChanged] = new("Your password was reset",
            """
            Hello {name},

            The password of your Regional Work Market account was reset, and every session that was signed in has ended.

            If you did not do this, reset your password now and contact the office that runs the site.
            """),
        [AccountMailKind.OfficeInvitation] = new("You are invited to the office of {programme}",
            """
            Hello {name},

            The operator of Regional Work Market invited you to the office of the programme "{programme}" ({prefecture}).
            The office account is made for this address, {to}. Open this link, read the terms of use and the privacy
            policy, and choose your password:
            {link}

            The link works once, for 7 days. Signing in asks for two-step codes, as for administrators.
            If you did not expect this, ignore this mail.
            """),
    };

    public static IReadOnlyDictionary<AccountMailKind, Wording> In(Language language) => language == Language.En ? English : Japanese;

    /// <summary>Where each link leads: a page of the web client, with the token after '#', so it never reaches a server log.</summary>
    public static string? LinkPath(AccountMailKind kind) => kind switch
    {
        AccountMailKind.PasswordReset => "/reset-password#token=",
        AccountMailKind.EmailConfirmation or AccountMailKind.EmailChange => "/confirm-email#token=",
        AccountMailKind.OfficeInvitation => "/office-invitation#token=",
        _ => null,
    };
}
