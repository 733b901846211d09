using System.Net;
using System.Net.Http.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 22: what belongs to a job (its files, its questions, its bids) answers exactly those the job itself answers
/// (job_viewers). A members-only job is a 404 to other businesses, producers and administrators: so is each of its parts,
/// the same 404 as an id that does not exist, so that nothing tells them the job is there.
/// </summary>
public sealed class JobAudienceTests : ApiTest
{
    private static object MembersOnlyJob(string fileId) => new
    {
        title = "会員限定の翻訳", description = "社外秘の資料を英訳", category = "translation", budgetMin = 30_000, budgetMax = 80_000,
        deadline = DateTimeOffset.UtcNow.AddDays(30), region = "秋田県湯沢市", membersOnly = true, fileIds = new[] { fileId },
    };

    private static readonly string[] PartsOfAJob = ["", "/questions", "/bids"];

    [Test]
    public async Task A_members_only_jobs_files_questions_and_bids_are_a_404_to_whoever_the_job_is_a_404()
    {
        var business = await SignUp(Role.Business);
        var file = Id(await Created(await business.Http.Upload(Uploads.Pdf, "資料.pdf")));
        var job = Id(await PostJob(business, MembersOnlyJob(file)));

        foreach (var stranger in new[] { await SignUp(Role.Business), await SignUp(Role.Producer), await Administrator() })
        {
            foreach (var part in PartsOfAJob)
            {
                var unknown = await Problem(await stranger.Http.GetAsync($"/api/jobs/no-such-job{part}"), HttpStatusCode.NotFound);
                var refused = await Problem(await stranger.Http.GetAsync($"/api/jobs/{job}{part}"), HttpStatusCode.NotFound);
                Assert.That(refused["detail"]!.ToString(), Is.EqualTo(unknown["detail"]!.ToString()), $"{stranger.Role} GET /api/jobs/{{id}}{part}");
            }
            await Problem(await stranger.Http.GetAsync($"/api/files/{file}"), HttpStatusCode.NotFound);
        }
    }

    [Test]
    public async Task A_members_only_job_with_its_files_and_questions_answers_workers_and_its_business()
    {
        var business = await SignUp(Role.Business);
        var file = Id(await Created(await business.Http.Upload(Uploads.Pdf, "資料.pdf")));
        var job = Id(await PostJob(business, MembersOnlyJob(file)));
        var worker = await SignUp(Role.Worker);
        await Created(await worker.Http.PostAsJsonAsync($"/api/jobs/{job}/questions", new { body = "納期は延ばせますか" }));

        foreach (var member in new[] { worker, business })
        {
            await Ok(await member.Http.GetAsync($"/api/jobs/{job}"));
            var download = await member.Http.GetAsync($"/api/files/{file}");
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK), member.Role.ToString());
            Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(Uploads.Pdf));
            var questions = await member.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/jobs/{job}/questions");
            Assert.That(questions, Has.Count.EqualTo(1), member.Role.ToString());
        }
    }

    [Test]
    public async Task An_open_jobs_files_still_download_for_everyone_signed_in_unless_confidential()
    {
        var business = await SignUp(Role.Business);
        var file = Id(await Created(await business.Http.Upload(Uploads.Pdf, "資料.pdf")));
        var secret = Id(await Created(await business.Http.Upload(Uploads.Pdf, "顧客名簿.pdf")));
        await PostJob(business, new
        {
            title = "ラベルデザイン", description = "雪と稲穂", category = "design", budgetMin = 30_000, budgetMax = 80_000,
            deadline = DateTimeOffset.UtcNow.AddDays(30), fileIds = new[] { file },
        });
        await PostJob(business, new
        {
            title = "名簿の入力", description = "顧客名簿", category = "design", budgetMin = 30_000, budgetMax = 80_000,
            deadline = DateTimeOffset.UtcNow.AddDays(30), fileIds = new[] { secret }, confidentialFiles = true,
        });
        foreach (var reader in new[] { await SignUp(Role.Business), await SignUp(Role.Producer), await SignUp(Role.Worker) })
        {
            Assert.That((await reader.Http.GetAsync($"/api/files/{file}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), reader.Role.ToString());
            await Problem(await reader.Http.GetAsync($"/api/files/{secret}"), HttpStatusCode.NotFound);
        }
    }
}
