namespace Marketplace.Invoices;

/// <summary>What a document is.</summary>
public enum DocumentKind
{
    /// <summary>The worker's invoice (or receipt) to the business for the contract's amount.</summary>
    WorkerInvoice,
    /// <summary>The producer's invoice to the business for its brokering fee.</summary>
    ProducerInvoice,
    /// <summary>The operator's invoice for its platform fee, to the worker from whose side it is taken.</summary>
    PlatformInvoice,
    /// <summary>The business's notice of the income tax it withheld from the worker, and when to remit it.</summary>
    WithholdingNotice,
}

/// <summary>A person or the operator as a document names them.</summary>
public sealed record DocumentParty(string? Id, string Name, string? InvoiceNumber = null);

/// <summary>
/// A document as issued, never changed. A qualified invoice (適格請求書, 消費税法第57条の4第1項) states: the issuer's
/// name and registration number, the date, what was supplied, the amount per tax rate with the rate, the consumption tax
/// per rate, and the recipient's name; a document of an unregistered issuer is a plain receipt and says so.
/// </summary>
public sealed record Document
{
    public required string Id { get; init; }
    public required DocumentKind Kind { get; init; }
    /// <summary>The issuer's own sequence, without gaps ("No. 12" of this issuer).</summary>
    public required long Number { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public required DocumentParty Issuer { get; init; }
    /// <summary>Under 媒介者交付特例 the operator issues for this person, whose supply it was.</summary>
    public DocumentParty? OnBehalfOf { get; init; }
    public required DocumentParty Recipient { get; init; }
    /// <summary>The contract whose release the document bills; null on a task job's document, which names its job.</summary>
    public string? ContractId { get; init; }
    /// <summary>The task job whose close paid the worker (issue 24); null on a contract's document.</summary>
    public string? JobId { get; init; }
    /// <summary>What was supplied: the job's title, and for fees what the fee is for.</summary>
    public required string Description { get; init; }
    /// <summary>Yen, consumption tax included.</summary>
    public required long Amount { get; init; }
    /// <summary>The standard rate, percent (消費税法第29条 and 地方税法: 7.8% + 2.2%).</summary>
    public required int TaxRate { get; init; }
    /// <summary>The consumption tax the amount contains, rounded down once per document; null on a plain receipt.</summary>
    public long? ConsumptionTax { get; init; }
    public required bool Qualified { get; init; }
    /// <summary>Income tax withheld (所得税法第204条); on the worker's invoice and the withholding notice.</summary>
    public required long WithholdingTax { get; init; }
    /// <summary>What the payee receives after withholding (and, on the worker's invoice, after the platform fee).</summary>
    public long? NetPaid { get; init; }
    /// <summary>The withholding notice: the tax must reach the tax office by this day (翌月10日, 所得税法第204条第1項).</summary>
    public DateOnly? RemitBy { get; init; }
    /// <summary>A correction names the document it replaces.</summary>
    public string? CorrectsId { get; init; }
}
