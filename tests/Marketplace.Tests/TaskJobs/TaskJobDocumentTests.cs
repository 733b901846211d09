using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Invoices;
using Marketplace.Money;
using Marketplace.Platform;
using Marketplace.TaskJobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests;

/// <summary>
/// Issue 24: a task job's close pays each worker in one release "with a receipt per worker": the worker's invoice or
/// receipt to the business, the operator's invoice for its fee and, where tax was withheld, the business's withholding
/// notice, in the same numbering as a contract's documents; each worker reads its own, the business every worker's,
/// and the year's payment record counts them.
/// </summary>
public sealed class TaskJobDocumentTests : TaskJobTest
{
    private static JsonObject Of(JsonArray documents, string kind) => documents.Single(d => Str(d!["kind"]) == kind)!.AsObject();

    private static string[] Kinds(JsonArray documents) => documents.Select(d => Str(d!["kind"])).Order().ToArray();

    private static async Task<JsonArray> Documents(User user, string jobId) =>
        (await user.Http.GetFromJsonAsync<JsonArray>($"/api/task-jobs/{jobId}/documents"))!;

    private async Task<User> Withholding()
    {
        var business = await SignUp(Role.Business);
        await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        return business;
    }

    private static async Task Company(User worker) =>
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills = new[] { "writing" }, region = "秋田県湯沢市", weeklyHours = 20, availability = "", isIndividual = false }));

    /// <summary>Alice answers three items and Bob one of a four-item writing job at ¥10,000 each; all approved, it closes.</summary>
    private async Task<(User Business, User Alice, User Bob, string Job)> TwoWorkersPaid(User? business = null, User? alice = null)
    {
        business ??= await Withholding();
        alice ??= await SignUp(Role.Worker);
        var bob = await SignUp(Role.Worker);
        var job = await Post(business, items: 4, price: 10_000, category: "writing");
        var answers = new[] { await Do(alice, job), await Do(alice, job), await Do(alice, job), await Do(bob, job) };
        foreach (var s in answers) await Ok(await Approve(business, s));
        Assert.That(Scalar($"SELECT COUNT(*) FROM jobs WHERE id = '{job}' AND status = 'completed'"), Is.EqualTo(1), "every item approved: closed");
        return (business, alice, bob, job);
    }

    [Test]
    public async Task Each_worker_paid_gets_its_invoice_the_fee_invoice_and_the_withholding_notice_for_what_task_job_pay_records()
    {
        var (business, alice, _, job) = await TwoWorkersPaid();
        var mine = await Documents(alice, job);
        Assert.That(Kinds(mine), Is.EqualTo(new[] { "platformInvoice", "withholdingNotice", "workerInvoice" }));
        var invoice = Of(mine, "workerInvoice");
        var fee = Of(mine, "platformInvoice");
        var notice = Of(mine, "withholdingNotice");
        long Paid(string column) => Scalar($"SELECT {column} FROM task_job_pay WHERE job_id = '{job}' AND worker_id = '{alice.Id}'");
        Assert.Multiple(() =>
        {
            Assert.That(invoice["amount"]!.GetValue<long>(), Is.EqualTo(30_000).And.EqualTo(Paid("gross")), "3 items × ¥10,000");
            Assert.That(invoice["withholdingTax"]!.GetValue<long>(), Is.EqualTo(3_063).And.EqualTo(Paid("withholding_tax")), "10.21% of ¥30,000");
            Assert.That(invoice["netPaid"]!.GetValue<long>(), Is.EqualTo(30_000 - 3_063));
            Assert.That(fee["amount"]!.GetValue<long>(), Is.EqualTo(3_000).And.EqualTo(Paid("platform_fee")));
            Assert.That(invoice["netPaid"]!.GetValue<long>() - fee["amount"]!.GetValue<long>(), Is.EqualTo(Paid("net")), "what the worker receives");
            Assert.That(notice["withholdingTax"]!.GetValue<long>(), Is.EqualTo(Paid("withholding_tax")));
            Assert.That(Str(notice["remitBy"]), Is.EqualTo(WithheldTaxDue.For(Time.GetUtcNow()).ToString("yyyy-MM-dd")));
            Assert.That(Str(invoice["issuer"]!["id"]), Is.EqualTo(alice.Id));
            Assert.That(Str(invoice["recipient"]!["id"]), Is.EqualTo(business.Id));
            Assert.That(Str(fee["recipient"]!["id"]), Is.EqualTo(alice.Id), "the operator bills its fee to the worker");
            Assert.That(Str(invoice["description"]), Is.EqualTo("商品説明文のタスク（3件）"), "the job's title and the items paid");
            Assert.That(Str(fee["description"]), Is.EqualTo("サービス利用料：商品説明文のタスク（3件）"));
            Assert.That(Str(invoice["jobId"]), Is.EqualTo(job));
            Assert.That(invoice["contractId"], Is.Null);
            Assert.That(invoice["qualified"]!.GetValue<bool>(), Is.False, "an unregistered worker gives a plain receipt");
        });
    }

    [Test]
    public async Task A_worker_reads_only_its_own_documents_the_business_and_administrators_all_and_anyone_else_none()
    {
        var (business, alice, bob, job) = await TwoWorkersPaid();
        var alices = await Documents(alice, job);
        var bobs = await Documents(bob, job);
        // Each document a worker reads names that worker: as the issuer of its invoice, the recipient of the fee's, and
        // the one the notice is for.
        static string?[] Named(JsonArray documents) => documents.Select(d =>
            (string?)(d!["onBehalfOf"]?["id"] ?? (Str(d["kind"]) == "platformInvoice" ? d["recipient"]!["id"] : d["issuer"]!["id"]))?.GetValue<string>()).ToArray();
        Assert.That(Named(alices), Has.Length.EqualTo(3).And.All.EqualTo(alice.Id));
        Assert.That(Named(bobs), Has.Length.EqualTo(3).And.All.EqualTo(bob.Id));
        Assert.That(alices.Concat(bobs).Select(d => Str(d!["id"])), Is.Unique, "neither sees the other's");
        Assert.That(Of(bobs, "workerInvoice")["amount"]!.GetValue<long>(), Is.EqualTo(10_000));
        Assert.That(Str(Of(bobs, "workerInvoice")["issuer"]!["id"]), Is.EqualTo(bob.Id));

        var all = await Documents(business, job);
        Assert.That(all.Select(d => Str(d!["id"])), Is.EquivalentTo(alices.Concat(bobs).Select(d => Str(d!["id"]))), "the business reads every worker's");
        var admin = await Administrator();
        Assert.That(await Documents(admin, job), Has.Count.EqualTo(6));

        await Problem(await (await SignUp(Role.Worker)).Http.GetAsync($"/api/task-jobs/{job}/documents"), HttpStatusCode.NotFound);
        await Problem(await (await SignUp(Role.Business)).Http.GetAsync($"/api/task-jobs/{job}/documents"), HttpStatusCode.NotFound);
        await Problem(await business.Http.GetAsync("/api/task-jobs/nope/documents"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Before_the_close_there_are_none_and_a_later_close_issues_nothing_more()
    {
        var business = await Withholding();
        var worker = await SignUp(Role.Worker);
        var job = await Post(business, items: 3, price: 1_000, category: "writing");
        await Ok(await Approve(business, await Do(worker, job)));
        Assert.That(await Documents(business, job), Is.Empty, "nothing is paid before the close");
        await Problem(await worker.Http.GetAsync($"/api/task-jobs/{job}/documents"), HttpStatusCode.NotFound);

        Time.Advance(TimeSpan.FromDays(7));
        await RunClock();
        Assert.That(Kinds(await Documents(worker, job)), Is.EqualTo(new[] { "platformInvoice", "withholdingNotice", "workerInvoice" }));

        // The close is conditional: asked again (as a racing approval or a clock on another node would), it closes nothing
        // and issues nothing.
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var money = scope.ServiceProvider.GetRequiredService<IOptions<MoneyOptions>>().Value;
        var invoices = scope.ServiceProvider.GetRequiredService<IOptions<InvoiceOptions>>().Value;
        var terms = scope.ServiceProvider.GetRequiredService<IOptions<Marketplace.Contracts.ContractsOptions>>().Value;
        Assert.That(await db.InTransactionAsync(() => TaskJobClosing.CloseAsync(db, job, money, invoices, terms, Time.GetUtcNow())), Is.False);
        Assert.That(Scalar($"SELECT COUNT(*) FROM documents WHERE job_id = '{job}'"), Is.EqualTo(3), "closed, and documented, once");
    }

    [Test]
    public async Task The_last_answers_approved_at_once_close_the_job_and_issue_its_documents_once()
    {
        var business = await Withholding();
        var workers = new[] { await SignUp(Role.Worker), await SignUp(Role.Worker), await SignUp(Role.Worker) };
        var job = await Post(business, items: 3, price: 1_000, category: "writing");
        var answers = new List<string>();
        foreach (var w in workers) answers.Add(await Do(w, job));
        var approvals = await Task.WhenAll(answers.Select(a => Task.Run(() => Approve(business, a))));
        foreach (var approval in approvals) await Ok(approval);
        Assert.That(Scalar($"SELECT COUNT(*) FROM jobs WHERE id = '{job}' AND status = 'completed'"), Is.EqualTo(1));
        Assert.That(Scalar($"SELECT COUNT(*) FROM documents WHERE job_id = '{job}'"), Is.EqualTo(9), "three of each worker's, once");
        Assert.That(Scalar($"SELECT COUNT(*) FROM task_job_pay WHERE job_id = '{job}'"), Is.EqualTo(3));
    }

    [Test]
    public async Task A_company_worker_gets_no_withholding_notice()
    {
        var business = await Withholding();
        var company = await SignUp(Role.Worker);
        await Company(company);
        var (_, _, _, job) = await TwoWorkersPaid(business, company);
        var documents = await Documents(company, job);
        Assert.That(Kinds(documents), Is.EqualTo(new[] { "platformInvoice", "workerInvoice" }));
        Assert.That(Of(documents, "workerInvoice")["withholdingTax"]!.GetValue<long>(), Is.Zero);
        Assert.That(Of(documents, "workerInvoice")["netPaid"]!.GetValue<long>(), Is.EqualTo(30_000));
    }

    [Test]
    public async Task A_worker_numbers_its_documents_without_gaps_across_a_contract_and_a_task_job()
    {
        var worker = await SignUp(Role.Worker);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/tax-details", new { invoiceNumber = "T7123456789012", legalName = "", postalAddress = "秋田県湯沢市" }));
        var business = await Withholding();
        var project = await PostJob(business, NewJob(category: "writing", budgetMin: 1, budgetMax: 50_000));
        var contract = await Award(business, Id(project), Id(await PlaceBid(worker, Id(project), 20_000)));
        await Deliver(business, worker, Id(contract));
        var (_, _, _, job) = await TwoWorkersPaid(business, worker);

        var contractInvoice = Of((await worker.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{Id(contract)}/documents"))!, "workerInvoice");
        var taskInvoice = Of(await Documents(worker, job), "workerInvoice");
        Assert.That(contractInvoice["number"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That(taskInvoice["number"]!.GetValue<long>(), Is.EqualTo(2), "the same issuer's sequence, without a gap");
        Assert.That(taskInvoice["qualified"]!.GetValue<bool>(), Is.True, "a registered worker's is a qualified invoice");
        Assert.That(taskInvoice["consumptionTax"]!.GetValue<long>(), Is.EqualTo(2_727), "30,000 × 10/110, rounded down");
        // The operator's numbers: the contract's fee invoice and notice, then two fee invoices and two notices of the job.
        Assert.That(Scalar("SELECT COUNT(*) FROM documents WHERE issuer = 'platform'"), Is.EqualTo(6));
        Assert.That(Scalar("SELECT MAX(number) FROM documents WHERE issuer = 'platform'"), Is.EqualTo(6));
    }

    [Test]
    public async Task The_payment_record_of_the_year_counts_what_task_jobs_paid()
    {
        var (business, alice, bob, _) = await TwoWorkersPaid();
        var year = Time.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).Year;
        var rows = (await Ok(await business.Http.GetAsync($"/api/me/payment-records?year={year}")))["rows"]!.AsArray();
        var alicesRow = rows.Single(r => Str(r!["partyId"]) == alice.Id)!;
        Assert.That(alicesRow["amount"]!.GetValue<long>(), Is.EqualTo(30_000));
        Assert.That(alicesRow["withholdingTax"]!.GetValue<long>(), Is.EqualTo(3_063));
        Assert.That(Str(alicesRow["kind"]), Is.EqualTo("原稿料"), "the job's category names the fee");
        Assert.That(rows.Single(r => Str(r!["partyId"]) == bob.Id)!["amount"]!.GetValue<long>(), Is.EqualTo(10_000));

        var own = (await Ok(await alice.Http.GetAsync($"/api/me/payment-records?year={year}")))["rows"]!.AsArray().Single()!;
        Assert.That(Str(own["partyId"]), Is.EqualTo(business.Id));
        Assert.That(own["amount"]!.GetValue<long>(), Is.EqualTo(30_000));
        Assert.That(own["withholdingTax"]!.GetValue<long>(), Is.EqualTo(3_063));
    }
}
