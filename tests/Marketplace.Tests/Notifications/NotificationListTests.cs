using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// The notifications page, 50 at a time: an unread notification pushed below the newest 50 by a busy thread can still be
/// found (older pages, or the unread only) and cleared ("mark all read" up to what the reader was shown).
/// </summary>
public sealed class NotificationListTests : ApiTest
{
    private static async Task<JsonObject> List(User user, string query = "") => await Ok(await user.Http.GetAsync($"/api/notifications{query}"));

    private static string[] Kinds(JsonObject page) => page["items"]!.AsArray().Select(n => Str(n!["kind"])).ToArray();

    /// <summary>A business whose job drew <paramref name="bids"/> bids, each a notice: the bids' notices, oldest first.</summary>
    private async Task<(User Business, string[] Notices)> BusyBusiness(int bids)
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business);
        for (var i = 0; i < bids; i++) await PlaceBid(await SignUp(Role.Worker), Id(job), amount: 40_000 + i);
        var all = new List<string>();
        string? cursor = null;
        do
        {
            var page = await List(business, cursor is null ? "" : $"?cursor={cursor}");
            all.AddRange(page["items"]!.AsArray().Select(n => Str(n!["id"])));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        all.Reverse();
        return (business, [.. all]);
    }

    [Test]
    public async Task An_unread_notification_below_the_newest_50_is_on_an_older_page_and_among_the_unread()
    {
        var (business, notices) = await BusyBusiness(55);
        Assert.That(notices, Has.Length.EqualTo(55).And.Unique.And.Ordered.Ascending, "every notice once, over the pages, newest first");
        var first = await List(business);
        Assert.That(first["items"]!.AsArray(), Has.Count.EqualTo(50));
        Assert.That(first["unreadCount"]!.GetValue<int>(), Is.EqualTo(55));
        var older = await List(business, $"?cursor={Str(first["nextCursor"])}");
        Assert.That(older["items"]!.AsArray().Select(n => Str(n!["id"])), Is.EqualTo(notices[..5].Reverse()));
        Assert.That(older["nextCursor"], Is.Null, "the last page");

        // The 54 newest read one by one: the oldest, unread, is the one the unread list shows.
        foreach (var id in notices[1..]) await business.Http.PostAsync($"/api/notifications/{id}/read", null);
        var unread = await List(business, "?unread=true");
        Assert.That(unread["items"]!.AsArray().Select(n => Str(n!["id"])), Is.EqualTo(new[] { notices[0] }));
        Assert.That(unread["unreadCount"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(Kinds(unread), Is.EqualTo(new[] { "bidReceived" }));
        await Problem(await business.Http.GetAsync("/api/notifications?cursor=not-a-cursor"), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Marking_all_read_reads_what_the_reader_was_shown_and_not_what_arrived_since_nor_anyone_elses()
    {
        var (business, notices) = await BusyBusiness(3);
        var (other, _) = await BusyBusiness(1);
        var job = Str((await List(business))["items"]![0]!["jobId"]);
        await PlaceBid(await SignUp(Role.Worker), job, amount: 45_000);

        var answer = await Ok(await business.Http.PostAsJsonAsync("/api/notifications/read", new { upTo = notices[^1] }));
        Assert.That(answer["unreadCount"]!.GetValue<int>(), Is.EqualTo(1), "the bid that arrived after the page was shown");
        Assert.That((await List(business, "?unread=true"))["items"]!.AsArray().Select(n => Str(n!["id"])), Has.None.AnyOf(notices));

        var refused = await Problem(await other.Http.PostAsJsonAsync("/api/notifications/read", new { upTo = notices[^1] }), HttpStatusCode.BadRequest);
        Assert.That(refused["errors"]!["upTo"], Is.Not.Null, "another's notification is not its to read");
        Assert.That((await List(other))["unreadCount"]!.GetValue<int>(), Is.EqualTo(1), "its own stays unread");
        await Problem(await business.Http.PostAsJsonAsync("/api/notifications/read", new { upTo = "" }), HttpStatusCode.BadRequest);
    }
}
