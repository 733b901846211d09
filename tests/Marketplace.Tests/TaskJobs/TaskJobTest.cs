using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;
using Marketplace.TaskJobs;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>Task jobs on the fixture's clock: posting, taking, answering and reviewing through the API.</summary>
public abstract class TaskJobTest : DealTest
{
    protected static readonly object[] TwoFields =
    [
        new { label = "説明文", kind = "text", maxLength = 50 },
        new { label = "画像は商品と合っているか", kind = "choice", options = new[] { "はい", "いいえ" } },
    ];

    protected async Task<HttpResponseMessage> TryPost(User business, int? items = 30, long price = 100, int cap = 100, string? csv = null,
        string instructions = "商品ページを見て、説明文を50字以内で書いてください。", string category = "dataEntry", TimeSpan? deadlineIn = null,
        object[]? fields = null) =>
        await business.Http.PostAsJsonAsync("/api/task-jobs", new
        {
            title = "商品説明文のタスク", instructions, category, deadline = Time.GetUtcNow() + (deadlineIn ?? TimeSpan.FromDays(7)),
            pricePerItem = price, itemCount = items, itemsCsv = csv, perWorkerCap = cap, fields = fields ?? TwoFields,
        });

    protected async Task<string> Post(User business, int items = 30, long price = 100, int cap = 100, string category = "dataEntry",
        TimeSpan? deadlineIn = null) =>
        Str((await Created(await TryPost(business, items, price, cap, category: category, deadlineIn: deadlineIn)))["jobId"]);

    protected async Task<JsonObject> Take(User worker, string jobId) => await Ok(await worker.Http.PostAsync($"/api/task-jobs/{jobId}/take", null));

    protected static Task<HttpResponseMessage> TryAnswer(User worker, string itemId, params string?[] answers) =>
        worker.Http.PostAsJsonAsync($"/api/task-items/{itemId}/submission", new { answers });

    /// <summary>The worker takes the next item and answers it: the submission's id.</summary>
    protected async Task<string> Do(User worker, string jobId)
    {
        var item = await Take(worker, jobId);
        return Id(await Created(await TryAnswer(worker, Id(item), "天然木のまな板。食洗機は不可。", "はい")));
    }

    protected static Task<HttpResponseMessage> Approve(User business, string submissionId) =>
        business.Http.PostAsync($"/api/task-submissions/{submissionId}/approve", null);

    protected static Task<HttpResponseMessage> Reject(User business, string submissionId, string reason = "説明文が商品と違います") =>
        business.Http.PostAsJsonAsync($"/api/task-submissions/{submissionId}/reject", new { reason });

    protected async Task<JsonObject> TaskJob(User user, string jobId) => await Ok(await user.Http.GetAsync($"/api/task-jobs/{jobId}"));

    protected long Events(string type) => Scalar($"SELECT COUNT(*) FROM events WHERE type = '{type}'");

    /// <summary>The task jobs' clock runs once at the fixture's time: the answers it approved.</summary>
    protected Task<int> RunClock() => App.Services.GetRequiredService<TaskJobClock>().RunOnceAsync();
}
