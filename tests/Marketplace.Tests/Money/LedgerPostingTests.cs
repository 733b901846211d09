using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Money;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>The ledger's own rules, through its public posting call: balanced, once per event, no empty lines.</summary>
public sealed class LedgerPostingTests : MoneyTest
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    private static readonly LedgerAccount Business = LedgerAccount.Business("b"), Escrow = LedgerAccount.Escrow("c"),
        EscrowX = LedgerAccount.Escrow("x"), Worker = LedgerAccount.Worker("w");

    [Test]
    public async Task A_posting_must_balance_and_one_that_does_not_writes_nothing()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        await db.InTransactionAsync(async () =>
        {
        Assert.ThrowsAsync<InvalidOperationException>(() =>
            Ledger.PostAsync(db, LedgerEntryKind.EscrowFunded, "unbalanced", null, "d", Now, new(Business, -5), new(Escrow, 4)));
        Assert.That(await Ledger.PostAsync(db, LedgerEntryKind.EscrowFunded, "balanced", null, "d", Now, new(Business, -5), new(Escrow, 5)), Is.True);
            return 0;
        });

        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'unbalanced'"), Is.Zero);
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'balanced'"), Is.EqualTo(1));
        Assert.That(Balance("business:b"), Is.EqualTo(-5));
        Assert.That(Balance("escrow:c"), Is.EqualTo(5));
    }

    [Test]
    public async Task An_event_posts_once_however_often_it_is_told()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        await db.InTransactionAsync(async () =>
        {
        Assert.That(await Ledger.PostAsync(db, LedgerEntryKind.EscrowFunded, "fund:x", null, "first", Now, new(Business, -7), new(EscrowX, 7)), Is.True);
        Assert.That(await Ledger.PostAsync(db, LedgerEntryKind.EscrowFunded, "fund:x", null, "retry", Now, new(Business, -7), new(EscrowX, 7)), Is.False,
            "the second call says it posted nothing");
            return 0;
        });

        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions"), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_entries"), Is.EqualTo(2));
        Assert.That(Balance("escrow:x"), Is.EqualTo(7));
    }

    [Test]
    public async Task Lines_of_zero_yen_are_left_out_and_a_posting_of_only_zeros_is_no_transaction()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        await db.InTransactionAsync(async () =>
        {
        Assert.That(await Ledger.PostAsync(db, LedgerEntryKind.EscrowFunded, "with-zero", null, "d", Now, new(Escrow, -9), new(Worker, 9), new(LedgerAccount.Platform, 0)), Is.True);
        Assert.That(await Ledger.PostAsync(db, LedgerEntryKind.EscrowFunded, "all-zero", null, "d", Now, new(Escrow, 0), new(Worker, 0)), Is.False);
            return 0;
        });

        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_entries"), Is.EqualTo(2));
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_entries WHERE account = 'platform'"), Is.Zero);
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'all-zero'"), Is.Zero);
    }

    [Test]
    public async Task A_posting_stores_its_kind_and_the_accounts_as_the_ledger_has_always_named_them()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        await db.InTransactionAsync(async () =>
            await Ledger.PostAsync(db, LedgerEntryKind.PayoutReturned, "payout-return:p", null, "d", Now,
                new(LedgerAccount.OperatorBank, -3), new(LedgerAccount.Worker("w"), 3)));

        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'payout-return:p' AND kind = 'payoutReturned'"), Is.EqualTo(1));
        Assert.That(Balance("bank:operator"), Is.EqualTo(-3));
        Assert.That(Balance("worker:w"), Is.EqualTo(3));
        Assert.That(new[] { LedgerAccount.Business("b"), LedgerAccount.Escrow("c"), LedgerAccount.Producer("p"), LedgerAccount.Withholding("b"),
                LedgerAccount.Platform, LedgerAccount.PayoutsInTransit, LedgerAccount.BankFees }.Select(a => a.Key),
            Is.EqualTo(new[] { "business:b", "escrow:c", "producer:p", "withholding:b", "platform", "payouts:in-transit", "bank:fees" }));
    }
}
