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

    /// <summary>A business with a bid's notification, then <paramref name="messages"/> messages from the worker it awarded.</summary>
    private async Task<(User Business, User Worker, string ContractId)> BusyBusiness(int messages)
    {
        var (business, worker, contract) = await AwardedContract();
        for (var i = 1; i <= messages; i++)
            await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/messages", new { body = $"{i}通目" }));
        return (business, worker, Id(contract));
    }

    [Test]
    public async Task An_unread_notification_below_the_newest_50_is_on_an_older_page_and_among_the_unread()
    {
        var (business, _, _) = await BusyBusiness(55);
        var first = await List(business);
        Assert.That(first["items"]!.AsArray(), Has.Count.EqualTo(50));
        Assert.That(Kinds(first), Has.All.EqualTo("messageReceived"));
        Assert.That(first["unreadCount"]!.GetValue<int>(), Is.EqualTo(56), "the bid's and 55 messages'");

        var older = await List(business, $"?cursor={Str(first["nextCursor"])}");
        Assert.That(Kinds(older), Is.EqualTo(Enumerable.Repeat("messageReceived", 5).Append("bidReceived")));
        Assert.That(older["nextCursor"], Is.Null, "the last page");
        var ids = first["items"]!.AsArray().Concat(older["items"]!.AsArray()).Select(n => Str(n!["id"])).ToArray();
        Assert.That(ids, Is.Unique.And.Ordered.Descending);

        // Messages read in their thread read their notifications: only the bid's is left, found among the unread.
        var messages = (await Ok(await business.Http.GetAsync($"/api/contracts/{Str(first["items"]![0]!["contractId"])}/messages?newestFirst=true")))["items"]!;
        await Ok(await business.Http.PostAsJsonAsync($"/api/contracts/{Str(first["items"]![0]!["contractId"])}/messages/read", new { upTo = Id(messages[0]!.AsObject()) }));
        var unread = await List(business, "?unread=true");
        Assert.That(Kinds(unread), Is.EqualTo(new[] { "bidReceived" }));
        Assert.That(unread["unreadCount"]!.GetValue<int>(), Is.EqualTo(1));
        await Problem(await business.Http.GetAsync("/api/notifications?cursor=not-a-cursor"), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Marking_all_read_reads_what_the_reader_was_shown_and_not_what_arrived_since_nor_anyone_elses()
    {
        var (business, worker, contract) = await BusyBusiness(3);
        var shown = await List(business);
        var newest = Str(shown["items"]![0]!["id"]);
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{contract}/messages", new { body = "追伸" }));
        await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{contract}/messages", new { body = "了解です" }));

        var answer = await Ok(await business.Http.PostAsJsonAsync("/api/notifications/read", new { upTo = newest }));
        Assert.That(answer["unreadCount"]!.GetValue<int>(), Is.EqualTo(1), "the message that arrived after the page was shown");
        Assert.That(Kinds(await List(business, "?unread=true")), Is.EqualTo(new[] { "messageReceived" }));
        Assert.That((await List(worker))["unreadCount"]!.GetValue<int>(), Is.EqualTo(2), "the worker's (its award, the business's reply) are its own");

        var refused = await Problem(await worker.Http.PostAsJsonAsync("/api/notifications/read", new { upTo = newest }), HttpStatusCode.BadRequest);
        Assert.That(refused["errors"]!["upTo"], Is.Not.Null, "another's notification is not the worker's to read");
        Assert.That((await List(worker))["unreadCount"]!.GetValue<int>(), Is.EqualTo(2));
        await Problem(await business.Http.PostAsJsonAsync("/api/notifications/read", new { upTo = "" }), HttpStatusCode.BadRequest);
    }
}
