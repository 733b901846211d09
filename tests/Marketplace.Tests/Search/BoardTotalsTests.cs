using System.Net.Http.Json;
using Dapper;
using Marketplace.Contracts;
using Marketplace.Platform;
using Marketplace.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// Issue 28: BM25's corpus statistics (the open board's jobs and their title and description tokens) are one row kept
/// at write time (migration 0046), so ranking reads one row instead of adding up every open job's text. The row must
/// always equal a recount from the stored tokens, whatever moves a job on or off the board.
/// </summary>
public sealed class BoardTotalsTests : DealTest
{
    // An award lapses (and its job opens again) only while its payment into escrow is unconfirmed.
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!) { ["Money:AutoConfirmPayments"] = "false" };

    /// <summary>The row ranking reads, as the open jobs and their tokens in all.</summary>
    private (long Jobs, long Tokens) Kept()
    {
        using var connection = App.OpenDatabase();
        return connection.QuerySingle<(long, long)>("SELECT t.jobs, t.token_count FROM job_board_totals t");
    }

    /// <summary>The same, counted again from the open jobs' stored token strings.</summary>
    private (long Jobs, long Tokens) Recount()
    {
        using var connection = App.OpenDatabase();
        var open = connection.Query<(string Title, string Body)>(
            "SELECT s.title, s.body FROM job_search s JOIN jobs j ON j.id = s.job_id WHERE j.status = 'open'").ToList();
        return (open.Count, open.Sum(j => (long)SearchText.TokenCount(j.Title) + SearchText.TokenCount(j.Body)));
    }

    private void AssertTotalsAreARecount(string after)
    {
        var recount = Recount();
        Assert.That(Kept(), Is.EqualTo(recount), $"after {after}");
    }

    [Test]
    public async Task The_board_totals_equal_a_recount_after_posting_closing_reopening_and_deleting_jobs()
    {
        AssertTotalsAreARecount("nothing");
        Assert.That(Kept(), Is.EqualTo((0L, 0L)));
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var other = await SignUp(Role.Worker);
        var awarded = Id(await PostJob(business, new
        {
            title = "酒蔵のラベルデザイン", description = "純米酒の新しいラベル logo design", category = "design", budgetMin = 1, budgetMax = 100_000,
            deadline = Time.GetUtcNow().AddDays(60),
        }));
        var cancelled = Id(await PostJob(business, NewJob(title: "観光案内の翻訳", description: "英語へ")));
        await Created(await business.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "会員限定の文字起こし", description = "60分の録音", category = "transcription", budgetMin = 1000, budgetMax = 2000,
            deadline = Time.GetUtcNow().AddDays(5), membersOnly = true,
        }));
        var deleted = Id(await PostJob(business, NewJob(title: "データ入力", description: "名簿の整理")));
        AssertTotalsAreARecount("posting four jobs, one members-only");
        Assert.That(Kept().Jobs, Is.EqualTo(4));

        var contract = await Award(business, awarded, Id(await PlaceBid(worker, awarded, 50_000)));
        await PlaceBid(other, cancelled);
        AssertTotalsAreARecount("an award");
        Assert.That(Kept().Jobs, Is.EqualTo(3));
        await Ok(await business.Http.PostAsync($"/api/jobs/{cancelled}/cancel", null));
        AssertTotalsAreARecount("a cancellation");

        // The award's payment does not arrive: the award lapses and the job opens again.
        var request = await Ok(await business.Http.GetAsync($"/api/contracts/{Id(contract)}/payment-request"));
        var lapsesOn = DateOnly.Parse(Str(request["lapsesOn"]));
        Time.Advance(new DateTimeOffset(lapsesOn.ToDateTime(TimeOnly.MinValue), JapanTime.Offset).AddMinutes(1) - Time.GetUtcNow());
        Assert.That((await App.Services.GetRequiredService<AwardPaymentClock>().RunOnceAsync()).Lapsed, Is.EqualTo(1));
        Assert.That(Scalar($"SELECT COUNT(*) FROM jobs WHERE id = '{awarded}' AND status = 'open'"), Is.EqualTo(1));
        AssertTotalsAreARecount("reopening a job");
        Assert.That(Kept().Jobs, Is.EqualTo(3));

        // A job leaves the board index with its search row (the API never deletes one: as a database repair would), and
        // comes back when start-up indexes the jobs that have none.
        using (var connection = App.OpenDatabase())
            connection.Execute("DELETE FROM job_search WHERE job_id = @Id", new { Id = deleted });
        AssertTotalsAreARecount("deleting a search row");
        Assert.That(Kept().Jobs, Is.EqualTo(2));
        Assert.That(await JobSearchIndex.BackfillAsync(App.Services.GetRequiredService<Db>()), Is.EqualTo(1));
        AssertTotalsAreARecount("indexing it again");
        Assert.That(Kept().Jobs, Is.EqualTo(3));
    }

    [Test]
    public async Task A_job_funded_onto_the_board_and_one_deleted_from_it_move_the_totals()
    {
        var business = await SignUp(Role.Business);
        var job = Id(await PostJob(business, NewJob(title: "ロゴ制作", description: "道の駅のロゴ")));
        var waiting = Id(await PostJob(business, NewJob(title: "商品ページの文章", description: "りんごの紹介")));
        // A job waiting for its escrow is off the board until funded (task jobs and contests wait so, 0034).
        using (var connection = App.OpenDatabase())
            connection.Execute("UPDATE jobs SET status = 'unfunded' WHERE id = @Id", new { Id = waiting });
        AssertTotalsAreARecount("a job waiting for its escrow");
        Assert.That(Kept().Jobs, Is.EqualTo(1));
        using (var connection = App.OpenDatabase())
            connection.Execute("UPDATE jobs SET status = 'open' WHERE id = @Id AND status = 'unfunded'", new { Id = waiting });
        AssertTotalsAreARecount("funding it");
        Assert.That(Kept().Jobs, Is.EqualTo(2));

        // A job erased with its search row, as a database repair would.
        using (var connection = App.OpenDatabase())
        {
            connection.Execute("DELETE FROM job_search WHERE job_id = @Id", new { Id = job });
            connection.Execute("DELETE FROM jobs WHERE id = @Id", new { Id = job });
        }
        AssertTotalsAreARecount("deleting a job");
        Assert.That(Kept().Jobs, Is.EqualTo(1));
    }
}
