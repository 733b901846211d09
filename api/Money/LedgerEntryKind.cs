namespace Marketplace.Money;

/// <summary>
/// What a ledger transaction was, stored with it in <c>ledger_transactions.kind</c> (a CHECK lists these words) and
/// shown as the kind of each of its entries on a statement, so that a client words it in its reader's language (the
/// description stays English, for integrations; the CSV words the kind too). The type keeps the name the API's schema
/// has always given it (<c>Money.LedgerEntryKind</c>). Settled: a cancellation or a decision ended the contract and
/// the worker was paid a share.
/// </summary>
public enum LedgerEntryKind
{
    EscrowFunded, EscrowReleased, EscrowSettled, EscrowRefunded, EscrowPartlyRefunded, PayoutGathered, PayoutPaid, PayoutReturned,
}
