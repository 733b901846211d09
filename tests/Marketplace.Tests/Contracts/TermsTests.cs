using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Contracts;
using Marketplace.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>The terms notice of Freelance Act art. 3: written at award, immutable, numbered, for the parties only.</summary>
public sealed class TermsTests : DealTest
{
    [Test]
    public async Task Award_writes_version_1_with_every_item_the_law_names()
    {
        var (business, worker, contract) = await Contract(110_000, "design");
        var id = Id(contract);
        var notice = await TermsOf(worker, id);
        var terms = notice["terms"]!;
        Assert.That(terms["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(notice["latestVersion"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(Str(terms["business"]!["id"]), Is.EqualTo(business.Id));
        Assert.That(Str(terms["business"]!["name"]), Is.EqualTo(business.DisplayName));
        Assert.That(Str(terms["worker"]!["id"]), Is.EqualTo(worker.Id));
        Assert.That(terms["producer"]?.GetValueKind(), Is.Null.Or.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(terms["orderedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(contract["createdAt"]!.GetValue<DateTimeOffset>()));
        Assert.That(Str(terms["work"]!["title"]), Is.EqualTo("純米酒のラベルデザイン"));
        Assert.That(Str(terms["work"]!["description"]), Is.EqualTo("雪と稲穂のモチーフで"));
        Assert.That(terms["work"]!["referenceFiles"]!.AsArray(), Is.Empty);
        Assert.That(terms["deliveryDate"]!.GetValue<DateTimeOffset>(), Is.EqualTo(contract["deadline"]!.GetValue<DateTimeOffset>()));
        Assert.That(Str(terms["deliveryPlace"]), Is.Not.Empty);
        Assert.That(terms["inspection"]!["days"]!.GetValue<int>(), Is.EqualTo(7));
        Assert.That(terms["inspection"]!["endsBy"]!.GetValue<DateTimeOffset>(),
            Is.EqualTo(contract["deadline"]!.GetValue<DateTimeOffset>().AddDays(7)));
        Assert.That(terms["amount"]!["total"]!.GetValue<long>(), Is.EqualTo(110_000));
        Assert.That(terms["amount"]!["consumptionTax"]!.GetValue<long>(), Is.EqualTo(10_000), "10/110 of a tax-included amount");
        Assert.That(terms["payment"]!["daysAfterAcceptance"]!.GetValue<int>(), Is.EqualTo(30));
        Assert.That(terms["payment"]!["maxDaysAfterDelivery"]!.GetValue<int>(), Is.EqualTo(60));
        Assert.That(Str(terms["payment"]!["method"]), Does.Contain("escrow").IgnoreCase.And.Contain("bank transfer"));
        Assert.That(terms["fees"]!["platformFee"]!.GetValue<long>(), Is.EqualTo(11_000));
        Assert.That(terms["fees"]!["withholdingTax"]!.GetValue<long>(), Is.EqualTo(11_231));
        Assert.That(terms["fees"]!["workerNet"]!.GetValue<long>(), Is.EqualTo(110_000 - 11_000 - 11_231));
        Assert.That(terms["freeRevisions"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(notice["schedule"]!["deliveredAt"]?.GetValueKind(), Is.Null.Or.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That((await ContractOf(business, id))["termsVersion"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That((await TermsOf(business, id, 1))["terms"]!["version"]!.GetValue<int>(), Is.EqualTo(1));
        await Problem(await business.Http.GetAsync($"/api/contracts/{id}/terms/2"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_terms_name_the_jobs_reference_files_as_they_stood_at_the_order()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var file = await Created(await business.Http.Upload(Uploads.Pdf, "仕様書.pdf"));
        var job = await PostJob(business, new
        {
            title = "ラベルのデザイン", description = "仕様書のとおりに", category = "design", budgetMin = 1, budgetMax = 100_000,
            deadline = DateTimeOffset.UtcNow.AddDays(20), fileIds = new[] { Id(file) },
        });
        var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), 50_000)));
        var terms = (await TermsOf(worker, Id(contract)))["terms"]!;
        Assert.That(terms["work"]!["referenceFiles"]!.AsArray().Select(f => Str(f)),
            Is.EqualTo(new[] { $"仕様書.pdf (sha256 {Str(file["sha256"])[..12]})" }));
    }

    [Test]
    public async Task A_brokered_contract_names_its_producer_who_reads_the_terms_and_a_stranger_gets_404()
    {
        var (_, producer, _, contract) = await BrokeredContract(50_000);
        var terms = (await TermsOf(producer, Id(contract)))["terms"]!;
        Assert.That(Str(terms["producer"]!["id"]), Is.EqualTo(producer.Id));
        Assert.That(terms["fees"]!["producerFee"]!.GetValue<long>(), Is.EqualTo(2_500));
        Assert.That(terms["fees"]!["escrowTotal"]!.GetValue<long>(), Is.EqualTo(52_500));
        foreach (var stranger in new[] { await SignUp(Role.Business), await SignUp(Role.Worker), await SignUp(Role.Producer) })
        {
            await Problem(await stranger.Http.GetAsync($"/api/contracts/{Id(contract)}/terms"), HttpStatusCode.NotFound);
            await Problem(await stranger.Http.GetAsync($"/api/contracts/{Id(contract)}/terms/1"), HttpStatusCode.NotFound);
        }
    }

    [Test]
    public async Task Terms_versions_can_be_neither_changed_nor_deleted()
    {
        var (_, _, contract) = await Contract(10_000);
        using var connection = App.OpenDatabase();
        using var command = connection.CreateCommand();
        foreach (var sql in new[] { "UPDATE contract_terms SET terms = '{}'", "DELETE FROM contract_terms" })
        {
            command.CommandText = sql;
            Assert.That(() => command.ExecuteNonQuery(), Throws.InstanceOf<System.Data.Common.DbException>().With.Message.Contains("immutable"), sql);
        }
        Assert.That(Scalar($"SELECT COUNT(*) FROM contract_terms WHERE contract_id = '{Id(contract)}'"), Is.EqualTo(1));
    }

    [Test]
    public async Task The_schedule_shows_the_delivery_and_the_latest_payment_date_the_law_allows()
    {
        var (_, worker, contract) = await Contract(10_000);
        await Submit(worker, Id(contract));
        var schedule = (await TermsOf(worker, Id(contract)))["schedule"]!;
        Assert.That(schedule["deliveredAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Time.GetUtcNow()).Within(TimeSpan.FromSeconds(1)));
        Assert.That(Str(schedule["latestPaymentOn"]), Is.EqualTo(Day(JapanDay(Time.GetUtcNow()).AddDays(59))), "the day of receipt is day 1 of 60");
        Assert.That(schedule["inspectionEndsAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Time.GetUtcNow().AddDays(7)).Within(TimeSpan.FromSeconds(1)));
        Assert.That(Scalar($"SELECT COUNT(*) FROM contract_payment_dates WHERE contract_id = '{Id(contract)}' AND latest_payment_on IS NOT NULL"),
            Is.EqualTo(1), "the payouts read the date from one view");
    }
}
