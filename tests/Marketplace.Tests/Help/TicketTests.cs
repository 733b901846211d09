using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// The contact form: a signed-in person's question becomes a ticket the administrators list and answer in the product;
/// the person reads the answer on the help page and gets it by mail; nobody else reads it.
/// </summary>
public sealed class TicketTests : ApiTest
{
    private static Task<HttpResponseMessage> Ask(User user, string subject = "振込日について", string body = "報酬はいつ振り込まれますか？") =>
        user.Http.PostAsJsonAsync("/api/contact", new { subject, body });

    private static IEnumerable<string> Ids(JsonObject page) => page["items"]!.AsArray().Select(t => Str(t!["id"]));

    private long MailsOf(User user, string kind) =>
        Scalar($"SELECT COUNT(*) FROM mail_outbox o JOIN notifications n ON n.id = o.notification_id WHERE n.user_id = '{user.Id}' AND n.kind = '{kind}'");

    [Test]
    public async Task A_question_reaches_the_office_which_answers_it_and_the_person_reads_the_answer_and_gets_mail()
    {
        var worker = await SignUp(Role.Worker, "佐藤 美咲");
        var admin = await Administrator();
        var asked = await Created(await Ask(worker));
        var id = Str(asked["ticket"]!["id"]);
        Assert.That(Str(asked["ticket"]!["status"]), Is.EqualTo("open"));
        Assert.That(Str(asked["body"]), Is.EqualTo("報酬はいつ振り込まれますか？"));
        Assert.That(MailsOf(admin, "ticketReceived"), Is.EqualTo(1), "the office is told, by mail too");

        var queue = await Ok(await admin.Http.GetAsync("/api/admin/tickets?status=open"));
        Assert.That(Ids(queue), Is.EqualTo(new[] { id }));
        Assert.That(Str(queue["items"]![0]!["userName"]), Is.EqualTo("佐藤 美咲"));
        Assert.That(Str(queue["items"]![0]!["userRole"]), Is.EqualTo("worker"));

        var answered = await Created(await admin.Http.PostAsJsonAsync($"/api/admin/tickets/{id}/replies", new { body = "検収の翌月末までにお振込みします。" }));
        Assert.That(Str(answered["ticket"]!["status"]), Is.EqualTo("answered"));
        Assert.That(Ids(await Ok(await admin.Http.GetAsync("/api/admin/tickets?status=open"))), Is.Empty);
        Assert.That(Ids(await Ok(await admin.Http.GetAsync("/api/admin/tickets?status=answered"))), Is.EqualTo(new[] { id }));
        Assert.That(Scalar($"SELECT COUNT(*) FROM audit_entries WHERE action = 'answerTicket' AND object_id = '{id}'"), Is.EqualTo(1));

        Assert.That(MailsOf(worker, "ticketAnswered"), Is.EqualTo(1), "the person gets the answer by mail");
        var mine = await Ok(await worker.Http.GetAsync("/api/me/tickets"));
        Assert.That(Ids(mine), Is.EqualTo(new[] { id }));
        var read = await Ok(await worker.Http.GetAsync($"/api/tickets/{id}"));
        var reply = read["replies"]!.AsArray().Single()!;
        Assert.That(Str(reply["body"]), Is.EqualTo("検収の翌月末までにお振込みします。"));
        Assert.That(reply["fromOffice"]!.GetValue<bool>(), Is.True);
        Assert.That(Str(reply["authorName"]), Is.Empty, "the person reads the office, not which administrator");
        Assert.That(Str((await Ok(await admin.Http.GetAsync($"/api/tickets/{id}")))["replies"]![0]!["authorName"]), Is.EqualTo("Administrator"));

        // The person writes again: the ticket is open for the office again.
        var again = await Created(await worker.Http.PostAsJsonAsync($"/api/tickets/{id}/replies", new { body = "ありがとうございます。" }));
        Assert.That(Str(again["ticket"]!["status"]), Is.EqualTo("open"));
        Assert.That(again["replies"]!.AsArray().Select(r => r!["fromOffice"]!.GetValue<bool>()), Is.EqualTo(new[] { true, false }));
        Assert.That(MailsOf(admin, "ticketReceived"), Is.EqualTo(2));
    }

    [Test]
    public async Task The_notifications_of_a_question_name_its_ticket_so_that_they_open_it()
    {
        var worker = await SignUp(Role.Worker);
        var admin = await Administrator();
        var id = Str((await Created(await Ask(worker)))["ticket"]!["id"]);
        await Created(await admin.Http.PostAsJsonAsync($"/api/admin/tickets/{id}/replies", new { body = "月末です。" }));
        await Created(await worker.Http.PostAsJsonAsync($"/api/tickets/{id}/replies", new { body = "ありがとうございます。" }));

        var told = (await Ok(await admin.Http.GetAsync("/api/notifications")))["items"]!.AsArray();
        Assert.That(told.Select(n => Str(n!["kind"])), Is.EqualTo(new[] { "ticketReceived", "ticketReceived" }), "the question, then the person's reply");
        Assert.That(told.Select(n => Str(n!["ticketId"])), Is.EqualTo(new[] { id, id }));
        var answered = (await Ok(await worker.Http.GetAsync("/api/notifications")))["items"]!.AsArray().Single(n => Str(n!["kind"]) == "ticketAnswered")!;
        Assert.That(Str(answered["ticketId"]), Is.EqualTo(id));
    }

    [Test]
    public async Task Strangers_get_404_on_someone_elses_ticket_and_only_administrators_read_the_queue()
    {
        var business = await SignUp(Role.Business);
        var id = Str((await Created(await Ask(business)))["ticket"]!["id"]);
        foreach (var stranger in new[] { await SignUp(Role.Business), await SignUp(Role.Worker), await SignUp(Role.Producer) })
        {
            await Problem(await stranger.Http.GetAsync($"/api/tickets/{id}"), HttpStatusCode.NotFound);
            await Problem(await stranger.Http.PostAsJsonAsync($"/api/tickets/{id}/replies", new { body = "横から" }), HttpStatusCode.NotFound);
            await Problem(await stranger.Http.PostAsJsonAsync($"/api/admin/tickets/{id}/replies", new { body = "横から" }), HttpStatusCode.Forbidden);
            await Problem(await stranger.Http.GetAsync("/api/admin/tickets"), HttpStatusCode.Forbidden);
            Assert.That(Ids(await Ok(await stranger.Http.GetAsync("/api/me/tickets"))), Is.Empty);
        }
        await Problem(await business.Http.PostAsJsonAsync($"/api/admin/tickets/{id}/replies", new { body = "自分で回答" }), HttpStatusCode.Forbidden);
        await Problem(await business.Http.GetAsync("/api/tickets/unknown"), HttpStatusCode.NotFound);

        // An administrator without two-step sign-in reads nothing; the office answers through its own, audited route only.
        var unenrolled = await Marketplace.Accounts.CreateAdministrator.CreateAsync(App.Services, "plain-admin@test.example", Password);
        var plain = Browser();
        await Ok(await plain.PostAsJsonAsync("/api/auth/login", new { email = unenrolled.Email, password = Password }));
        await Problem(await plain.GetAsync("/api/admin/tickets"), HttpStatusCode.Forbidden);
        await Problem(await plain.GetAsync($"/api/tickets/{id}"), HttpStatusCode.Forbidden);
        var admin = await Administrator();
        await Problem(await admin.Http.PostAsJsonAsync($"/api/tickets/{id}/replies", new { body = "x" }), HttpStatusCode.Forbidden);
        await Problem(await admin.Http.PostAsJsonAsync("/api/admin/tickets/unknown/replies", new { body = "x" }), HttpStatusCode.NotFound);

        // Visitors cannot write to the office (the form is for signed-in people).
        Assert.That((await Browser().PostAsJsonAsync("/api/contact", new { subject = "s", body = "b" })).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_person_opens_at_most_five_tickets_a_day_and_may_still_write_on_them()
    {
        var worker = await SignUp(Role.Worker);
        string first = "";
        for (var i = 0; i < 5; i++)
        {
            var id = Str((await Created(await Ask(worker, $"質問 {i}")))["ticket"]!["id"]);
            if (i == 0) first = id;
        }
        var refused = await Ask(worker, "六つ目");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
        Assert.That(Scalar($"SELECT COUNT(*) FROM support_tickets WHERE user_id = '{worker.Id}'"), Is.EqualTo(5));
        await Created(await worker.Http.PostAsJsonAsync($"/api/tickets/{first}/replies", new { body = "追記です" }));
        await Created(await Ask(await SignUp(Role.Worker), "別の人"));
    }

    [Test]
    public async Task A_ticket_needs_a_subject_and_a_body_of_plain_text()
    {
        var worker = await SignUp(Role.Worker);
        foreach (var (subject, body) in new[] { ("", "本文"), ("件名", " "), ("件\u0007名", "本文"), (new string('あ', 201), "本文"), ("件名", new string('あ', 5_001)) })
            await Problem(await Ask(worker, subject, body), HttpStatusCode.BadRequest);
        await Created(await Ask(worker, "件名", "一行目\n二行目"));
    }
}
