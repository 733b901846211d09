using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// Issue 24, task jobs (タスク形式): a business posts many small items paid per approved item; workers take them one at
/// a time; the business reviews each answer; approved items are paid per worker when the job closes.
/// </summary>
public sealed class TaskJobTests : TaskJobTest
{
    [Test]
    public async Task Posting_escrows_items_times_price_and_the_board_shows_price_per_item_and_items_left()
    {
        var business = await SignUp(Role.Business, "湯沢木工");
        var worker = await SignUp(Role.Worker);
        var job = await Post(business, items: 30, price: 120);
        Assert.That(Balance($"job-escrow:{job}"), Is.EqualTo(3_600), "30 items × ¥120, funded at once (auto-confirmation)");
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-3_600));

        var onBoard = (await Ok(await worker.Http.GetAsync("/api/jobs")))["items"]!.AsArray().Single(j => Str(j!["id"]) == job)!;
        Assert.That(Str(onBoard["format"]), Is.EqualTo("task"));
        Assert.That(onBoard["pricePerItem"]!.GetValue<long>(), Is.EqualTo(120));
        Assert.That(onBoard["itemsLeft"]!.GetValue<int>(), Is.EqualTo(30));
        var page = await Ok(await worker.Http.GetAsync($"/api/jobs/{job}"));
        Assert.That(page["itemsLeft"]!.GetValue<int>(), Is.EqualTo(30));

        await Take(worker, job);
        var seen = await TaskJob(worker, job);
        Assert.That(seen["itemsLeft"]!.GetValue<int>(), Is.EqualTo(29), "a taken item is out of the pool");
        Assert.That(seen["escrowTotal"]!.GetValue<long>(), Is.EqualTo(3_600));
        Assert.That(seen["myItem"]!["number"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(seen["fields"]!.AsArray(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_task_job_waits_off_the_board_until_its_escrow_arrives_and_takes_no_bids()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await Post(business);
        await Conflict(await worker.Http.PostAsJsonAsync($"/api/jobs/{job}/bids", new { amount = 1000, deliveryDays = 3, message = "やります" }), "jobNotOpen");
        await Conflict(await business.Http.PostAsync($"/api/jobs/{job}/cancel", null), "jobNotOpen");
        // Unfunded (as without auto-confirmation), it is nobody's to see or take but its business's.
        Assert.That(Scalar($"UPDATE jobs SET status = 'unfunded' WHERE id = '{job}'"), Is.Zero);
        await Problem(await worker.Http.PostAsync($"/api/task-jobs/{job}/take", null), HttpStatusCode.NotFound);
        await Problem(await worker.Http.GetAsync($"/api/task-jobs/{job}"), HttpStatusCode.NotFound);
        Assert.That(Str((await TaskJob(business, job))["status"]), Is.EqualTo("unfunded"));
    }

    [Test]
    public async Task A_CSV_gives_each_item_its_own_inputs_in_place_of_the_placeholders()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var csv = "\uFEFFまな板,\"杉, 秋田産\"\r\n箸,竹\r\n";
        var posted = await Created(await TryPost(business, items: null, csv: csv, instructions: "「##1##」（素材: ##2##）の説明文を書いてください。"));
        Assert.That(posted["itemCount"]!.GetValue<int>(), Is.EqualTo(2));
        var item = await Take(worker, Str(posted["jobId"]));
        Assert.That(Str(item["instructions"]), Is.EqualTo("「まな板」（素材: 杉, 秋田産）の説明文を書いてください。"));

        var missing = await Problem(await TryPost(business, items: null, csv: "まな板\r\n", instructions: "##1## と ##2##"), HttpStatusCode.BadRequest);
        Assert.That(missing["errors"]!["itemsCsv"], Is.Not.Null);
        await Problem(await TryPost(business, items: 3, instructions: "##1## の説明"), HttpStatusCode.BadRequest);
        await Problem(await TryPost(business, items: 3, csv: csv), HttpStatusCode.BadRequest);
    }

    /// <summary>
    /// A worker called away gives its item back before the hour is out: it is open again at once for anyone, the worker
    /// may take another, and only the holder gives it back, once (a user trial found an item blocked for an hour).
    /// </summary>
    [Test]
    public async Task A_worker_gives_an_item_back_and_it_is_open_again_at_once()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var other = await SignUp(Role.Worker);
        var job = await Post(business, items: 1);
        var item = Id(await Take(worker, job));
        await Problem(await other.Http.PostAsync($"/api/task-items/{item}/return", null), HttpStatusCode.NotFound);
        await Problem(await business.Http.PostAsync($"/api/task-items/{item}/return", null), HttpStatusCode.Forbidden);
        Assert.That((await TaskJob(other, job))["itemsLeft"]!.GetValue<int>(), Is.Zero, "held by the worker");

        Assert.That((await worker.Http.PostAsync($"/api/task-items/{item}/return", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await TaskJob(other, job))["itemsLeft"]!.GetValue<int>(), Is.EqualTo(1), "back in the pool before its 60 minutes");
        await Problem(await worker.Http.PostAsync($"/api/task-items/{item}/return", null), HttpStatusCode.NotFound);
        await Problem(await TryAnswer(worker, item, "説明", "はい"), HttpStatusCode.NotFound);
        Assert.That(Id(await Take(other, job)), Is.EqualTo(item), "another worker takes it");
        await Created(await TryAnswer(other, item, "天然木のまな板。食洗機は不可。", "はい"));
        await Conflict(await other.Http.PostAsync($"/api/task-items/{item}/return", null), "taskItemNotHeld");
    }

    /// <summary>A give-back and a submission of one item at the same moment: the database lets exactly one through.</summary>
    [Test]
    public async Task Giving_an_item_back_while_submitting_it_lets_exactly_one_through()
    {
        var business = await SignUp(Role.Business);
        for (var round = 0; round < 5; round++)
        {
            var worker = await SignUp(Role.Worker);
            var job = await Post(business, items: 1);
            var item = Id(await Take(worker, job));
            var answers = await Task.WhenAll(
                Task.Run(() => worker.Http.PostAsync($"/api/task-items/{item}/return", null)),
                Task.Run(() => TryAnswer(worker, item, "天然木のまな板。食洗機は不可。", "はい")));
            var through = answers.Count(a => a.IsSuccessStatusCode);
            Assert.That(through, Is.EqualTo(1), $"round {round}: {string.Join(", ", answers.Select(a => (int)a.StatusCode))}");
            Assert.That(answers.Count(a => a.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound), Is.EqualTo(1),
                "the loser finds the item no longer its own");
            var submitted = Scalar($"SELECT COUNT(*) FROM task_submissions WHERE item_id = '{item}'");
            Assert.That(Scalar($"SELECT COUNT(*) FROM task_items WHERE id = '{item}' AND status = '{(submitted == 1 ? "submitted" : "open")}'"), Is.EqualTo(1));
        }
    }

    /// <summary>Cells copied from a spreadsheet paste as tab-separated text, commas inside cells and all (a user trial).</summary>
    [Test]
    public async Task Cells_pasted_from_a_spreadsheet_are_read_tab_separated()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var pasted = "まな板\t杉, 秋田産\r\n箸\t竹\r\n";
        var posted = await Created(await TryPost(business, items: null, csv: pasted, instructions: "「##1##」（素材: ##2##）の説明文を書いてください。"));
        Assert.That(posted["itemCount"]!.GetValue<int>(), Is.EqualTo(2));
        var item = await Take(worker, Str(posted["jobId"]));
        Assert.That(Str(item["instructions"]), Is.EqualTo("「まな板」（素材: 杉, 秋田産）の説明文を書いてください。"));
    }

    [Test]
    public async Task A_worker_holds_one_item_at_a_time_and_stops_at_the_per_worker_cap()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await Post(business, items: 5, cap: 2);
        var first = await Take(worker, job);
        Assert.That(Id(await Take(worker, job)), Is.EqualTo(Id(first)), "taking again gives the item held");
        await Created(await TryAnswer(worker, Id(first), "説明", "はい"));
        await Do(worker, job);
        await Conflict(await worker.Http.PostAsync($"/api/task-jobs/{job}/take", null), "taskCapReached");
        await Problem(await business.Http.PostAsync($"/api/task-jobs/{job}/take", null), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task An_answer_keeps_to_its_fields()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await Post(business);
        var item = Id(await Take(worker, job));
        var wrong = await Problem(await TryAnswer(worker, item, new string('あ', 51), "たぶん"), HttpStatusCode.BadRequest);
        Assert.That(wrong["errors"]!["answers[0]"], Is.Not.Null, "longer than the field's 50 characters");
        Assert.That(wrong["errors"]!["answers[1]"], Is.Not.Null, "not one of the options");
        await Problem(await TryAnswer(worker, item, "説明"), HttpStatusCode.BadRequest);
        var stranger = await SignUp(Role.Worker);
        await Problem(await TryAnswer(stranger, item, "説明", "はい"), HttpStatusCode.NotFound);
        await Created(await TryAnswer(worker, item, "説明", "いいえ"));
    }

    [Test]
    public async Task The_business_approves_or_rejects_with_a_reason_and_a_rejected_item_returns_to_the_pool()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await Post(business, items: 3);
        var first = await Do(worker, job);
        var second = await Do(worker, job);
        Assert.That((await TaskJob(business, job))["review"]!["submitted"]!.GetValue<int>(), Is.EqualTo(2));
        var queue = await business.Http.GetFromJsonAsync<JsonArray>($"/api/task-jobs/{job}/submissions");
        Assert.That(queue!.Select(s => Str(s!["id"])), Is.EqualTo(new[] { first, second }));

        var stranger = await SignUp(Role.Business);
        await Problem(await Approve(stranger, first), HttpStatusCode.NotFound);
        await Problem(await Approve(worker, first), HttpStatusCode.NotFound);
        await Problem(await stranger.Http.GetAsync($"/api/task-jobs/{job}/submissions"), HttpStatusCode.NotFound);

        Assert.That(Str((await Ok(await Approve(business, first)))["status"]), Is.EqualTo("approved"));
        await Conflict(await Approve(business, first), "taskSubmissionReviewed");
        await Problem(await business.Http.PostAsJsonAsync($"/api/task-submissions/{second}/reject", new { reason = " " }), HttpStatusCode.BadRequest);
        var rejected = await Ok(await Reject(business, second));
        Assert.That(Str(rejected["reason"]), Is.EqualTo("説明文が商品と違います"));
        Assert.That((await TaskJob(business, job))["itemsLeft"]!.GetValue<int>(), Is.EqualTo(2), "item 3 and the rejected item 2");
        var mine = await worker.Http.GetFromJsonAsync<JsonArray>($"/api/task-jobs/{job}/submissions?mine=true");
        Assert.That(mine!.Select(s => Str(s!["status"])), Is.EqualTo(new[] { "approved", "rejected" }));
        Assert.That(Events("taskItem.submitted"), Is.EqualTo(2));
        Assert.That(Events("taskItem.approved"), Is.EqualTo(1));
        Assert.That(Events("taskItem.rejected"), Is.EqualTo(1));
        var again = await Take(await SignUp(Role.Worker), job);
        Assert.That(again["number"]!.GetValue<int>(), Is.EqualTo(2), "the rejected item is taken again first");
    }

    [Test]
    public async Task Closing_pays_each_worker_its_approved_items_in_one_release_and_refunds_the_rest()
    {
        var business = await SignUp(Role.Business);
        var alice = await SignUp(Role.Worker);
        var bob = await SignUp(Role.Worker);
        var job = await Post(business, items: 10, price: 300);
        foreach (var s in new[] { await Do(alice, job), await Do(alice, job), await Do(alice, job) }) await Ok(await Approve(business, s));
        await Ok(await Approve(business, await Do(bob, job)));
        await Ok(await Reject(business, await Do(bob, job)));

        Assert.That(await RunClock(), Is.Zero);
        Assert.That(Balance($"worker:{alice.Id}"), Is.Zero, "nothing is paid before the job closes");
        Time.Advance(TimeSpan.FromDays(7));
        await RunClock();
        Assert.That(Scalar($"SELECT COUNT(*) FROM jobs WHERE id = '{job}' AND status = 'completed'"), Is.EqualTo(1));
        Assert.That(Balance($"worker:{alice.Id}"), Is.EqualTo(900 - 90), "3 × ¥300 less the 10% fee");
        Assert.That(Balance($"worker:{bob.Id}"), Is.EqualTo(300 - 30));
        Assert.That(Balance("platform"), Is.EqualTo(120));
        Assert.That(Balance($"job-escrow:{job}"), Is.Zero);
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-1_200), "4 approved items; the other 6 came back");
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE event_key LIKE 'task-release:{job}:%'"), Is.EqualTo(2), "one release per worker");
        Assert.That(Scalar("SELECT COALESCE(SUM(amount), 0) FROM ledger_entries"), Is.Zero);
        await RunClock();
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE event_key LIKE 'task-%:{job}%'"), Is.EqualTo(3), "closed once");
        var statement = await Ok(await alice.Http.GetAsync("/api/me/statement"));
        Assert.That(statement.ToJsonString(), Does.Contain("approved items paid"));
    }

    [Test]
    public async Task The_tax_on_a_worker_total_is_withheld_where_the_law_asks_and_goes_back_to_the_business()
    {
        var business = await SignUp(Role.Business);
        await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        var worker = await SignUp(Role.Worker);
        var job = await Post(business, items: 2, price: 10_000, category: "writing");
        await Ok(await Approve(business, await Do(worker, job)));
        await Ok(await Approve(business, await Do(worker, job)));
        // Every item approved: the job closes at once.
        Assert.That(Scalar($"SELECT COUNT(*) FROM jobs WHERE id = '{job}' AND status = 'completed'"), Is.EqualTo(1));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(20_000 - 2_000 - 2_042), "less the fee and 10.21% of ¥20,000");
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-20_000 + 2_042), "the business remits the ¥2,042 itself");

        // The business's statement names the job on each of its lines, and the tax came back as withheld tax returned.
        var entries = (await Ok(await business.Http.GetAsync("/api/me/statement")))["entries"]!.AsArray();
        var title = Str((await Ok(await business.Http.GetAsync($"/api/jobs/{job}")))["title"]);
        Assert.That(entries.Select(e => Str(e!["jobTitle"])), Is.All.EqualTo(title));
        Assert.That(entries.Select(e => (Str(e!["kind"]), e!["amount"]!.GetValue<long>())),
            Is.EquivalentTo(new[] { ("escrowFunded", -20_000L), ("withholdingReturned", 2_042L) }));
        var workerLines = (await Ok(await worker.Http.GetAsync("/api/me/statement")))["entries"]!.AsArray();
        Assert.That(workerLines.Select(e => Str(e!["jobTitle"])), Is.All.EqualTo(title));

        // The totals say the same: the worker earned ¥20,000 less the fee and the tax; the business paid for ¥20,000 of
        // work and remits the ¥2,042 by the 10th of next month (a review found task jobs missing from both).
        var earned = (await Ok(await worker.Http.GetAsync("/api/me/statement")))["totals"]!;
        Assert.That(earned["gross"]!.GetValue<long>(), Is.EqualTo(20_000));
        Assert.That(earned["platformFees"]!.GetValue<long>(), Is.EqualTo(2_000));
        Assert.That(earned["withholdingTax"]!.GetValue<long>(), Is.EqualTo(2_042));
        Assert.That(earned["earned"]!.GetValue<long>(), Is.EqualTo(20_000 - 2_000 - 2_042));
        Assert.That(earned["net"]!.GetValue<long>(), Is.EqualTo(earned["earned"]!.GetValue<long>()), "what it earned is what its balance gained");
        var paid = (await Ok(await business.Http.GetAsync("/api/me/statement")))["totals"]!;
        Assert.That(paid["gross"]!.GetValue<long>(), Is.EqualTo(20_000));
        Assert.That(paid["withholdingTax"]!.GetValue<long>(), Is.EqualTo(2_042));
        var remittance = paid["remittances"]!.AsArray().Single()!;
        Assert.That(remittance["amount"]!.GetValue<long>(), Is.EqualTo(2_042));
        Assert.That(Str(remittance["dueOn"]), Is.EqualTo(WithheldTaxDue.For(Time.GetUtcNow()).ToString("yyyy-MM-dd")));
        Assert.That((await Ok(await (await SignUp(Role.Worker)).Http.GetAsync("/api/me/statement")))["totals"]!["gross"]!.GetValue<long>(), Is.Zero,
            "another worker's statement has none of it");
    }

    [Test]
    public async Task Bulk_approval_and_the_answers_as_a_spreadsheet()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await Post(business, items: 5);
        var ids = new[] { await Do(worker, job), await Do(worker, job), await Do(worker, job) };
        await Ok(await Approve(business, ids[0]));
        var bulk = await Ok(await business.Http.PostAsJsonAsync($"/api/task-jobs/{job}/approvals", new { submissionIds = ids }));
        Assert.That(bulk["count"]!.GetValue<int>(), Is.EqualTo(2), "the one approved already is passed over");
        Assert.That(Events("taskItem.approved"), Is.EqualTo(3));

        async Task<string[]> Lines(string language)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/api/task-jobs/{job}/answers.csv");
            request.Headers.AcceptLanguage.ParseAdd(language);
            var csv = await business.Http.SendAsync(request);
            Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var bytes = await csv.Content.ReadAsByteArrayAsync();
            Assert.That(bytes.Take(3), Is.EqualTo(Encoding.UTF8.GetPreamble()), "UTF-8 with a BOM, for Excel");
            return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        }
        var lines = await Lines("en");
        Assert.That(lines[0], Is.EqualTo("item,worker,status,reason,submitted_at,説明文,画像は商品と合っているか"));
        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines[1], Does.StartWith("1,").And.EndWith(",天然木のまな板。食洗機は不可。,はい"));
        Assert.That(lines[1], Does.Contain(",approved,"));
        // A Japanese business's spreadsheet reads Japanese column names and statuses (a user trial read English ones).
        var japanese = await Lines("ja-JP,ja;q=0.9");
        Assert.That(japanese[0], Is.EqualTo("項目番号,ワーカー,状態,非承認の理由,提出日時,説明文,画像は商品と合っているか"));
        Assert.That(japanese[1], Does.Contain(",承認,"));
        await Problem(await worker.Http.GetAsync($"/api/task-jobs/{job}/answers.csv"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_file_answer_is_read_by_the_jobs_business_its_producers_and_administrators_and_kept_from_the_sweep()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        await LinkProducer(business, producer);
        var admin = await Administrator();
        var worker = await SignUp(Role.Worker);
        var job = Str((await Created(await TryPost(business, items: 3, fields: [new { label = "写真", kind = "file" }])))["jobId"]);
        var photo = Id(await Created(await worker.Http.Upload(Uploads.Png, "写真.png")));
        var item = Id(await Take(worker, job));
        await Created(await TryAnswer(worker, item, photo));

        foreach (var reader in new[] { business, producer, admin, worker })
            Assert.That((await reader.Http.GetAsync($"/api/files/{photo}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), reader.DisplayName);
        foreach (var stranger in new[] { await SignUp(Role.Worker), await SignUp(Role.Business), await SignUp(Role.Producer) })
            await Problem(await stranger.Http.GetAsync($"/api/files/{photo}"), HttpStatusCode.NotFound);

        // One file answers one item: given again, it is refused on the field.
        var next = Id(await Take(worker, job));
        Assert.That((await Problem(await TryAnswer(worker, next, photo), HttpStatusCode.BadRequest))["errors"]!["answers[0]"], Is.Not.Null);

        Time.Advance(TimeSpan.FromDays(2));
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new Marketplace.Files.SweepFiles.Command());
        Assert.That((await business.Http.GetAsync($"/api/files/{photo}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "an answer's file is no stray upload");
    }

    [Test]
    public async Task The_review_list_pages_beyond_100_answers_with_the_last_answers_id()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await Post(business, items: 102, price: 10, cap: 200);
        var answered = new List<string>();
        for (var n = 0; n < 101; n++) answered.Add(await Do(worker, job));

        var first = (await business.Http.GetFromJsonAsync<JsonArray>($"/api/task-jobs/{job}/submissions"))!;
        Assert.That(first, Has.Count.EqualTo(100), "a page is 100 answers");
        var after = Str(first[^1]!["id"]);
        var second = (await business.Http.GetFromJsonAsync<JsonArray>($"/api/task-jobs/{job}/submissions?after={after}"))!;
        Assert.That(second.Select(a => Str(a!["id"])), Is.EqualTo(new[] { answered[100] }), "the next page starts after the last answer");
        Assert.That(first.Concat(second).Select(a => Str(a!["id"])), Is.EqualTo(answered), "every answer once, oldest first");
        Assert.That((await business.Http.GetFromJsonAsync<JsonArray>($"/api/task-jobs/{job}/submissions?after={answered[100]}"))!, Is.Empty);
    }
}
