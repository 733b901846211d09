using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// Issue 13, the administrators' users screen: find accounts by name or email, suspend and reinstate them with a reason.
/// A suspended account cannot sign in, its sessions and tokens stop working, and payout batches leave it out.
/// </summary>
public sealed class AdminUsersTests : PayoutTest
{
    private static async Task<JsonArray> Users(User admin, string query = "") =>
        (await Ok(await admin.Http.GetAsync("/api/admin/users" + query)))["items"]!.AsArray();

    private static Task<HttpResponseMessage> Suspend(User admin, string userId, string reason = "なりすましの疑い") =>
        admin.Http.PostAsJsonAsync($"/api/admin/users/{userId}/suspend", new { reason });

    private static Task<HttpResponseMessage> Reinstate(User admin, string userId, string reason = "本人確認が取れました") =>
        admin.Http.PostAsJsonAsync($"/api/admin/users/{userId}/reinstate", new { reason });

    private Task<HttpResponseMessage> Login(string email) =>
        Browser().PostAsJsonAsync("/api/auth/login", new { email, password = Password });

    private HttpClient WithToken(string token)
    {
        var client = Browser(csrfHeader: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Test]
    public async Task Only_an_enrolled_administrator_lists_suspends_or_reinstates_accounts()
    {
        var admin = await Administrator();
        var worker = await SignUp(Role.Worker);
        foreach (var role in new[] { Role.Business, Role.Worker, Role.Producer })
        {
            var stranger = await SignUp(role);
            await Problem(await stranger.Http.GetAsync("/api/admin/users"), HttpStatusCode.Forbidden);
            await Problem(await Suspend(stranger, worker.Id), HttpStatusCode.Forbidden);
            await Problem(await Reinstate(stranger, worker.Id), HttpStatusCode.Forbidden);
        }
        Assert.That((await Browser().GetAsync("/api/admin/users")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(Scalar("SELECT COUNT(*) FROM users WHERE suspended_at IS NOT NULL"), Is.Zero);
        Assert.That(Scalar("SELECT COUNT(*) FROM audit_entries"), Is.Zero);
        Assert.That(await Users(admin), Has.Count.GreaterThanOrEqualTo(5));
    }

    /// <summary>Every administrator action with a body that passes validation, so that only the caller decides the answer.</summary>
    private static (string Method, string Route, string Path, object? Body)[] AdminActions(string workerId, string batchId, string ticketId) =>
    [
        ("GET", "/api/admin/users", "/api/admin/users", null),
        ("POST", "/api/admin/users/{id}/suspend", $"/api/admin/users/{workerId}/suspend", new { reason = "なりすましの疑い" }),
        ("POST", "/api/admin/users/{id}/reinstate", $"/api/admin/users/{workerId}/reinstate", new { reason = "本人確認が取れました" }),
        ("GET", "/api/admin/audit", "/api/admin/audit", null),
        ("GET", "/api/admin/payouts/due", "/api/admin/payouts/due", null),
        ("POST", "/api/admin/payout-batches", "/api/admin/payout-batches", new { cutoff = DateTimeOffset.UtcNow.AddMinutes(-1) }),
        ("GET", "/api/admin/payout-batches", "/api/admin/payout-batches", null),
        ("GET", "/api/admin/payout-batches/{id}", $"/api/admin/payout-batches/{batchId}", null),
        ("GET", "/api/admin/payout-batches/{id}/zengin", $"/api/admin/payout-batches/{batchId}/zengin", null),
        ("POST", "/api/admin/payout-batches/{id}/paid", $"/api/admin/payout-batches/{batchId}/paid", new { paidOn = DateOnly.FromDateTime(DateTime.UtcNow) }),
        ("POST", "/api/admin/payout-batches/{id}/returned", $"/api/admin/payout-batches/{batchId}/returned", new { workerId, reason = "口座なし" }),
        ("POST", "/api/admin/legal/{kind}", "/api/admin/legal/terms", new { bodyJa = "# 利用規約（第2版）", bodyEn = "# Terms of use (version 2)" }),
        ("GET", "/api/admin/tickets", "/api/admin/tickets", null),
        ("POST", "/api/admin/tickets/{id}/replies", $"/api/admin/tickets/{ticketId}/replies", new { body = "ご連絡ありがとうございます" }),
        ("POST", "/api/admin/programmes", "/api/admin/programmes", new { name = "立科町", prefecture = "長野県", municipalities = new[] { "立科町" } }),
        ("POST", "/api/admin/programmes/{id}/staff", "/api/admin/programmes/no-such-programme/staff", new { email = "office@test.example", displayName = "事務局" }),
        ("GET", "/api/admin/programmes/{id}/staff", "/api/admin/programmes/no-such-programme/staff", null),
        ("POST", "/api/admin/programmes/{id}/staff/{userId}/invitation", "/api/admin/programmes/no-such-programme/staff/no-such-user/invitation", null),
        ("POST", "/api/admin/contests/{id}/winner", "/api/admin/contests/no-such-contest/winner", new { entryId = "no-such-entry" }),
        ("GET", "/api/admin/contests", "/api/admin/contests", null),
        ("GET", "/api/payments", "/api/payments", null),
        ("POST", "/api/payments/{id}/confirm", "/api/payments/no-such-payment/confirm", null),
    ];

    [Test]
    public async Task Every_administrator_action_refuses_a_worker_a_business_a_producer_and_an_administrator_without_two_step_sign_in()
    {
        var admin = await Administrator();
        var worker = await PaidWorker(30_000);
        var batchId = Id(await Batch(admin));
        var ticketId = Str((await Created(await worker.Http.PostAsJsonAsync("/api/contact", new { subject = "振込日", body = "いつ振り込まれますか" })))["ticket"]!["id"]);
        var actions = AdminActions(worker.Id, batchId, ticketId);

        // The list is every route under /api/admin: one added later without a refusal test fails here.
        var routes = App.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/admin/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToHashSet();
        Assert.That(actions.Where(a => a.Route.StartsWith("/api/admin/")).Select(a => $"{a.Method} {a.Route}"), Is.EquivalentTo(routes));

        await Marketplace.Accounts.CreateAdministrator.CreateAsync(App.Services, "unenrolled@test.example", Password, "二段階なし");
        var unenrolled = Browser();
        await Ok(await unenrolled.PostAsJsonAsync("/api/auth/login", new { email = "unenrolled@test.example", password = Password }));
        var callers = new[] { ("worker", worker.Http), ("business", (await SignUp(Role.Business)).Http),
            ("producer", (await SignUp(Role.Producer)).Http), ("administrator without two-step sign-in", unenrolled) };
        var auditBefore = Scalar("SELECT COUNT(*) FROM audit_entries");
        foreach (var (who, http) in callers)
            foreach (var (method, _, path, body) in actions)
            {
                var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (body is not null) request.Content = JsonContent.Create(body);
                var answer = await http.SendAsync(request);
                Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), $"{who}: {method} {path}: {await answer.Content.ReadAsStringAsync()}");
            }
        Assert.That(Scalar("SELECT COUNT(*) FROM users WHERE suspended_at IS NOT NULL"), Is.Zero);
        Assert.That(Scalar("SELECT COUNT(*) FROM payout_batches"), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM payout_batches WHERE status = 'gathered'"), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM legal_documents WHERE version > 1"), Is.Zero);
        Assert.That(Scalar("SELECT COUNT(*) FROM support_ticket_replies"), Is.Zero, "no refused answer reached the ticket");
        Assert.That(Scalar("SELECT COUNT(*) FROM audit_entries"), Is.EqualTo(auditBefore), "a refused action leaves no record");
    }

    [Test]
    public async Task Accounts_are_found_by_a_part_of_the_name_or_email_and_filtered_by_role_and_status()
    {
        var admin = await Administrator("湯沢市 事務局");
        var misaki = await SignUp(Role.Worker, "佐藤 美咲");
        var brewery = await SignUp(Role.Business, "湯沢酒造");
        await SignUp(Role.Worker, "高橋 健太");

        Assert.That((await Users(admin, "?q=" + Uri.EscapeDataString("美咲"))).Select(u => Str(u!["id"])), Is.EqualTo(new[] { misaki.Id }));
        Assert.That((await Users(admin, "?q=" + Uri.EscapeDataString("湯沢"))).Select(u => Str(u!["displayName"])),
            Is.EquivalentTo(new[] { "湯沢酒造", "湯沢市 事務局" }));
        var byEmail = await Users(admin, "?q=" + Uri.EscapeDataString(brewery.Email.ToUpperInvariant()));
        Assert.That(byEmail.Select(u => Str(u!["id"])), Is.EqualTo(new[] { brewery.Id }), "an email matches whatever its case");
        Assert.That(await Users(admin, "?q=%25"), Is.Empty, "% is a character to find, not a wildcard");
        Assert.That(await Users(admin, "?q=_"), Is.Empty, "_ too");

        var workers = await Users(admin, "?role=worker");
        Assert.That(workers.Select(u => Str(u!["role"])).Distinct(), Is.EqualTo(new[] { "worker" }));
        Assert.That(workers, Has.Count.EqualTo(2));

        await Ok(await Suspend(admin, misaki.Id));
        var suspended = await Users(admin, "?status=suspended");
        Assert.That(suspended.Select(u => Str(u!["id"])), Is.EqualTo(new[] { misaki.Id }));
        Assert.That(Str(suspended[0]!["suspendedReason"]), Is.EqualTo("なりすましの疑い"));
        Assert.That((await Users(admin, "?status=active")).Select(u => Str(u!["id"])), Does.Not.Contain(misaki.Id));

        var problem = await Problem(await admin.Http.GetAsync("/api/admin/users?role=king&status=asleep"), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "Role", "Status" }).Or.EquivalentTo(new[] { "role", "status" }));
    }

    [Test]
    public async Task The_list_is_newest_first_in_keyset_pages()
    {
        var admin = await Administrator();
        var made = new List<string>();
        for (var i = 0; i < 3; i++) made.Add((await SignUp(Role.Worker)).Id);
        var first = await Ok(await admin.Http.GetAsync("/api/admin/users?role=worker&limit=2"));
        var second = await Ok(await admin.Http.GetAsync($"/api/admin/users?role=worker&limit=2&cursor={Str(first["nextCursor"])}"));
        var seen = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(u => Str(u!["id"])).ToList();
        Assert.That(seen, Is.EqualTo(Enumerable.Reverse(made).ToList()));
    }

    [Test]
    public async Task A_suspended_account_cannot_sign_in_and_its_sessions_and_tokens_stop_working_until_reinstated()
    {
        var admin = await Administrator("湯沢市 事務局");
        var worker = await SignUp(Role.Worker, "佐藤 美咲");
        var token = Str((await Created(await worker.Http.PostAsJsonAsync("/api/tokens", new { name = "会計ソフト", scopes = TokenScopes.AllNames })))["token"]);
        var integration = WithToken(token);
        await Ok(await integration.GetAsync("/api/me"));

        var suspended = await Ok(await Suspend(admin, worker.Id, "  なりすましの疑い  "));
        Assert.That(Str(suspended["status"]), Is.EqualTo("suspended"));
        Assert.That(Str(suspended["suspendedReason"]), Is.EqualTo("なりすましの疑い"));
        Assert.That(suspended["payoutsHeld"]!.GetValue<bool>(), Is.True);

        // The browser that was signed in is signed out on its next request; the token is refused.
        Assert.That((await worker.Http.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await integration.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        // The right password is told why (and whom to ask); a wrong one learns nothing new.
        var refused = await Problem(await Login(worker.Email), HttpStatusCode.Forbidden);
        Assert.That(Str(refused["code"]), Is.EqualTo("accountSuspended"));
        await Problem(await Browser().PostAsJsonAsync("/api/auth/login", new { email = worker.Email, password = "wrong password here" }),
            HttpStatusCode.Unauthorized);
        Assert.That(Scalar($"SELECT COUNT(*) FROM sessions WHERE user_id = '{worker.Id}' AND ended_at IS NULL"), Is.Zero);

        var entry = (await Ok(await admin.Http.GetAsync("/api/admin/audit")))["items"]!.AsArray().Single()!;
        Assert.That(Str(entry["action"]), Is.EqualTo("suspendUser"));
        Assert.That(Str(entry["objectId"]), Is.EqualTo(worker.Id));
        Assert.That(Str(entry["detail"]!["reason"]), Is.EqualTo("なりすましの疑い"));

        var reinstated = await Ok(await Reinstate(admin, worker.Id));
        Assert.That(Str(reinstated["status"]), Is.EqualTo("active"));
        Assert.That(reinstated["payoutsHeld"]!.GetValue<bool>(), Is.False);
        Assert.That((await worker.Http.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized),
            "the session the suspension ended stays ended: a cookie left on a shared PC is not revived");
        await Ok(await Login(worker.Email));
        await Ok(await integration.GetAsync("/api/me"));
        var trail = (await Ok(await admin.Http.GetAsync("/api/admin/audit")))["items"]!.AsArray();
        Assert.That(Str(trail[0]!["action"]), Is.EqualTo("reinstateUser"));
        Assert.That(Str(trail[0]!["detail"]!["reason"]), Is.EqualTo("本人確認が取れました"));
    }

    [Test]
    public async Task A_session_is_refused_on_the_next_request_whatever_wrote_the_suspension()
    {
        // A sign-in that raced the suspension could start a session after the sessions were ended: each request reads
        // the suspension itself, so such a session is refused too.
        var worker = await SignUp(Role.Worker);
        await Ok(await worker.Http.GetAsync("/api/me"));
        Scalar($"UPDATE users SET suspended_at = '2026-11-21T00:00:00.0000000+00:00' WHERE id = '{worker.Id}' RETURNING 1");
        Assert.That((await worker.Http.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Refusals_say_what_is_wrong_and_change_nothing()
    {
        var admin = await Administrator();
        var worker = await SignUp(Role.Worker);
        var problem = await Problem(await Suspend(admin, worker.Id, "   "), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().ContainsKey("reason"), problem.ToJsonString());
        await Problem(await Suspend(admin, worker.Id, "理由\u202e"), HttpStatusCode.BadRequest);
        await Problem(await Suspend(admin, worker.Id, new string('あ', 501)), HttpStatusCode.BadRequest);
        await Problem(await Suspend(admin, "no-such-account"), HttpStatusCode.NotFound);
        Assert.That(Str((await Problem(await Suspend(admin, admin.Id), HttpStatusCode.Conflict))["code"]), Is.EqualTo("cannotSuspendSelf"));
        Assert.That(Str((await Problem(await Reinstate(admin, worker.Id), HttpStatusCode.Conflict))["code"]), Is.EqualTo("notSuspended"));
        Assert.That(Scalar("SELECT COUNT(*) FROM audit_entries"), Is.Zero, "a refused action leaves no record");
        Assert.That(Scalar("SELECT COUNT(*) FROM users WHERE suspended_at IS NOT NULL"), Is.Zero);

        await Ok(await Suspend(admin, worker.Id));
        Assert.That(Str((await Problem(await Suspend(admin, worker.Id), HttpStatusCode.Conflict))["code"]), Is.EqualTo("alreadySuspended"));
        Assert.That(Scalar("SELECT COUNT(*) FROM audit_entries"), Is.EqualTo(1));
    }

    [Test]
    public async Task Two_administrators_suspending_at_once_suspend_once()
    {
        var admin = await Administrator();
        var worker = await SignUp(Role.Worker);
        var answers = await Task.WhenAll(Suspend(admin, worker.Id), Suspend(admin, worker.Id));
        Assert.That(answers.Select(a => a.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.That(Scalar("SELECT COUNT(*) FROM audit_entries WHERE action = 'suspendUser'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_suspended_worker_is_left_out_of_payout_batches_and_the_due_list_says_so_until_reinstated()
    {
        var admin = await Administrator();
        var held = await PaidWorker(20_000);
        var paid = await PaidWorker(30_000);
        await Ok(await Suspend(admin, held.Id, "口座の名義が本人と違う"));

        var due = (await admin.Http.GetFromJsonAsync<JsonArray>("/api/admin/payouts/due"))!;
        Assert.That(due.Single(d => Str(d!["workerId"]) == held.Id)!["workerSuspended"]!.GetValue<bool>(), Is.True);
        Assert.That(due.Single(d => Str(d!["workerId"]) == paid.Id)!["workerSuspended"]!.GetValue<bool>(), Is.False);

        var batch = await Batch(admin);
        var detail = await Ok(await admin.Http.GetAsync($"/api/admin/payout-batches/{Id(batch)}"));
        Assert.That(detail["payouts"]!.AsArray().Select(p => Str(p!["workerId"])), Is.EqualTo(new[] { paid.Id }));
        Assert.That(Balance($"worker:{held.Id}"), Is.EqualTo(18_000), "the balance waits in the ledger");

        await Ok(await Reinstate(admin, held.Id));
        var next = await Batch(admin);
        var nextDetail = await Ok(await admin.Http.GetAsync($"/api/admin/payout-batches/{Id(next)}"));
        Assert.That(nextDetail["payouts"]!.AsArray().Select(p => Str(p!["workerId"])), Is.EqualTo(new[] { held.Id }));
    }

    [Test]
    public async Task A_suspended_workers_bid_is_not_awarded_and_the_job_stays_open_for_another()
    {
        var admin = await Administrator();
        var business = await SignUp(Role.Business);
        var suspended = await SignUp(Role.Worker);
        var other = await SignUp(Role.Worker);
        var job = await PostJob(business, NewJob());
        var suspendedBid = await PlaceBid(suspended, Id(job), 40_000);
        var otherBid = await PlaceBid(other, Id(job), 45_000);
        await Ok(await Suspend(admin, suspended.Id));

        var refused = await Problem(await business.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/award", new { bidId = Id(suspendedBid) }), HttpStatusCode.Conflict);
        Assert.That(Str(refused["code"]), Is.EqualTo("workerSuspended"));
        Assert.That(Scalar($"SELECT COUNT(*) FROM jobs WHERE id = '{Id(job)}' AND status = 'open'"), Is.EqualTo(1), "nothing of the refused award stays");
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts"), Is.Zero);
        Assert.That(Scalar($"SELECT COUNT(*) FROM bids WHERE id = '{Id(otherBid)}' AND status = 'pending'"), Is.EqualTo(1));

        await Award(business, Id(job), Id(otherBid));
    }
}
