using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Accounts;
using Marketplace.Platform;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// Every administrator action is recorded (who, when, what, from which address) with the action, append-only.
/// The app runs on Kestrel so that requests come from a real socket and the recorded address is the one ASP.NET sees.
/// </summary>
public sealed class AuditTests : MoneyTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Money:AutoConfirmPayments"] = "false" };

    protected override bool RealServer => true;

    [SetUp]
    public void FindServer()
    {
        App.StartServer();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        ServerAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
    }


    private async Task<(string ContractId, string PaymentId)> PendingTransfer(long amount)
    {
        var (business, _, contract) = await Contract(amount);
        return (Id(contract), Str((await Settlement(business, Id(contract)))["paymentId"]));
    }

    private static async Task<JsonObject> Trail(User user, string query = "") => await Ok(await user.Http.GetAsync("/api/admin/audit" + query));

    [Test]
    public async Task Confirming_a_payment_is_recorded_with_who_when_what_and_from_which_address()
    {
        var admin = await Administrator("湯沢市 事務局");
        var (contractId, paymentId) = await PendingTransfer(30_000);
        var before = DateTimeOffset.UtcNow;
        Assert.That((await admin.Http.PostAsync($"/api/payments/{paymentId}/confirm", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var entry = (await Trail(admin))["items"]!.AsArray().Single()!;
        Assert.That(Str(entry["administratorId"]), Is.EqualTo(admin.Id));
        Assert.That(Str(entry["administratorName"]), Is.EqualTo("湯沢市 事務局"));
        Assert.That(entry["createdAt"]!.GetValue<DateTimeOffset>(), Is.InRange(before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1)));
        Assert.That(Str(entry["action"]), Is.EqualTo("confirmPayment"));
        Assert.That(Str(entry["objectId"]), Is.EqualTo(paymentId));
        Assert.That(Str(entry["detail"]!["contractId"]), Is.EqualTo(contractId));
        Assert.That(entry["detail"]!["amount"]!.GetValue<long>(), Is.EqualTo(30_000 - 3_063),
            "the transfer: the amount less the 10.21% the business withholds and remits itself");
        Assert.That(entry["clientAddress"]?.GetValue<string>(), Is.EqualTo("127.0.0.1"), "the client's address as ASP.NET sees it");

        // A refused action is no action: the second confirmation (409) leaves no record.
        await Problem(await admin.Http.PostAsync($"/api/payments/{paymentId}/confirm", null), HttpStatusCode.Conflict);
        Assert.That(Scalar("SELECT COUNT(*) FROM audit_entries"), Is.EqualTo(1));
    }

    [Test]
    public async Task Only_administrators_read_the_audit_trail()
    {
        var admin = await Administrator("湯沢市 事務局");
        var (_, paymentId) = await PendingTransfer(10_000);
        await admin.Http.PostAsync($"/api/payments/{paymentId}/confirm", null);
        foreach (var role in new[] { Role.Business, Role.Worker, Role.Producer })
            await Problem(await (await SignUp(role)).Http.GetAsync("/api/admin/audit"), HttpStatusCode.Forbidden);
        Assert.That((await Browser().GetAsync("/api/admin/audit")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task The_trail_is_newest_first_in_keyset_pages()
    {
        var admin = await Administrator("湯沢市 事務局");
        var confirmed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (_, paymentId) = await PendingTransfer(10_000 + i);
            Assert.That((await admin.Http.PostAsync($"/api/payments/{paymentId}/confirm", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            confirmed.Add(paymentId);
        }
        var first = await Trail(admin, "?limit=2");
        Assert.That(first["items"]!.AsArray().Select(e => Str(e!["objectId"])), Is.EqualTo(new[] { confirmed[2], confirmed[1] }));
        var second = await Trail(admin, $"?limit=2&cursor={Str(first["nextCursor"])}");
        Assert.That(second["items"]!.AsArray().Select(e => Str(e!["objectId"])), Is.EqualTo(new[] { confirmed[0] }));
        Assert.That(second["nextCursor"], Is.Null);
        await Problem(await admin.Http.GetAsync("/api/admin/audit?cursor=not-ours"), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task An_action_whose_record_cannot_be_written_does_not_happen()
    {
        var admin = await Administrator("湯沢市 事務局");
        var (contractId, paymentId) = await PendingTransfer(20_000);
        // The trail's disk is full, say: the record fails after the confirmation was written in the same transaction.
        // (The trigger is schema: on PostgreSQL a reset keeps it, so the test removes it; SQLite's reset copies the template.)
        Execute(TestDatabase.Engine == Marketplace.Platform.DatabaseEngine.Postgres
            ? """
              CREATE FUNCTION test_audit_fails() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no room'; END $$;
              CREATE TRIGGER tr_test_audit_fails BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION test_audit_fails();
              """
            : "CREATE TRIGGER tr_test_audit_fails BEFORE INSERT ON audit_entries BEGIN SELECT RAISE(ABORT, 'no room'); END;");
        HttpResponseMessage response;
        try
        {
            response = await admin.Http.PostAsync($"/api/payments/{paymentId}/confirm", null);
        }
        finally
        {
            Execute(TestDatabase.Engine == Marketplace.Platform.DatabaseEngine.Postgres
                ? "DROP TRIGGER tr_test_audit_fails ON audit_entries; DROP FUNCTION test_audit_fails();"
                : "DROP TRIGGER tr_test_audit_fails;");
        }
        Assert.That((int)response.StatusCode, Is.EqualTo(500), await response.Content.ReadAsStringAsync());

        Assert.That(Scalar($"SELECT COUNT(*) FROM payments WHERE id = '{paymentId}' AND status = 'pending'"), Is.EqualTo(1), "still pending");
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_entries"), Is.Zero, "no escrow was funded");
        Assert.That(Scalar($"SELECT COUNT(*) FROM contracts WHERE id = '{contractId}' AND funded_at IS NULL"), Is.EqualTo(1));
    }

    [Test]
    public async Task Audit_records_cannot_be_changed_or_deleted()
    {
        var admin = await Administrator("湯沢市 事務局");
        var (_, paymentId) = await PendingTransfer(10_000);
        await admin.Http.PostAsync($"/api/payments/{paymentId}/confirm", null);
        Assert.That(Scalar("SELECT COUNT(*) FROM audit_entries"), Is.EqualTo(1));

        using var connection = App.OpenDatabase();
        using var command = connection.CreateCommand();
        foreach (var sql in new[] { "UPDATE audit_entries SET client_address = '10.0.0.1'", "UPDATE audit_entries SET detail = '{}'", "DELETE FROM audit_entries" })
        {
            command.CommandText = sql;
            Assert.That(() => command.ExecuteNonQuery(), Throws.InstanceOf<System.Data.Common.DbException>().With.Message.Contains("append-only"), sql);
        }
        Assert.That(Scalar("SELECT COUNT(*) FROM audit_entries WHERE client_address = '127.0.0.1'"), Is.EqualTo(1));
    }

    private void Execute(string sql)
    {
        using var connection = App.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
