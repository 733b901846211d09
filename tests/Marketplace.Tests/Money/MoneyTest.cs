using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Accounts;
using Marketplace.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

public abstract class MoneyTest : ApiTest
{
    protected long Balance(string account) => Scalar($"SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE account = '{account}'");

    /// <summary>
    /// The descriptions of the user's statement lines, oldest first: integrations read them (the description stays English,
    /// as the ledger wrote it), so each names what moved the money.
    /// </summary>
    protected static async Task<string[]> StatementLines(User user) =>
        (await Ok(await user.Http.GetAsync("/api/me/statement")))["entries"]!.AsArray().Select(e => Str(e!["description"])).ToArray();

    protected async Task<JsonObject> Settlement(User user, string contractId) =>
        await Ok(await user.Http.GetAsync($"/api/contracts/{contractId}/settlement"));

    protected async Task<(User Business, User Worker, JsonObject Contract)> Contract(long amount, string category = "design",
        bool agent = true, bool individual = true)
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = agent }));
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills = new[] { category }, region = "秋田県湯沢市", weeklyHours = 20, availability = "", isIndividual = individual }));
        var job = await PostJob(business, NewJob(category: category, budgetMin: 1, budgetMax: Math.Max(amount, 1)));
        var bid = await PlaceBid(worker, Id(job), amount: amount);
        return (business, worker, await Award(business, Id(job), Id(bid)));
    }

    protected async Task Deliver(User business, User worker, string contractId)
    {
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{contractId}/submissions", new { message = "納品" }));
        await Ok(await business.Http.PostAsync($"/api/contracts/{contractId}/accept", null));
    }
}
