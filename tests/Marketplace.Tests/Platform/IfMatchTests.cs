using System.Net;
using System.Net.Http.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Safe concurrent edits (issue 25): what a client replaces whole (a job's files, a worker's profile and bank account, a
/// business's profile) is read with an <c>ETag</c>; an update sent with <c>If-Match</c> and a version that is no longer
/// current is a 412 <c>staleETag</c> and changes nothing, decided in the UPDATE's WHERE, so two tabs cannot silently
/// overwrite each other. Without If-Match an update is made as before.
/// </summary>
public sealed class IfMatchTests : ApiTest
{
    private static Task<HttpResponseMessage> Send(User user, HttpMethod method, string path, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return user.Http.SendAsync(request);
    }

    private static string ETag(HttpResponseMessage response)
    {
        Assert.That(response.Headers.ETag, Is.Not.Null, "the answer carries an ETag");
        Assert.That(response.Headers.ETag!.IsWeak, Is.False, "If-Match compares strongly: a weak ETag would never match");
        return response.Headers.ETag.Tag;
    }

    private static async Task<string> Refused(HttpResponseMessage response)
    {
        var problem = await Problem(response, HttpStatusCode.PreconditionFailed);
        return Str(problem["code"]);
    }

    [Test]
    public async Task A_job_updated_with_a_stale_ETag_is_a_412_and_keeps_what_the_other_tab_saved()
    {
        var business = await SignUp(Role.Business);
        var job = Id(await PostJob(business));
        var read = ETag(await business.Http.GetAsync($"/api/jobs/{job}"));

        var first = await Send(business, HttpMethod.Patch, $"/api/jobs/{job}", new { confidentialFiles = true }, read);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        var saved = ETag(first);
        Assert.That(saved, Is.Not.EqualTo(read), "the update moved the version on");
        Assert.That(ETag(await business.Http.GetAsync($"/api/jobs/{job}")), Is.EqualTo(saved), "a read gives the version the update answered");

        // The second tab read the job before the first saved.
        Assert.That(await Refused(await Send(business, HttpMethod.Patch, $"/api/jobs/{job}", new { confidentialFiles = false }, read)), Is.EqualTo("staleETag"));
        Assert.That(Scalar($"SELECT CASE WHEN confidential_files = TRUE THEN 1 ELSE 0 END FROM jobs WHERE id = '{job}'"), Is.EqualTo(1), "nothing changed");
        Assert.That(ETag(await business.Http.GetAsync($"/api/jobs/{job}")), Is.EqualTo(saved));

        Assert.That(await Refused(await Send(business, HttpMethod.Patch, $"/api/jobs/{job}", new { confidentialFiles = false }, $"W/{saved}")), Is.EqualTo("staleETag"),
            "a weak tag never matches (RFC 9110 §13.1.1)");
        await Ok(await Send(business, HttpMethod.Patch, $"/api/jobs/{job}", new { confidentialFiles = false }, saved));
    }

    [Test]
    public async Task Without_If_Match_an_update_is_made_as_before_and_still_moves_the_version_on()
    {
        var business = await SignUp(Role.Business);
        var job = Id(await PostJob(business));
        var read = ETag(await business.Http.GetAsync($"/api/jobs/{job}"));

        var saved = ETag(await Send(business, HttpMethod.Patch, $"/api/jobs/{job}", new { confidentialFiles = true }, null));
        Assert.That(saved, Is.Not.EqualTo(read));
        Assert.That(await Refused(await Send(business, HttpMethod.Patch, $"/api/jobs/{job}", new { confidentialFiles = false }, read)), Is.EqualTo("staleETag"),
            "a tab holding the version before an update without If-Match is stale too");
        await Ok(await Send(business, HttpMethod.Patch, $"/api/jobs/{job}", new { confidentialFiles = false }, "*"));
    }

    [Test]
    public async Task A_job_no_longer_open_is_still_a_409_whatever_its_ETag()
    {
        var business = await SignUp(Role.Business);
        var job = Id(await PostJob(business));
        var read = ETag(await business.Http.GetAsync($"/api/jobs/{job}"));
        Assert.That((await business.Http.PostAsync($"/api/jobs/{job}/cancel", null)).IsSuccessStatusCode, Is.True);

        var problem = await Problem(await Send(business, HttpMethod.Patch, $"/api/jobs/{job}", new { confidentialFiles = true }, read), HttpStatusCode.Conflict);
        Assert.That(Str(problem["code"]), Is.EqualTo("jobNotOpen"));
    }

    [Test]
    public async Task Two_updates_with_the_same_ETag_at_once_one_wins_and_the_other_is_a_412()
    {
        var business = await SignUp(Role.Business);
        var job = Id(await PostJob(business));
        var read = ETag(await business.Http.GetAsync($"/api/jobs/{job}"));

        var answers = await Task.WhenAll(
            Send(business, HttpMethod.Patch, $"/api/jobs/{job}", new { confidentialFiles = true }, read),
            Send(business, HttpMethod.Patch, $"/api/jobs/{job}", new { confidentialFiles = false }, read));

        Assert.That(answers.Select(a => a.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.PreconditionFailed }),
            string.Join(" | ", await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()))));
        var winner = answers.Single(a => a.StatusCode == HttpStatusCode.OK);
        var expected = (await Ok(winner))["confidentialFiles"]!.GetValue<bool>() ? 1 : 0;
        Assert.That(Scalar($"SELECT CASE WHEN confidential_files = TRUE THEN 1 ELSE 0 END FROM jobs WHERE id = '{job}'"), Is.EqualTo(expected),
            "the job holds the winner's change, not the loser's");
        Assert.That(Scalar($"SELECT row_version FROM jobs WHERE id = '{job}'"), Is.EqualTo(1), "one update went through");
    }

    [Test]
    public async Task A_worker_profile_saved_from_a_stale_tab_is_a_412_and_keeps_the_other_tabs_profile()
    {
        var worker = await SignUp(Role.Worker);
        object Profile(string bio) => new { bio, skills = new[] { "翻訳" }, region = "湯沢", weeklyHours = 10, availability = "平日" };
        var before = ETag(await worker.Http.GetAsync($"/api/workers/{worker.Id}"));

        var first = await Send(worker, HttpMethod.Put, "/api/me/worker-profile", Profile("一つ目のタブ"), before);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        var saved = ETag(first);

        Assert.That(await Refused(await Send(worker, HttpMethod.Put, "/api/me/worker-profile", Profile("二つ目のタブ"), before)), Is.EqualTo("staleETag"));
        var profile = await Ok(await worker.Http.GetAsync($"/api/workers/{worker.Id}"));
        Assert.That(Str(profile["bio"]), Is.EqualTo("一つ目のタブ"));
        await Ok(await Send(worker, HttpMethod.Put, "/api/me/worker-profile", Profile("二つ目のタブ"), saved));
    }

    [Test]
    public async Task A_bank_account_saved_from_a_stale_tab_is_a_412_and_keeps_the_other_account()
    {
        var worker = await SignUp(Role.Worker);
        object Account(string number) => new { bankCode = "0117", branchCode = "001", accountType = "ordinary", accountNumber = number, holderName = "ヤマダ ハナコ" };
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/bank-account", Account("1234567")));
        var read = ETag(await worker.Http.GetAsync("/api/me/bank-account"));

        var saved = ETag(await Send(worker, HttpMethod.Put, "/api/me/bank-account", Account("7654321"), read));
        Assert.That(await Refused(await Send(worker, HttpMethod.Put, "/api/me/bank-account", Account("1111111"), read)), Is.EqualTo("staleETag"));
        Assert.That(Scalar($"SELECT COUNT(*) FROM bank_accounts WHERE worker_id = '{worker.Id}' AND account_number = '7654321'"), Is.EqualTo(1), "nothing changed");
        Assert.That(ETag(await worker.Http.GetAsync("/api/me/bank-account")), Is.EqualTo(saved));
    }

    [Test]
    public async Task A_business_profile_saved_from_a_stale_tab_is_a_412_and_keeps_the_other_setting()
    {
        var business = await SignUp(Role.Business);
        var read = ETag(await business.Http.GetAsync("/api/me/business-profile"));

        var saved = ETag(await Send(business, HttpMethod.Put, "/api/me/business-profile", new { isWithholdingAgent = false }, read));
        Assert.That(await Refused(await Send(business, HttpMethod.Put, "/api/me/business-profile", new { isWithholdingAgent = true }, read)), Is.EqualTo("staleETag"));
        var profile = await Ok(await business.Http.GetAsync("/api/me/business-profile"));
        Assert.That(profile["isWithholdingAgent"]!.GetValue<bool>(), Is.False, "nothing changed");
        Assert.That(profile.ContainsKey("rowVersion"), Is.False, "the version travels as the ETag only");
        await Ok(await Send(business, HttpMethod.Put, "/api/me/business-profile", new { isWithholdingAgent = true }, saved));
    }

    [Test]
    public void If_Match_names_a_version_only_in_its_strong_quoted_form()
    {
        Assert.That(RowVersions.IfMatch(null), Is.Null);
        Assert.That(RowVersions.IfMatch("*"), Is.Null);
        Assert.That(RowVersions.IfMatch("\"7\""), Is.EqualTo(7));
        Assert.That(RowVersions.IfMatch("W/\"7\""), Is.EqualTo(RowVersions.NoVersion));
        Assert.That(RowVersions.IfMatch("7"), Is.EqualTo(RowVersions.NoVersion));
        Assert.That(RowVersions.IfMatch("\"-1\""), Is.EqualTo(RowVersions.NoVersion));
    }
}
