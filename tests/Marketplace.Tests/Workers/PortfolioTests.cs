using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// A worker's portfolio: files it uploaded and chose to show (<c>portfolioFileIds</c> on its profile), read with the
/// profile by everyone signed in, never by visitors, and no file that is attached to anything else.
/// </summary>
public sealed class PortfolioTests : ApiTest
{
    private ManualClock Time { get; set; } = new();

    protected override TimeProvider? Clock => Time;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Auth:SessionIdleHours"] = "10000", ["Auth:SessionLifetimeDays"] = "365",
    };

    [TearDown]
    public void NewClock() => Time = new ManualClock();

    private async Task Sweep()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new Marketplace.Files.SweepFiles.Command());
    }

    private static object Profile(string[]? portfolio) => new
    {
        bio = "ラベルのデザインをしています", skills = new[] { "デザイン" }, region = "秋田県湯沢市", weeklyHours = 10, availability = "平日",
        portfolioFileIds = portfolio,
    };

    private static Task<HttpResponseMessage> Save(User worker, params string[]? portfolio) =>
        worker.Http.PutAsJsonAsync("/api/me/worker-profile", Profile(portfolio));

    private static string[] Names(JsonObject profile) => profile["portfolio"]!.AsArray().Select(f => Str(f!["name"])).ToArray();

    [Test]
    public async Task A_worker_shows_chosen_files_on_its_profile_and_signed_in_people_open_them()
    {
        var worker = await SignUp(Role.Worker);
        var label = Id(await Created(await worker.Http.Upload(Uploads.Png, "酒ラベル.png")));
        var leaflet = Id(await Created(await worker.Http.Upload(Uploads.Pdf, "観光チラシ.pdf")));
        var saved = await Ok(await Save(worker, label, leaflet));
        Assert.That(Names(saved), Is.EqualTo(new[] { "酒ラベル.png", "観光チラシ.pdf" }));
        Assert.That(Str(saved["portfolio"]![0]!["contentType"]), Is.EqualTo("image/png"), "an image, which the page previews");

        var business = await SignUp(Role.Business);
        Assert.That(Names(await Ok(await business.Http.GetAsync($"/api/workers/{worker.Id}"))), Is.EqualTo(new[] { "酒ラベル.png", "観光チラシ.pdf" }));
        foreach (var reader in new[] { business, await SignUp(Role.Producer), await SignUp(Role.Worker) })
        {
            var download = await reader.Http.GetAsync($"/api/files/{label}?inline=1");
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(download.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("inline"));
        }
        // A visitor reads no profile, and so no portfolio.
        await Problem(await Browser().GetAsync($"/api/files/{label}"), HttpStatusCode.NotFound);

        // Left out, the portfolio stays; a new list replaces it, and a file taken out is swept like any unattached upload.
        Assert.That(Names(await Ok(await Save(worker, null))), Has.Length.EqualTo(2));
        Assert.That(Names(await Ok(await Save(worker, leaflet))), Is.EqualTo(new[] { "観光チラシ.pdf" }));
        await Problem(await business.Http.GetAsync($"/api/files/{label}"), HttpStatusCode.NotFound);
        Time.Advance(TimeSpan.FromDays(2));
        await Sweep();
        Assert.That(Scalar($"SELECT COUNT(*) FROM files WHERE id = '{label}'"), Is.Zero, "taken out, it is swept");
        Assert.That(Scalar($"SELECT COUNT(*) FROM files WHERE id = '{leaflet}'"), Is.EqualTo(1), "in the portfolio, it stays however old");
    }

    [Test]
    public async Task Only_the_workers_own_files_attached_to_nothing_else_and_at_most_twelve()
    {
        var worker = await SignUp(Role.Worker);
        var business = await SignUp(Role.Business);
        var theirs = Id(await Created(await business.Http.Upload(Uploads.Png, "他人の画像.png")));
        var problem = await Problem(await Save(worker, theirs), HttpStatusCode.BadRequest);
        Assert.That(Str(problem["errorCodes"]!["portfolioFileIds"]![0]!["code"]), Is.EqualTo("fileNotAttachable"));

        // A file already sent in a message (a client's confidential work, perhaps) cannot be shown.
        var (contractBusiness, contractWorker, contract) = await AwardedContract();
        var delivered = Id(await Created(await contractWorker.Http.Upload(Uploads.Png, "納品物.png")));
        await Created(await contractWorker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/messages", new { body = "途中経過", fileIds = new[] { delivered } }));
        await Problem(await Save(contractWorker, delivered), HttpStatusCode.BadRequest);
        await Problem(await contractBusiness.Http.PutAsJsonAsync("/api/me/worker-profile", Profile([])), HttpStatusCode.Forbidden);

        var many = new List<string>();
        for (var i = 0; i < 13; i++) many.Add(Id(await Created(await worker.Http.Upload(Uploads.Png, $"作品{i}.png"))));
        var tooMany = await Problem(await Save(worker, many.ToArray()), HttpStatusCode.BadRequest);
        Assert.That(Str(tooMany["errorCodes"]!["portfolioFileIds"]![0]!["code"]), Is.EqualTo("tooManyFiles"));
        Assert.That(Names(await Ok(await Save(worker, many.Take(12).ToArray()))), Has.Length.EqualTo(12));
    }
}
