using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Conversations;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>Questions before bidding and the contract's thread.</summary>
public sealed class ConversationTests : ApiTest
{
    private static async Task<JsonObject> Ask(User worker, string jobId, string body = "納期は相談できますか?") =>
        await Created(await worker.Http.PostAsJsonAsync($"/api/jobs/{jobId}/questions", new { body }));

    private static async Task<JsonArray> Questions(User user, string jobId) =>
        JsonNode.Parse(await (await user.Http.GetAsync($"/api/jobs/{jobId}/questions")).Content.ReadAsStringAsync())!.AsArray();

    [Test]
    public async Task A_public_answer_is_seen_by_every_worker_without_the_askers_name_and_a_private_one_by_the_asker_only()
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business);
        var asker = await SignUp(Role.Worker, "質問する人");
        var other = await SignUp(Role.Worker);
        var publicQ = await Ask(asker, Id(job));
        var privateQ = await Ask(asker, Id(job), "見積もりの内訳は必要ですか?");
        var unanswered = await Ask(other, Id(job), "サイズの指定はありますか?");

        Assert.That(await Questions(business, Id(job)), Has.Count.EqualTo(3), "the business sees every question");
        Assert.That((await Questions(business, Id(job)))[0]!["askerName"]!.GetValue<string>(), Is.EqualTo("質問する人"));
        Assert.That(await Questions(other, Id(job)), Has.Count.EqualTo(1), "only its own while nothing is answered publicly");

        var answered = await Ok(await business.Http.PostAsJsonAsync($"/api/questions/{Id(publicQ)}/answer", new { body = "1週間までなら延ばせます", @public = true }));
        Assert.That(Str(answered["answer"]), Is.EqualTo("1週間までなら延ばせます"));
        await Ok(await business.Http.PostAsJsonAsync($"/api/questions/{Id(privateQ)}/answer", new { body = "不要です", @public = false }));

        var seenByOther = await Questions(other, Id(job));
        Assert.That(seenByOther.Select(q => Id(q!.AsObject())), Is.EqualTo(new[] { Id(publicQ), Id(unanswered) }));
        var publicAsSeen = seenByOther[0]!.AsObject();
        Assert.That(publicAsSeen["askerName"], Is.Null, "the asker's name is hidden from other workers");
        Assert.That(publicAsSeen["mine"]!.GetValue<bool>(), Is.False);
        Assert.That(await Questions(asker, Id(job)), Has.Count.EqualTo(2), "the asker sees its own, answered privately too");
        Assert.That((await Questions(asker, Id(job)))[1]!["answer"]!.GetValue<string>(), Is.EqualTo("不要です"));
    }

    [TestCase("連絡は yuzawa.taro@example.jp までお願いします", "email")]
    [TestCase("直接 ０９０－１２３４－５６７８ に電話ください", "phone")]
    [TestCase("事務所は(0183)73-1234です", "phone")]
    [TestCase("+81 90 1234 5678 にどうぞ", "phone")]
    [TestCase("LINE ID: yuzawa_sake です", "lineId")]
    [TestCase("ラインのIDはsakegura01", "lineId")]
    [TestCase("https://line.me/ti/p/abcdef", "lineId")]
    [TestCase("メールは ｙｕｚａｗａ＠ｅｘａｍｐｌｅ．ｃｏｍ", "email")]
    public async Task A_question_with_contact_details_is_a_400_saying_which(string body, string kind)
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business);
        var worker = await SignUp(Role.Worker);
        var problem = await Problem(await worker.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/questions", new { body }), HttpStatusCode.BadRequest);
        var code = problem["errorCodes"]!["body"]![0]!;
        Assert.That(Str(code["code"]), Is.EqualTo("contactDetails"));
        Assert.That(Str(code["kind"]), Is.EqualTo(kind));
        Assert.That(Scalar("SELECT COUNT(*) FROM questions"), Is.Zero);
    }

    [TestCase("納期は2026年3月15日で、予算は50000円から80000円です")]
    [TestCase("ラインナップは全部で12種類、720ml と 1800ml です")]
    [TestCase("The line items are listed in the PDF, version 2.0.1")]
    [TestCase("Is the deadline flexible? I can deliver 3 drafts by 10:00.")]
    public void Ordinary_text_is_not_taken_for_contact_details(string text) => Assert.That(ContactDetails.Find(text), Is.Null);

    [Test]
    public async Task An_answer_with_contact_details_is_refused_too()
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business);
        var question = await Ask(await SignUp(Role.Worker), Id(job));
        var problem = await Problem(await business.Http.PostAsJsonAsync($"/api/questions/{Id(question)}/answer",
            new { body = "電話で: 0183-73-1234", @public = true }), HttpStatusCode.BadRequest);
        Assert.That(Str(problem["errorCodes"]!["body"]![0]!["kind"]), Is.EqualTo("phone"));
    }

    [Test]
    public async Task Only_a_worker_asks_only_while_the_job_is_open_and_only_the_jobs_runners_answer_once()
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business);
        await Problem(await business.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/questions", new { body = "自分に質問" }), HttpStatusCode.Forbidden);
        await Problem(await (await SignUp(Role.Worker)).Http.PostAsJsonAsync("/api/jobs/nope/questions", new { body = "?" }), HttpStatusCode.NotFound);
        var asker = await SignUp(Role.Worker);
        var question = await Ask(asker, Id(job));

        // The asker may read its question, so it learns why it may not answer; another business is told nothing exists.
        await Problem(await asker.Http.PostAsJsonAsync($"/api/questions/{Id(question)}/answer", new { body = "自分で回答", @public = true }), HttpStatusCode.Forbidden);
        await Problem(await (await SignUp(Role.Business)).Http.PostAsJsonAsync($"/api/questions/{Id(question)}/answer", new { body = "横から", @public = true }),
            HttpStatusCode.NotFound);
        await Problem(await (await SignUp(Role.Worker)).Http.PostAsJsonAsync($"/api/questions/{Id(question)}/answer", new { body = "横から", @public = true }),
            HttpStatusCode.NotFound);
        await Ok(await business.Http.PostAsJsonAsync($"/api/questions/{Id(question)}/answer", new { body = "はい", @public = true }));
        var again = await Problem(await business.Http.PostAsJsonAsync($"/api/questions/{Id(question)}/answer", new { body = "やはり", @public = true }),
            HttpStatusCode.Conflict);
        Assert.That(Str(again["detail"]), Does.Contain("answered already"));

        await Award(business, Id(job), Id(await PlaceBid(asker, Id(job))));
        await Problem(await (await SignUp(Role.Worker)).Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/questions", new { body = "まだ?" }), HttpStatusCode.NotFound);
        await Problem(await asker.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/questions", new { body = "まだ?" }), HttpStatusCode.Conflict);
    }

    [Test]
    public async Task A_producer_allowed_to_post_answers_for_its_client_and_the_business_is_told_of_each_question()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        await LinkProducer(business, producer);
        var job = await PostJob(business);
        var question = await Ask(await SignUp(Role.Worker), Id(job));
        Assert.That(await Questions(producer, Id(job)), Has.Count.EqualTo(1));
        await Ok(await producer.Http.PostAsJsonAsync($"/api/questions/{Id(question)}/answer", new { body = "対応します", @public = true }));
        var kinds = (await Ok(await business.Http.GetAsync("/api/notifications")))["items"]!.AsArray().Select(n => Str(n!["kind"]));
        Assert.That(kinds, Does.Contain("questionAsked"));
    }

    [Test]
    public async Task The_thread_is_for_the_business_the_worker_and_the_jobs_producer_and_everyone_else_gets_404()
    {
        var (business, worker, contract) = await AwardedContract();
        var stranger = await SignUp(Role.Worker);
        var otherBusiness = await SignUp(Role.Business);
        foreach (var outsider in new[] { stranger, otherBusiness })
        {
            await Problem(await outsider.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/messages", new { body = "やあ" }), HttpStatusCode.NotFound);
            await Problem(await outsider.Http.GetAsync($"/api/contracts/{Id(contract)}/messages"), HttpStatusCode.NotFound);
        }
        var sent = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/messages", new { body = "ラフ案は金曜に送ります" }));
        Assert.That(Str(sent["senderName"]), Is.EqualTo(worker.DisplayName));
        await Problem(await stranger.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/messages/read", new { upTo = Id(sent) }), HttpStatusCode.NotFound);
        var page = await Ok(await business.Http.GetAsync($"/api/contracts/{Id(contract)}/messages"));
        Assert.That(page["items"]!.AsArray().Select(m => Str(m!["body"])), Is.EqualTo(new[] { "ラフ案は金曜に送ります" }));
    }

    [Test]
    public async Task A_message_is_at_most_5000_characters_with_at_most_10_files_and_never_empty()
    {
        var (_, worker, contract) = await AwardedContract();
        var url = $"/api/contracts/{Id(contract)}/messages";
        await Problem(await worker.Http.PostAsJsonAsync(url, new { body = new string('あ', 5_001) }), HttpStatusCode.BadRequest);
        await Created(await worker.Http.PostAsJsonAsync(url, new { body = new string('あ', 5_000) }));
        await Problem(await worker.Http.PostAsJsonAsync(url, new { body = "  " }), HttpStatusCode.BadRequest);
        var problem = await Problem(await worker.Http.PostAsJsonAsync(url, new { body = "多すぎ", fileIds = Enumerable.Range(0, 11).Select(i => $"f{i}") }),
            HttpStatusCode.BadRequest);
        Assert.That(Str(problem["errorCodes"]!["fileIds"]![0]!["code"]), Is.EqualTo("tooManyFiles"));
    }

    [Test]
    public async Task Pages_come_oldest_first_or_newest_first_by_cursor_each_message_once()
    {
        var (business, worker, contract) = await AwardedContract();
        var url = $"/api/contracts/{Id(contract)}/messages";
        for (var i = 0; i < 7; i++) await Created(await (i % 2 == 0 ? worker : business).Http.PostAsJsonAsync(url, new { body = $"m{i}" }));
        async Task<List<string>> All(string query)
        {
            var seen = new List<string>();
            string? cursor = null;
            do
            {
                var page = await Ok(await worker.Http.GetAsync($"{url}?limit=3{query}{(cursor is null ? "" : $"&cursor={cursor}")}"));
                seen.AddRange(page["items"]!.AsArray().Select(m => Str(m!["body"])));
                cursor = page["nextCursor"]?.GetValue<string>();
            } while (cursor is not null);
            return seen;
        }
        Assert.That(await All(""), Is.EqualTo(Enumerable.Range(0, 7).Select(i => $"m{i}")));
        Assert.That(await All("&newestFirst=true"), Is.EqualTo(Enumerable.Range(0, 7).Reverse().Select(i => $"m{i}")));
    }

    /// <summary>
    /// A trial's afternoon thread left 95 notices (and as many mails): a run of messages is one notice and one mail while
    /// that notice is unread; it opens the thread at the first unread message, and the menu counts every message.
    /// </summary>
    [Test]
    public async Task A_run_of_messages_is_one_notice_and_one_mail_until_the_reader_reads_it()
    {
        var (business, worker, contract) = await AwardedContract();
        var url = $"/api/contracts/{Id(contract)}/messages";
        var first = await Created(await worker.Http.PostAsJsonAsync(url, new { body = "一通目" }));
        await Created(await worker.Http.PostAsJsonAsync(url, new { body = "二通目" }));
        await Created(await worker.Http.PostAsJsonAsync(url, new { body = "三通目" }));
        long Notices(bool unreadOnly = false) => Scalar(
            $"SELECT COUNT(*) FROM notifications WHERE user_id = '{business.Id}' AND kind = 'messageReceived'{(unreadOnly ? " AND read_at IS NULL" : "")}");
        long Mails() => Scalar($"SELECT COUNT(*) FROM mail_outbox o JOIN notifications n ON n.id = o.notification_id WHERE n.user_id = '{business.Id}' AND n.kind = 'messageReceived'");
        Assert.That((Notices(), Mails()), Is.EqualTo((1L, 1L)));
        var menu = await Ok(await business.Http.GetAsync("/api/me/unread-messages"));
        Assert.That((menu["unreadMessages"]!.GetValue<int>(), menu["messageNotices"]!.GetValue<int>()), Is.EqualTo((3, 1)),
            "three messages, and one unread notice of them, which a count of everything unread leaves out");

        // Read (here up to the first message), the next message is news again.
        await Ok(await business.Http.PostAsJsonAsync($"{url}/read", new { upTo = Id(first) }));
        menu = await Ok(await business.Http.GetAsync("/api/me/unread-messages"));
        Assert.That((menu["unreadMessages"]!.GetValue<int>(), menu["messageNotices"]!.GetValue<int>()), Is.EqualTo((2, 0)));
        await Created(await worker.Http.PostAsJsonAsync(url, new { body = "四通目" }));
        Assert.That((Notices(), Notices(unreadOnly: true), Mails()), Is.EqualTo((2L, 1L, 2L)));
        // The worker's own notice of a reply is its own: the business's unread notice does not hold it back.
        await Created(await business.Http.PostAsJsonAsync(url, new { body = "了解です" }));
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{worker.Id}' AND kind = 'messageReceived'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Messages_the_parties_post_at_the_same_moment_make_one_notice_for_each_reader()
    {
        // The business, the producer who posted the job and the worker each write four at once: each reader is told by two
        // writers whose posts run side by side on a server engine, and one unread notice of the thread stands per reader.
        var (business, producer, worker, contract) = await BrokeredContract(50_000);
        var url = $"/api/contracts/{Id(contract)}/messages";
        var parties = new[] { business, producer, worker };
        var posts = await Task.WhenAll(parties.SelectMany(who => Enumerable.Range(1, 4).Select(i => Task.Run(() => who.Http.PostAsJsonAsync(url, new { body = $"同時に{i}" })))));
        Assert.That(posts.Select(p => p.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        foreach (var reader in parties)
            Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{reader.Id}' AND kind = 'messageReceived' AND read_at IS NULL"),
                Is.EqualTo(1), reader.DisplayName);
    }

    [Test]
    public async Task Unread_messages_count_per_contract_and_in_total_until_read_and_never_ones_own()
    {
        var (business, worker, contract) = await AwardedContract();
        var url = $"/api/contracts/{Id(contract)}/messages";
        await Created(await worker.Http.PostAsJsonAsync(url, new { body = "一通目" }));
        var second = await Created(await worker.Http.PostAsJsonAsync(url, new { body = "二通目" }));
        async Task<int> Listed(User user) =>
            (await Ok(await user.Http.GetAsync("/api/contracts")))["items"]![0]!["unreadMessages"]!.GetValue<int>();
        async Task<int> Total(User user) => (await Ok(await user.Http.GetAsync("/api/me/unread-messages")))["unreadMessages"]!.GetValue<int>();

        Assert.That(await Listed(business), Is.EqualTo(2));
        Assert.That(await Total(business), Is.EqualTo(2));
        var parts = await Ok(await business.Http.GetAsync("/api/me/unread-messages"));
        Assert.That((parts["inContracts"]!.GetValue<int>(), parts["inTeams"]!.GetValue<int>()), Is.EqualTo((2, 0)), "the menu shows them by Contracts");
        Assert.That(await Listed(worker), Is.Zero, "one's own messages are never unread");
        // The two messages are one notice (of the first); reading up to the message it names reads it.
        async Task<string[]> UnreadNotices(User user) => (await Ok(await user.Http.GetAsync("/api/notifications")))["items"]!.AsArray()
            .Where(n => Str(n!["kind"]) == "messageReceived" && n["readAt"] is null).Select(n => Str(n!["id"])).ToArray();
        Assert.That(await UnreadNotices(business), Has.Length.EqualTo(1));
        var first = (await Ok(await business.Http.GetAsync(url)))["items"]![0]!.AsObject();
        Assert.That((await Ok(await business.Http.PostAsJsonAsync($"{url}/read", new { upTo = Id(first) })))["unreadMessages"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(await UnreadNotices(business), Is.Empty, "reading the thread reads its notice");
        await Ok(await business.Http.PostAsJsonAsync($"{url}/read", new { upTo = Id(second) }));
        Assert.That(await UnreadNotices(business), Is.Empty);
        // The position only moves forward.
        await Ok(await business.Http.PostAsJsonAsync($"{url}/read", new { upTo = Id(first) }));
        Assert.That(await Total(business), Is.Zero);
        Assert.That((await Ok(await business.Http.GetAsync($"/api/contracts/{Id(contract)}")))["contract"]!["unreadMessages"]!.GetValue<int>(), Is.Zero);
        Assert.That(await Listed(business), Is.Zero);

        await Created(await business.Http.PostAsJsonAsync(url, new { body = "返信" }));
        Assert.That(await Total(worker), Is.EqualTo(1));
        await Problem(await business.Http.PostAsJsonAsync($"{url}/read", new { upTo = "not-a-message" }), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_messages_files_are_for_the_contracts_parties_and_a_new_message_tells_the_others()
    {
        var (business, worker, contract) = await AwardedContract();
        var file = await Created(await worker.Http.Upload(Uploads.Png, "ラフ案.png"));
        var sent = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/messages",
            new { body = "ラフ案です", fileIds = new[] { Id(file) } }));
        Assert.That(sent["files"]!.AsArray().Select(f => Str(f!["name"])), Is.EqualTo(new[] { "ラフ案.png" }));
        Assert.That(await (await business.Http.GetAsync($"/api/files/{Id(file)}")).Content.ReadAsByteArrayAsync(), Is.EqualTo(Uploads.Png));
        await Problem(await (await SignUp(Role.Business)).Http.GetAsync($"/api/files/{Id(file)}"), HttpStatusCode.NotFound);
        var listed = await Ok(await business.Http.GetAsync($"/api/contracts/{Id(contract)}/messages"));
        Assert.That(listed["items"]![0]!["files"]!.AsArray(), Has.Count.EqualTo(1));
        var kinds = (await Ok(await business.Http.GetAsync("/api/notifications")))["items"]!.AsArray().Select(n => Str(n!["kind"]));
        Assert.That(kinds, Does.Contain("messageReceived"));
        Assert.That((await Ok(await worker.Http.GetAsync("/api/notifications")))["items"]!.AsArray().Select(n => Str(n!["kind"])),
            Does.Not.Contain("messageReceived"));
    }

    [Test]
    public async Task Deliveries_and_revision_requests_carry_files_for_the_parties_only()
    {
        var (business, worker, contract) = await AwardedContract();
        var delivered = await Created(await worker.Http.Upload(Uploads.Pdf, "translation_en.pdf"));
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions",
            new { message = "納品します", fileIds = new[] { Id(delivered) } }));
        var detail = await Ok(await business.Http.GetAsync($"/api/contracts/{Id(contract)}"));
        Assert.That(detail["submissions"]![0]!["files"]!.AsArray().Select(f => Id(f!.AsObject())), Is.EqualTo(new[] { Id(delivered) }));
        Assert.That(await (await business.Http.GetAsync($"/api/files/{Id(delivered)}")).Content.ReadAsByteArrayAsync(), Is.EqualTo(Uploads.Pdf));

        var markedUp = await Created(await business.Http.Upload(Uploads.Png, "赤入れ.png"));
        await Ok(await business.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/request-revision",
            new { reason = "赤字の箇所を直してください", fileIds = new[] { Id(markedUp) } }));
        detail = await Ok(await worker.Http.GetAsync($"/api/contracts/{Id(contract)}"));
        Assert.That(detail["revisionRequests"]![0]!["files"]!.AsArray().Select(f => Str(f!["name"])), Is.EqualTo(new[] { "赤入れ.png" }));
        Assert.That((await worker.Http.GetAsync($"/api/files/{Id(markedUp)}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var stranger = await SignUp(Role.Worker);
        foreach (var id in new[] { Id(delivered), Id(markedUp) })
            await Problem(await stranger.Http.GetAsync($"/api/files/{id}"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_refused_submission_leaves_its_files_unattached()
    {
        var (business, worker, contract) = await AwardedContract();
        var file = await Created(await business.Http.Upload(Uploads.Pdf, "not-mine-to-deliver.pdf"));
        // The business may not submit work: the whole command rolls back, the file stays free.
        await Problem(await business.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions",
            new { message = "x", fileIds = new[] { Id(file) } }), HttpStatusCode.Forbidden);
        Assert.That(Scalar($"SELECT COUNT(*) FROM files WHERE id = '{Id(file)}' AND submission_id IS NULL"), Is.EqualTo(1));
        var problem = await Problem(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions",
            new { message = "他人のファイル", fileIds = new[] { Id(file) } }), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "fileIds" }));
        Assert.That(Scalar("SELECT COUNT(*) FROM submissions"), Is.Zero);
    }
}
