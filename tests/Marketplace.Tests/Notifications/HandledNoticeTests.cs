using System.Net.Http.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// A notice that asks for something is read once it is done, whoever did it: a job's bids once it is awarded, a delivery
/// once it is sent back or the contract closes. A user trial found them unread, and counted on the phone's menu, after the
/// award and the acceptance. What was not done (another job's bids, what the worker was told) stays unread.
/// </summary>
public sealed class HandledNoticeTests : ApiTest
{
    private long Unread(User user, string kind) =>
        Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{user.Id}' AND kind = '{kind}' AND read_at IS NULL");

    [Test]
    public async Task The_bids_notices_are_read_when_the_job_is_awarded_and_a_deliverys_when_it_is_answered()
    {
        var (business, producer, worker, contract) = await BrokeredContract(50_000);
        var job = Str(contract["jobId"]);
        var otherJob = await PostJob(business);
        await PlaceBid(await SignUp(Role.Worker), Id(otherJob));
        Assert.That((Unread(business, "bidReceived"), Unread(producer, "bidReceived")), Is.EqualTo((1L, 0L)),
            "the award read the job's bid notice of the business and of its producer; the other job's stays");
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE kind = 'bidReceived' AND job_id = '{job}' AND read_at IS NULL"), Is.Zero);
        Assert.That(Unread(worker, "bidAwarded"), Is.EqualTo(1), "what the worker was told is hers to read");

        var url = $"/api/contracts/{Id(contract)}";
        await Created(await worker.Http.PostAsJsonAsync($"{url}/submissions", new { message = "初稿です" }));
        Assert.That(Unread(business, "submissionToReview"), Is.EqualTo(1));
        await Ok(await business.Http.PostAsJsonAsync($"{url}/request-revision", new { reason = "表記をそろえてください" }));
        Assert.That(Unread(business, "submissionToReview"), Is.Zero, "sending it back answers the delivery");

        await Created(await worker.Http.PostAsJsonAsync($"{url}/submissions", new { message = "第二稿です" }));
        Assert.That(Unread(business, "submissionToReview"), Is.EqualTo(1));
        await Ok(await business.Http.PostAsync($"{url}/accept", null));
        Assert.That(Unread(business, "submissionToReview"), Is.Zero, "the acceptance closes what there was to review");
        Assert.That(Unread(worker, "workAccepted"), Is.EqualTo(1));
    }
}
