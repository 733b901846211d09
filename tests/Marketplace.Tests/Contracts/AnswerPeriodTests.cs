using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Contracts;
using Marketplace.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

public sealed class AnswerPeriodTests : DealTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!) { ["Disputes:AnswerDays"] = "10" };

    [Test]
    public async Task The_contract_tells_the_client_how_long_the_other_party_has_to_answer_a_cancellation()
    {
        var (business, _, contract) = await Contract(30_000, "design");
        Assert.That((await Detail(business, Id(contract)))["cancellationAnswerDays"]!.GetValue<int>(), Is.EqualTo(10));
    }
}
