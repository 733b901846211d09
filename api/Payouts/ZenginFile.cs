using System.Text;

namespace Marketplace.Payouts;

/// <summary>
/// A payout batch as a Zengin 総合振込 file (全銀協規定フォーマット, 種別コード 21), the batch-transfer file every Japanese
/// bank's EB and net-banking service accepts: fixed 120-byte records in Shift_JIS (names in JIS X 0201 half-width
/// kana, one byte each), each record followed by CR LF — a header record (データ区分 1), one data record per transfer
/// (2), a trailer with the count and the total (8) and an end record (9). "N" fields are digits, right-aligned and
/// zero-filled; "C" fields are text, left-aligned and space-filled.
/// </summary>
public static class ZenginFile
{
    public const int RecordLength = 120;

    /// <summary>Shift_JIS, with half-width katakana as single bytes 0xA1–0xDF.</summary>
    public static Encoding ShiftJis
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
    }

    /// <summary>One transfer of the file.</summary>
    public sealed record Transfer(string BankCode, string BranchCode, BankAccountType AccountType, string AccountNumber,
        string HolderName, long Amount, string CustomerCode);

    public static byte[] Write(SenderAccount sender, DateOnly transferOn, IReadOnlyList<Transfer> transfers)
    {
        var records = new List<string>(transfers.Count + 3)
        {
            // Header: データ区分, 種別コード (21 総合振込), コード区分 (0 JIS), 振込依頼人コード, 振込依頼人名, 振込指定日 (MMDD),
            // 仕向銀行番号, 仕向銀行名, 仕向支店番号, 仕向支店名, 預金種目 (依頼人), 口座番号 (依頼人), ダミー.
            "1" + "21" + "0" + N(sender.CompanyCode, 10) + C(sender.Name, 40) + transferOn.ToString("MMdd") +
            N(sender.BankCode, 4) + C(sender.BankName, 15) + N(sender.BranchCode, 3) + C(sender.BranchName, 15) +
            N(((int)sender.AccountType).ToString(), 1) + N(sender.AccountNumber, 7) + C("", 17),
        };
        foreach (var t in transfers)
        {
            // Data: データ区分, 被仕向銀行番号, 被仕向銀行名 (optional: left blank, the bank fills it from the code),
            // 被仕向支店番号, 被仕向支店名 (blank likewise), 手形交換所番号 (unused: 0), 預金種目, 口座番号, 受取人名, 振込金額,
            // 新規コード (0: other), 顧客コード1 and 2 (the payout's number, for matching the bank's result file),
            // 振込指定区分 (7: telegraphic transfer), 識別表示 (blank: the customer codes are not EDI information), ダミー.
            records.Add("2" + N(t.BankCode, 4) + C("", 15) + N(t.BranchCode, 3) + C("", 15) + N("0", 4) +
                N(((int)t.AccountType).ToString(), 1) + N(t.AccountNumber, 7) + C(t.HolderName, 30) + N(t.Amount.ToString(), 10) +
                "0" + N(t.CustomerCode, 10) + N("0", 10) + "7" + " " + C("", 7));
        }
        // Trailer: データ区分, 合計件数 (6), 合計金額 (12), ダミー. End: データ区分 and 119 spaces.
        records.Add("8" + N(transfers.Count.ToString(), 6) + N(transfers.Sum(t => t.Amount).ToString(), 12) + C("", 101));
        records.Add("9" + C("", 119));

        var encoding = ShiftJis;
        using var file = new MemoryStream(records.Count * (RecordLength + 2));
        foreach (var record in records)
        {
            var bytes = encoding.GetBytes(record);
            // Every character of a record is a single Shift_JIS byte; a record of another length would shift every field after it.
            if (bytes.Length != RecordLength) throw new InvalidOperationException($"A Zengin record must be {RecordLength} bytes, not {bytes.Length}.");
            file.Write(bytes);
            file.Write("\r\n"u8);
        }
        return file.ToArray();
    }

    /// <summary>A digits field: right-aligned, zero-filled; a value longer than its field is an error, never cut.</summary>
    private static string N(string digits, int width)
    {
        if (digits.Length > width || !digits.All(char.IsAsciiDigit))
            throw new InvalidOperationException($"'{digits}' does not fit a {width}-digit Zengin field.");
        return digits.PadLeft(width, '0');
    }

    /// <summary>A text field: normalised to the Zengin characters, left-aligned, space-filled, cut at its width.</summary>
    private static string C(string text, int width)
    {
        var (name, refused) = ZenginKana.Normalise(text);
        if (name is null) throw new InvalidOperationException($"'{refused}' cannot be written in a Zengin file.");
        return name.Length > width ? name[..width] : name.PadRight(width, ' ');
    }
}
