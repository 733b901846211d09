using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// A host serves many tests; each test starts as if on a new one. Each test here plays an earlier test, resets as the
/// next test's set-up does, and checks that nothing of the earlier one shows.
/// </summary>
public sealed class TestDatabaseTests : ApiTest
{
    [Test]
    public async Task A_reset_puts_the_database_back_to_the_template_and_empties_the_files_folder_while_the_app_runs()
    {
        var worker = await SignUp(Role.Worker);
        await Created(await worker.Http.Upload(Uploads.Pdf, "見積.pdf"));
        Assert.That(Scalar("SELECT COUNT(*) FROM users"), Is.EqualTo(1));
        Assert.That(Directory.EnumerateFiles(App.Database.FilesFolder, "*", SearchOption.AllDirectories), Is.Not.Empty);

        App.Database.Reset();

        Assert.That(Scalar("SELECT COUNT(*) FROM users"), Is.Zero);
        Assert.That(Scalar("SELECT COUNT(*) FROM files"), Is.Zero);
        Assert.That(Directory.Exists(App.Database.FilesFolder), Is.False);
        await Problem(await worker.Http.GetAsync("/api/me"), System.Net.HttpStatusCode.Unauthorized);
        await SignUp(Role.Worker);
        Assert.That(Scalar("SELECT COUNT(*) FROM users"), Is.EqualTo(1), "the app goes on, on the clean database");
    }

    [Test]
    public async Task A_search_ranks_by_its_own_tests_jobs_not_by_counts_from_an_earlier_test()
    {
        // An earlier test: five open jobs say 翻訳 in their description, and a search counts them.
        var earlier = await SignUp(Role.Business);
        for (var i = 0; i < 5; i++) await PostJob(earlier, NewJob(title: "別件 " + i, description: "翻訳"));
        await Ok(await Browser().GetAsync("/api/jobs?q=" + Uri.EscapeDataString("翻訳")));

        App.Database.Reset();

        // With the earlier count of five on a board of two, BM25's idf turns negative and the title match would rank last.
        var business = await SignUp(Role.Business);
        await PostJob(business, NewJob(title: "商品説明の作成", description: "翻訳を含む"));
        await PostJob(business, NewJob(title: "翻訳", description: "英語から"));
        var found = await Ok(await Browser().GetAsync("/api/jobs?q=" + Uri.EscapeDataString("翻訳")));
        Assert.That(found["items"]!.AsArray().Select(j => Str(j!["title"])), Is.EqualTo(new[] { "翻訳", "商品説明の作成" }));
    }
}
