using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Admin;
using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>
/// <c>POST /api/payments/matches</c> {text, fileName?}: an administrator gives the bank's statement of the operator's
/// account (<see cref="DepositStatement"/>: a 全銀 入出金取引明細 or 振込入金通知, or a date/name/amount CSV, as text: the
/// web client reads the file as UTF-8, else as Shift_JIS, so that the API stays JSON) and reads which deposits are which
/// payments into escrow. A deposit matches a payment when the payer's name carries the payment's reference and the
/// amount is the payment's, and the payment is pending; matches are listed for the administrator to confirm in one step
/// (<see cref="ConfirmPayments"/>), never confirmed here. Every other deposit is listed with why it did not match (and,
/// when the name carries no reference, the pending payments of the same amount, for the administrator to look at). The
/// upload is recorded in the audit trail; nothing else is stored.
/// </summary>
public static class MatchDeposits
{
    public sealed record Command : ICommand<DepositMatches>
    {
        /// <summary>The statement's text.</summary>
        public string Text { get; init; } = "";
        /// <summary>The file's name, for the audit trail.</summary>
        public string? FileName { get; init; }
    }

    /// <summary>Why a deposit did not match a payment.</summary>
    public enum Unmatched
    {
        /// <summary>The payer's name carries no reference of any payment.</summary>
        NoReference,
        /// <summary>The reference is a payment's, but the amount is not that payment's.</summary>
        AmountDiffers,
        /// <summary>The reference is of a payment already confirmed, or void (its award lapsed, its contract ended).</summary>
        NotPending,
        /// <summary>An earlier deposit of this statement matched the same payment.</summary>
        Repeated,
    }

    public sealed record Match(Deposit Deposit, ListPayments.Payment Payment);

    public sealed record Miss
    {
        public required Deposit Deposit { get; init; }
        public required Unmatched Reason { get; init; }
        /// <summary>The payment the reference names, when it names one.</summary>
        public ListPayments.Payment? Payment { get; init; }
        /// <summary>Without a reference: pending payments of the same amount, to look at (never confirmed from here).</summary>
        public IReadOnlyList<ListPayments.Payment> Candidates { get; init; } = [];
    }

    public sealed record DepositMatches(DepositFormat Format, int Deposits, IReadOnlyList<Match> Matched, IReadOnlyList<Miss> Unmatched);

    /// <summary>A statement up to this many characters (the request body's 1 MB holds it as JSON).</summary>
    public const int MaxTextLength = 300_000;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Text).NotEmpty().MaximumLength(MaxTextLength);
            // Line breaks and tabs are a statement's; any other control character or a bidi override is refused, as in
            // every text a client sends, except the end-of-file mark an old bank file may end with.
            RuleFor(c => DepositStatement.WithoutEndOfFile(c.Text)).PlainMultilineText().OverridePropertyName("text");
            RuleFor(c => c.FileName).PlainText().MaximumLength(200);
        }
    }

    /// <summary>Payments by reference, on ux_payments_reference.</summary>
    internal const string ByReferencesSql = """
        SELECT p.id, p.contract_id, j.id AS job_id, j.title AS job_title, u.display_name AS business_name, p.amount, p.provider, p.status,
               p.created_at, p.confirmed_at, p.confirmation_note, p.reference, p.due_on, p.lapses_on
        FROM payments p LEFT JOIN contracts c ON c.id = p.contract_id JOIN jobs j ON j.id = COALESCE(c.job_id, p.job_id)
        JOIN users u ON u.id = j.business_id
        WHERE p.reference IN @References
        """;

    /// <summary>Pending payments of the amounts deposited without a reference, on ix_payments_status.</summary>
    internal const string PendingOfAmountsSql = """
        SELECT p.id, p.contract_id, j.id AS job_id, j.title AS job_title, u.display_name AS business_name, p.amount, p.provider, p.status,
               p.created_at, p.confirmed_at, p.confirmation_note, p.reference, p.due_on, p.lapses_on
        FROM payments p LEFT JOIN contracts c ON c.id = p.contract_id JOIN jobs j ON j.id = COALESCE(c.job_id, p.job_id)
        JOIN users u ON u.id = j.business_id
        WHERE p.status = 'pending' AND p.amount IN @Amounts
        ORDER BY p.id
        """;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, DepositMatches>
    {
        public async Task<DepositMatches> Handle(Command command, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "match bank statements");
            var read = DepositStatement.Read(command.Text, out var problem)
                ?? throw new ValidationException([new ValidationFailure("text", problem) { ErrorCode = "notAStatement" }]);
            var deposits = read.Deposits;
            var references = deposits.SelectMany(d => DepositStatement.ReferencesIn(d.PayerName)).Distinct().ToList();
            var byReference = references.Count == 0 ? new Dictionary<string, ListPayments.Payment>()
                : (await db.QueryAsync<ListPayments.Payment>(ByReferencesSql, new { References = references })).ToDictionary(p => p.Reference!);
            var matched = new List<Match>();
            var unmatched = new List<Miss>();
            var taken = new HashSet<string>();
            foreach (var deposit in deposits)
            {
                var named = DepositStatement.ReferencesIn(deposit.PayerName).Select(r => byReference.GetValueOrDefault(r)).OfType<ListPayments.Payment>().ToList();
                // A name carrying two payments' references is read as carrying the one whose amount it is.
                var payment = named.FirstOrDefault(p => p.Amount == deposit.Amount) ?? named.FirstOrDefault();
                if (payment is null) unmatched.Add(new Miss { Deposit = deposit, Reason = Unmatched.NoReference });
                else if (payment.Status != WireName.Of(PaymentStatus.Pending)) unmatched.Add(new Miss { Deposit = deposit, Reason = Unmatched.NotPending, Payment = payment });
                else if (payment.Amount != deposit.Amount) unmatched.Add(new Miss { Deposit = deposit, Reason = Unmatched.AmountDiffers, Payment = payment });
                else if (!taken.Add(payment.Id)) unmatched.Add(new Miss { Deposit = deposit, Reason = Unmatched.Repeated, Payment = payment });
                else matched.Add(new Match(deposit, payment));
            }
            var amounts = unmatched.Where(m => m.Reason == Unmatched.NoReference).Select(m => m.Deposit.Amount).Distinct().ToList();
            if (amounts.Count > 0)
            {
                var pending = (await db.QueryAsync<ListPayments.Payment>(PendingOfAmountsSql, new { Amounts = amounts }))
                    .Where(p => !taken.Contains(p.Id)).ToList();
                unmatched = unmatched.Select(m => m.Reason != Unmatched.NoReference ? m
                    : m with { Candidates = pending.Where(p => p.Amount == m.Deposit.Amount).Take(10).ToList() }).ToList();
            }
            var answer = new DepositMatches(read.Format, deposits.Count, matched, unmatched);
            await Audit.RecordAsync(db, caller, AuditAction.MatchDeposits, TimeOrderedId.New(),
                new { command.FileName, Format = WireName.Of(read.Format), Deposits = deposits.Count, Matched = matched.Count, Unmatched = unmatched.Count },
                clock.GetUtcNow());
            return answer;
        }
    }

    public static void Map(IEndpointRouteBuilder money) =>
        money.MapPost("/payments/matches", (Command command, IMediator mediator) => mediator.Send(command))
            .WithName("MatchDeposits").ProducesValidationProblem().ProducesProblem(403);
}
