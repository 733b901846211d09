using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Money;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests;

/// <summary>
/// Issue 24: a task job or a contest escrows its money when it is posted, before any contract exists. The payment
/// belongs to the job, funds the job's own escrow (job-escrow:&lt;jobId&gt;), and the job stays off the board until an
/// administrator confirms it, from the queue or a bank statement, as any other payment.
/// </summary>
public sealed class JobEscrowTests : MoneyTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Money:AutoConfirmPayments"] = "false" };

    /// <summary>
    /// A job of <paramref name="format"/> waiting for its escrow: posted as a project, then made what the task job's and
    /// the contest's postings make (format, status unfunded, the payment asked for) through the escrow's own step.
    /// </summary>
    private async Task<(string JobId, string PaymentId, string Reference)> UnfundedJob(User business, long amount, string format = "task",
        string title = "商品説明文のチェック")
    {
        var job = await PostJob(business, NewJob(title: title, category: "dataEntry", budgetMin: 1, budgetMax: 100_000));
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var provider = scope.ServiceProvider.GetRequiredService<IPaymentProvider>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<PaymentOptions>>().Value;
        await db.InTransactionAsync(async () =>
        {
            await db.ExecuteAsync("UPDATE jobs SET format = @Format, status = 'unfunded' WHERE id = @Id", new { Id = Id(job), Format = format });
            await Escrow.RequestJobPaymentAsync(db, Id(job), amount, provider, PaymentTerms.ForJob(options, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30)), DateTimeOffset.UtcNow);
            return 0;
        });
        var request = await Ok(await business.Http.GetAsync($"/api/jobs/{Id(job)}/payment-request"));
        return (Id(job), Str(request["paymentId"]), Str(request["reference"]));
    }

    private async Task<IReadOnlyList<string>> Board(User user) =>
        (await Ok(await user.Http.GetAsync("/api/jobs")))["items"]!.AsArray().Select(j => Str(j!["id"])).ToList();

    [Test]
    public async Task Confirming_a_job_payment_funds_the_job_escrow_and_opens_the_job_on_the_board()
    {
        var business = await SignUp(Role.Business, "湯沢酒造");
        var worker = await SignUp(Role.Worker);
        var (job, payment, _) = await UnfundedJob(business, 33_000);
        Assert.That(await Board(worker), Does.Not.Contain(job), "an unfunded task job is not on the board");
        Assert.That(Scalar($"SELECT COUNT(*) FROM jobs WHERE id = '{job}' AND funded_at IS NULL AND status = 'unfunded'"), Is.EqualTo(1));

        var admin = await Administrator();
        var queued = (await admin.Http.GetFromJsonAsync<JsonArray>("/api/payments"))!.Single()!;
        Assert.That(Str(queued["id"]), Is.EqualTo(payment));
        Assert.That(Str(queued["jobId"]), Is.EqualTo(job));
        Assert.That(queued["contractId"]?.GetValueKind(), Is.Null.Or.EqualTo(System.Text.Json.JsonValueKind.Null), "no contract yet");
        Assert.That(Str(queued["jobTitle"]), Is.EqualTo("商品説明文のチェック"));
        Assert.That(Str(queued["businessName"]), Is.EqualTo("湯沢酒造"));
        Assert.That(queued["amount"]!.GetValue<long>(), Is.EqualTo(33_000));

        Assert.That((await admin.Http.PostAsync($"/api/payments/{payment}/confirm", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(Scalar($"SELECT COUNT(*) FROM jobs WHERE id = '{job}' AND funded_at IS NOT NULL AND status = 'open'"), Is.EqualTo(1));
        Assert.That(Balance($"job-escrow:{job}"), Is.EqualTo(33_000));
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-33_000));
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE kind = 'escrowFunded' AND contract_id IS NULL"), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COALESCE(SUM(amount), 0) FROM ledger_entries"), Is.Zero, "the ledger balances");
        Assert.That(await Board(worker), Does.Contain(job), "funded, the job opens");
        Assert.That(await StatementLines(business), Is.EqualTo(new[] { "Job escrow funded by the business" }),
            "the line says the money went into the job's escrow, there being no contract yet");
        var request = await Ok(await business.Http.GetAsync($"/api/jobs/{job}/payment-request"));
        Assert.That(Str(request["status"]), Is.EqualTo("confirmed"));
        Assert.That(request["fundedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));

        await Problem(await admin.Http.PostAsync($"/api/payments/{payment}/confirm", null), HttpStatusCode.Conflict);
        Assert.That(Balance($"job-escrow:{job}"), Is.EqualTo(33_000), "funded once");
    }

    [Test]
    public async Task A_contest_waits_for_its_escrow_as_a_task_job_does()
    {
        var business = await SignUp(Role.Business);
        var (job, payment, _) = await UnfundedJob(business, 50_000, "contest", "ラベルデザインのコンペ");
        var admin = await Administrator();
        await Expect(await admin.Http.PostAsync($"/api/payments/{payment}/confirm", null), HttpStatusCode.NoContent);
        Assert.That(Scalar($"SELECT COUNT(*) FROM jobs WHERE id = '{job}' AND format = 'contest' AND status = 'open'"), Is.EqualTo(1));
        Assert.That(Balance($"job-escrow:{job}"), Is.EqualTo(50_000));
    }

    /// <summary>
    /// A contest whose prize has not arrived says so, to its business and in the lists, instead of 応募受付中 (a user trial
    /// read "taking entries" on a contest that could take none); once the transfer is confirmed it takes entries.
    /// </summary>
    [Test]
    public async Task A_contest_awaiting_its_prize_says_so_until_the_transfer_is_confirmed()
    {
        var business = await SignUp(Role.Business);
        var contest = await Created(await business.Http.PostAsJsonAsync("/api/contests", new
        {
            title = "純米酒のラベル案", description = "新酒のラベルを募集します。", category = "design", prize = 30_000,
            deadline = DateTimeOffset.UtcNow.AddDays(7), minimumEntries = 2, copyrightTransfers = true,
        }));
        Assert.That(Str(contest["phase"]), Is.EqualTo("awaitingPrize"));
        var listed = (await business.Http.GetFromJsonAsync<JsonArray>("/api/contests"))!.Single()!;
        Assert.That(Str(listed["phase"]), Is.EqualTo("awaitingPrize"));

        var payment = Str((await Ok(await business.Http.GetAsync($"/api/jobs/{Id(contest)}/payment-request")))["paymentId"]);
        await Expect(await (await Administrator()).Http.PostAsync($"/api/payments/{payment}/confirm", null), HttpStatusCode.NoContent);
        Assert.That(Str((await Ok(await business.Http.GetAsync($"/api/contests/{Id(contest)}")))["phase"]), Is.EqualTo("entering"));
        Assert.That(Str((await business.Http.GetFromJsonAsync<JsonArray>("/api/contests"))!.Single()!["phase"]), Is.EqualTo("entering"));
    }

    [Test]
    public async Task Only_the_job_business_reads_its_payment_request_and_only_an_administrator_confirms_it()
    {
        var business = await SignUp(Role.Business);
        var (job, payment, reference) = await UnfundedJob(business, 12_000);
        var request = await Ok(await business.Http.GetAsync($"/api/jobs/{job}/payment-request"));
        Assert.That(request["amount"]!.GetValue<long>(), Is.EqualTo(12_000));
        Assert.That(Str(request["reference"]), Has.Length.EqualTo(Escrow.ReferenceDigits).And.EqualTo(reference));
        Assert.That(request["dueOn"]!.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.String));

        var stranger = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        await Problem(await stranger.Http.GetAsync($"/api/jobs/{job}/payment-request"), HttpStatusCode.NotFound);
        await Problem(await worker.Http.GetAsync($"/api/jobs/{job}/payment-request"), HttpStatusCode.NotFound);
        await Problem(await stranger.Http.PostAsync($"/api/payments/{payment}/confirm", null), HttpStatusCode.Forbidden);
        await Problem(await business.Http.PostAsync($"/api/payments/{payment}/confirm", null), HttpStatusCode.Forbidden);
        Assert.That(Scalar($"SELECT COUNT(*) FROM jobs WHERE id = '{job}' AND funded_at IS NULL AND status = 'unfunded'"), Is.EqualTo(1));
        Assert.That(Balance($"job-escrow:{job}"), Is.Zero);
    }

    [Test]
    public async Task A_bank_statement_matches_a_job_payment_and_confirming_the_match_funds_the_job()
    {
        var business = await SignUp(Role.Business, "湯沢酒造");
        var (job, payment, reference) = await UnfundedJob(business, 50_000);
        var admin = await Administrator();
        var csv = $"日付,摘要,お引出し,お預入れ\r\n2026/12/01,振込 {reference} ユザワシュゾウ,,\"50,000\"\r\n";
        var matches = await Ok(await admin.Http.PostAsJsonAsync("/api/payments/matches", new { text = csv }));
        var matched = matches["matched"]!.AsArray().Single()!["payment"]!;
        Assert.That(Str(matched["id"]), Is.EqualTo(payment));
        Assert.That(Str(matched["jobId"]), Is.EqualTo(job));

        await Ok(await admin.Http.PostAsJsonAsync("/api/payments/confirmations", new { payments = new[] { new { id = payment } } }));
        Assert.That(Scalar($"SELECT COUNT(*) FROM jobs WHERE id = '{job}' AND status = 'open'"), Is.EqualTo(1));
        Assert.That(Balance($"job-escrow:{job}"), Is.EqualTo(50_000));
    }

    [Test]
    public async Task A_payment_belongs_to_a_contract_or_to_a_job_never_both_nor_neither()
    {
        var (_, _, contract) = await AwardedContract();
        string Insert(string owners) => $"""
            INSERT INTO payments (id, contract_id, job_id, amount, provider, status, created_at)
            VALUES ('0123456789abcdef0123456789abcdef', {owners}, 1, 'bankTransfer', 'cancelled', '2026-12-07T00:00:00+00:00')
            """;
        Assert.That(() => Scalar(Insert("NULL, NULL")), Throws.Exception, "neither");
        Assert.That(() => Scalar(Insert($"'{Id(contract)}', '{Str(contract["jobId"])}'")), Throws.Exception, "both");
        Assert.That(Scalar("SELECT COUNT(*) FROM payments WHERE id = '0123456789abcdef0123456789abcdef'"), Is.Zero);
    }
}
