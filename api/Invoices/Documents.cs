using System.Text.Json;
using Marketplace.Money;
using Marketplace.Platform;

namespace Marketplace.Invoices;

/// <summary>
/// The one call that issues a contract's documents when its money is released: the worker's invoice to the business,
/// the producer's invoice for its fee, the operator's invoice for the platform fee, and the withholding notice. Each
/// is numbered in its issuer's own sequence and stored as issued; issuing twice for one contract issues nothing new.
/// A task job's close issues each paid worker's documents through the same numbering (issue 24).
/// </summary>
public static class Documents
{
    private sealed class Person
    {
        public string Id { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string? LegalName { get; init; }
        public string? InvoiceNumber { get; init; }

        public DocumentParty Party => new(Id, string.IsNullOrWhiteSpace(LegalName) ? DisplayName : LegalName, InvoiceNumber);
    }

    /// <summary>
    /// The documents of what a release paid: <paramref name="paid"/> is the split of the whole amount on acceptance, or
    /// of the worker's share on a cancellation or a decision, which the documents bill instead of the amount.
    /// </summary>
    public static async Task IssueOnReleaseAsync(DbSession db, ContractMoney c, string jobTitle, Split paid, InvoiceOptions options, DateTimeOffset now,
        string? milestoneId = null)
    {
        var business = await PersonAsync(db, c.BusinessId);
        var worker = await PersonAsync(db, c.WorkerId);
        var platform = new DocumentParty(null, options.PlatformName, options.PlatformNumber.Length > 0 ? options.PlatformNumber : null);

        await IssueAsync(db, options, now, DocumentOwner.Contract(c.Id), DocumentKind.WorkerInvoice, worker, business.Party, jobTitle, paid.Amount,
            withholding: paid.WithholdingTax, netPaid: paid.Amount - paid.WithholdingTax, payeeId: worker.Id, milestoneId: milestoneId);
        if (c.ProducerId is not null && paid.ProducerFee > 0)
            await IssueAsync(db, options, now, DocumentOwner.Contract(c.Id), DocumentKind.ProducerInvoice, await PersonAsync(db, c.ProducerId), business.Party,
                $"{ProducerFeeLine}{jobTitle}", paid.ProducerFee, withholding: 0, netPaid: null, payeeId: c.ProducerId, milestoneId: milestoneId);
        if (paid.PlatformFee > 0)
            await IssueAsync(db, options, now, DocumentOwner.Contract(c.Id), DocumentKind.PlatformInvoice, null, worker.Party, $"{PlatformFeeLine}{jobTitle}",
                paid.PlatformFee, withholding: 0, netPaid: null, payeeId: null, platform: platform, milestoneId: milestoneId);
        if (paid.WithholdingTax > 0)
            await IssueAsync(db, options, now, DocumentOwner.Contract(c.Id), DocumentKind.WithholdingNotice, null, business.Party, jobTitle, paid.Amount,
                withholding: paid.WithholdingTax, netPaid: paid.Amount - paid.WithholdingTax, payeeId: worker.Id, platform: platform,
                remitBy: Withholding.RemitBy(now), onBehalfOf: worker.Party, milestoneId: milestoneId);
    }

    /// <summary>
    /// The documents of a team contract's release (issue 23): each paid person of the team is its own payee, with its own
    /// worker's invoice (or receipt) to the business for its gross and, where tax was withheld from it, its own
    /// withholding notice (the 支払調書 per member reads these); the platform's fee is invoiced to the director, whose
    /// share bears it; the producer's fee as for any contract.
    /// </summary>
    public static async Task IssueOnTeamReleaseAsync(DbSession db, ContractMoney c, string jobTitle, Split paid,
        IReadOnlyList<Teams.TeamShare> shares, InvoiceOptions options, DateTimeOffset now)
    {
        var business = await PersonAsync(db, c.BusinessId);
        var director = await PersonAsync(db, c.WorkerId);
        var platform = new DocumentParty(null, options.PlatformName, options.PlatformNumber.Length > 0 ? options.PlatformNumber : null);
        foreach (var share in shares.Where(s => s.Gross > 0))
        {
            var person = await PersonAsync(db, share.UserId);
            await IssueAsync(db, options, now, DocumentOwner.Contract(c.Id), DocumentKind.WorkerInvoice, person, business.Party, jobTitle, share.Gross,
                withholding: share.WithholdingTax, netPaid: share.Gross - share.WithholdingTax, payeeId: person.Id);
            if (share.WithholdingTax > 0)
                await IssueAsync(db, options, now, DocumentOwner.Contract(c.Id), DocumentKind.WithholdingNotice, null, business.Party, jobTitle, share.Gross,
                    withholding: share.WithholdingTax, netPaid: share.Gross - share.WithholdingTax, payeeId: person.Id, platform: platform,
                    remitBy: Withholding.RemitBy(now), onBehalfOf: person.Party);
        }
        if (c.ProducerId is not null && paid.ProducerFee > 0)
            await IssueAsync(db, options, now, DocumentOwner.Contract(c.Id), DocumentKind.ProducerInvoice, await PersonAsync(db, c.ProducerId), business.Party,
                $"{ProducerFeeLine}{jobTitle}", paid.ProducerFee, withholding: 0, netPaid: null, payeeId: c.ProducerId);
        if (paid.PlatformFee > 0)
            await IssueAsync(db, options, now, DocumentOwner.Contract(c.Id), DocumentKind.PlatformInvoice, null, director.Party, $"{PlatformFeeLine}{jobTitle}",
                paid.PlatformFee, withholding: 0, netPaid: null, payeeId: null, platform: platform);
    }

    /// <summary>
    /// The documents of what a task job's close paid one worker (issue 24), in the close's transaction: the worker's
    /// invoice (or receipt) to the business for the approved items' total, the operator's invoice for its fee to the
    /// worker, and, where tax was withheld on that worker's total, the business's withholding notice. They belong to the
    /// job (there is no contract), each worker is their payee, and the description is the job's title and the items paid.
    /// </summary>
    public static async Task IssueForTaskJobAsync(DbSession db, string jobId, string businessId, string workerId, string jobTitle, long items,
        TaskJobs.TaskJobPay paid, InvoiceOptions options, DateTimeOffset now)
    {
        var business = await PersonAsync(db, businessId);
        var worker = await PersonAsync(db, workerId);
        var platform = new DocumentParty(null, options.PlatformName, options.PlatformNumber.Length > 0 ? options.PlatformNumber : null);
        var owner = DocumentOwner.TaskJob(jobId);
        var description = TaskJobLine(jobTitle, items);

        await IssueAsync(db, options, now, owner, DocumentKind.WorkerInvoice, worker, business.Party, description, paid.Gross,
            withholding: paid.WithholdingTax, netPaid: paid.Gross - paid.WithholdingTax, payeeId: worker.Id);
        // The payee of the operator's invoice is the worker it bills, so that each worker of the job has its own (a
        // contract's has none: its one worker is the recipient).
        if (paid.PlatformFee > 0)
            await IssueAsync(db, options, now, owner, DocumentKind.PlatformInvoice, null, worker.Party, $"{PlatformFeeLine}{description}",
                paid.PlatformFee, withholding: 0, netPaid: null, payeeId: worker.Id, platform: platform);
        if (paid.WithholdingTax > 0)
            await IssueAsync(db, options, now, owner, DocumentKind.WithholdingNotice, null, business.Party, description, paid.Gross,
                withholding: paid.WithholdingTax, netPaid: paid.Gross - paid.WithholdingTax, payeeId: worker.Id, platform: platform,
                remitBy: Withholding.RemitBy(now), onBehalfOf: worker.Party);
    }

    /// <summary>What a task job's documents say was supplied: the job's title and the number of items, in Japanese as the document is.</summary>
    public static string TaskJobLine(string jobTitle, long items) => $"{jobTitle}（{items}件）";

    /// <summary>
    /// A fee invoice's line names the fee before the job, in Japanese, as the whole document is (documents issued before
    /// issue 27 say "Platform fee: " and "Producer's fee: ", and are never reworded).
    /// </summary>
    public const string PlatformFeeLine = "サービス利用料：";
    public const string ProducerFeeLine = "プロデューサー手数料：";

    private static Task<Person> PersonAsync(DbSession db, string id) =>
        db.QuerySingleAsync<Person>(
            """
            SELECT u.id, u.display_name, t.legal_name, t.invoice_number
            FROM users u LEFT JOIN tax_details t ON t.user_id = u.id WHERE u.id = @Id
            """, new { Id = id });

    /// <summary>What a document belongs to: a contract (0012), or a task job's job (0045); exactly one.</summary>
    private sealed record DocumentOwner(string? ContractId, string? JobId)
    {
        public static DocumentOwner Contract(string id) => new(id, null);
        public static DocumentOwner TaskJob(string jobId) => new(null, jobId);
    }

    // supplier: the person whose supply the document bills, or null when the operator issues (its fee, the notice).
    private static async Task IssueAsync(DbSession db, InvoiceOptions options, DateTimeOffset now, DocumentOwner owner, DocumentKind kind,
        Person? supplier, DocumentParty recipient, string description, long amount, long withholding, long? netPaid, string? payeeId,
        DocumentParty? platform = null, DateOnly? remitBy = null, DocumentParty? onBehalfOf = null, string? milestoneId = null)
    {
        var exists = await db.ExecuteScalarAsync<long>(
            // One of a kind per contract and payee (a team contract pays several people, each its own documents), per
            // milestone of a contract paid in milestones (per payment), or per task job and worker paid.
            owner.JobId is not null
                ? "SELECT COUNT(*) FROM documents WHERE job_id = @JobId AND kind = @Kind AND corrects_id IS NULL AND payee_id = @Payee"
                : milestoneId is null
                ? "SELECT COUNT(*) FROM documents WHERE contract_id = @ContractId AND kind = @Kind AND corrects_id IS NULL AND milestone_id IS NULL AND COALESCE(payee_id, '') = @Payee"
                : "SELECT COUNT(*) FROM documents WHERE milestone_id = @MilestoneId AND kind = @Kind AND corrects_id IS NULL",
            new { owner.ContractId, owner.JobId, Kind = WireName.Of(kind), MilestoneId = milestoneId, Payee = payeeId ?? "" });
        if (exists > 0) return;

        platform ??= new DocumentParty(null, options.PlatformName, options.PlatformNumber.Length > 0 ? options.PlatformNumber : null);
        DocumentParty issuer;
        bool qualified;
        if (supplier is null)
        {
            issuer = platform;
            qualified = platform.InvoiceNumber is not null && kind != DocumentKind.WithholdingNotice;
        }
        else if (options.IntermediaryDelivery && supplier.InvoiceNumber is not null && platform.InvoiceNumber is not null)
        {
            // 媒介者交付特例: both registered, the operator issues in its own name and number for the supplier.
            issuer = platform;
            onBehalfOf = supplier.Party;
            qualified = true;
        }
        else
        {
            issuer = supplier.Party;
            qualified = supplier.InvoiceNumber is not null;
        }
        var issuerKey = issuer.Id ?? "platform";
        await db.ExecuteAsync(
            """
            INSERT INTO document_counters (issuer, last_number)
            SELECT @Issuer, 0 WHERE NOT EXISTS (SELECT 1 FROM document_counters WHERE issuer = @Issuer)
            """, new { Issuer = issuerKey });
        await db.ExecuteAsync("UPDATE document_counters SET last_number = last_number + 1 WHERE issuer = @Issuer", new { Issuer = issuerKey });
        var number = await db.ExecuteScalarAsync<long>("SELECT last_number FROM document_counters WHERE issuer = @Issuer", new { Issuer = issuerKey });

        var document = new Document
        {
            Id = TimeOrderedId.New(), Kind = kind, Number = number, IssuedAt = now, Issuer = issuer, OnBehalfOf = onBehalfOf, Recipient = recipient,
            ContractId = owner.ContractId, JobId = owner.JobId, Description = description, Amount = amount, TaxRate = ConsumptionTax.StandardRatePercent,
            ConsumptionTax = qualified ? ConsumptionTax.In(amount) : null, Qualified = qualified, WithholdingTax = withholding,
            NetPaid = netPaid, RemitBy = remitBy,
        };
        await db.ExecuteAsync(
            """
            INSERT INTO documents (id, contract_id, job_id, kind, issuer, number, issued_at, recipient_id, payee_id, amount, consumption_tax,
                                   withholding_tax, qualified, body, milestone_id)
            VALUES (@Id, @ContractId, @JobId, @Kind, @Issuer, @Number, @IssuedAt, @RecipientId, @PayeeId, @Amount, @ConsumptionTax,
                    @WithholdingTax, @Qualified, @Body, @MilestoneId)
            """,
            new
            {
                document.Id, owner.ContractId, owner.JobId, Kind = WireName.Of(kind), Issuer = issuerKey, Number = number, IssuedAt = now,
                RecipientId = recipient.Id, PayeeId = payeeId, Amount = amount, document.ConsumptionTax, WithholdingTax = withholding,
                Qualified = qualified, Body = JsonSerializer.Serialize(document, StoredJson.Options), MilestoneId = milestoneId,
            });
    }
}
