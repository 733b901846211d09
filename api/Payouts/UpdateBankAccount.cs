using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Payouts;

/// <summary>A worker says where to be paid: the bank account that payout batches transfer to.</summary>
public static class UpdateBankAccount
{
    public sealed record Command : ICommand<BankAccountView>
    {
        /// <summary>The bank's 4-digit code (金融機関コード), e.g. 0117 for 秋田銀行.</summary>
        public string BankCode { get; init; } = "";
        /// <summary>The branch's 3-digit code (支店コード).</summary>
        public string BranchCode { get; init; } = "";
        public BankAccountType AccountType { get; init; } = BankAccountType.Ordinary;
        /// <summary>Up to 7 digits; shorter numbers are zero-padded on the left, as the passbook prints them.</summary>
        public string AccountNumber { get; init; } = "";
        /// <summary>The holder's name in katakana as the bank holds it; hiragana, full-width and small kana are converted.</summary>
        public string HolderName { get; init; } = "";

        /// <summary>The account's ETag as the client read it (the If-Match header); null replaces it whatever its version.</summary>
        [JsonIgnore] public string? IfMatch { get; init; }
    }

    /// <summary>The Zengin data record's 受取人名 field is 30 characters wide.</summary>
    public const int MaxHolderName = 30;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.BankCode).PlainText().Matches("^[0-9]{4}$").WithMessage("The bank code is 4 digits (金融機関コード).").WithErrorCode("bankCode");
            RuleFor(c => c.BranchCode).PlainText().Matches("^[0-9]{3}$").WithMessage("The branch code is 3 digits (支店コード).").WithErrorCode("branchCode");
            RuleFor(c => c.AccountType).IsInEnum();
            RuleFor(c => c.AccountNumber).PlainText().Matches("^[0-9]{1,7}$").WithMessage("The account number is up to 7 digits.").WithErrorCode("accountNumber");
            RuleFor(c => c.HolderName).NotBlank("The holder's name is required.").PlainText().MaximumLength(100)
                .DependentRules(() =>
                {
                    RuleFor(c => c.HolderName)
                        .Must((_, name, context) =>
                        {
                            var refused = ZenginKana.Normalise(name).Refused;
                            context.MessageFormatter.AppendArgument(ValidationCodes.CharacterArgument, refused);
                            return refused is null;
                        })
                        .WithMessage("「{Character}」 cannot be written in a bank transfer: type the name in katakana as your bank holds it.")
                        .WithErrorCode("notZenginText")
                        .Must(name => ZenginKana.Normalise(name).Name!.Length <= MaxHolderName)
                        .WithMessage($"A transfer carries at most {MaxHolderName} characters of the holder's name (voiced kana count as two).")
                        .WithErrorCode("maxLength");
                });
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, BankAccountView>
    {
        private static readonly string[] Columns = ["worker_id", "bank_code", "branch_code", "account_type", "account_number", "holder_name", "held_reason", "updated_at"];

        public async Task<BankAccountView> Handle(Command command, CancellationToken ct)
        {
            // Only a worker is paid out; a batch already gathered keeps the account it copied (see payouts).
            caller.Require(Role.Worker, "keep a bank account for payouts");
            var number = command.AccountNumber.PadLeft(7, '0');
            var holder = ZenginKana.Normalise(command.HolderName).Name!;
            var now = clock.GetUtcNow();
            await db.ExecuteAsync(db.Dialect.Upsert("bank_accounts", ["worker_id"], Columns), new
            {
                worker_id = caller.Id, bank_code = command.BankCode, branch_code = command.BranchCode,
                account_type = WireName.Of(command.AccountType), account_number = number, holder_name = holder,
                held_reason = (string?)null, // saving the account again is the worker's correction after a returned transfer
                updated_at = now,
            });
            // As a worker's profile: the version check after the write, in one conditional UPDATE; a refusal rolls both back.
            var versioned = await db.ExecuteAsync(
                "UPDATE bank_accounts SET row_version = row_version + 1 WHERE worker_id = @Me AND (@IfMatch IS NULL OR row_version = @IfMatch)",
                new { Me = caller.Id, IfMatch = RowVersions.IfMatch(command.IfMatch) });
            if (versioned == 0) throw RowVersions.Stale();
            var version = await db.ExecuteScalarAsync<long>("SELECT b.row_version FROM bank_accounts b WHERE b.worker_id = @Me", new { Me = caller.Id });
            return new BankAccountView
            {
                BankCode = command.BankCode, BranchCode = command.BranchCode, AccountType = command.AccountType,
                AccountNumberMasked = BankAccountView.Mask(number), HolderName = holder, UpdatedAt = now, RowVersion = version,
            };
        }
    }

    public static void Map(IEndpointRouteBuilder payouts) =>
        payouts.MapPut("/me/bank-account", (Command command, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator) =>
                mediator.Send(command with { IfMatch = ifMatch }))
            .WithName("UpdateBankAccount").WithETag().ProducesValidationProblem().ProducesProblem(403);
}
