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

    [Test]
    public async Task A_posting_must_balance_and_one_that_does_not_writes_nothing()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        await db.InTransactionAsync(async () =>
        {
        Assert.ThrowsAsync<InvalidOperationException>(() =>
            Escrow.PostAsync(db, "unbalanced", null, "d", Now, ("business:b", -5), ("escrow:c", 4)));
        Assert.That(await Escrow.PostAsync(db, "balanced", null, "d", Now, ("business:b", -5), ("escrow:c", 5)), Is.True);
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
        Assert.That(await Escrow.PostAsync(db, "fund:x", null, "first", Now, ("business:b", -7), ("escrow:x", 7)), Is.True);
        Assert.That(await Escrow.PostAsync(db, "fund:x", null, "retry", Now, ("business:b", -7), ("escrow:x", 7)), Is.False,
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
        Assert.That(await Escrow.PostAsync(db, "with-zero", null, "d", Now, ("escrow:c", -9), ("worker:w", 9), ("platform", 0)), Is.True);
        Assert.That(await Escrow.PostAsync(db, "all-zero", null, "d", Now, ("escrow:c", 0), ("worker:w", 0)), Is.False);
            return 0;
        });

        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_entries"), Is.EqualTo(2));
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_entries WHERE account = 'platform'"), Is.Zero);
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'all-zero'"), Is.Zero);
    }
}
