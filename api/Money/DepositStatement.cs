using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Marketplace.Money;

/// <summary>
/// One money-in line of a bank statement: the line (record) of the file it came from, counted from 1, for the
/// administrator to find it; when; from whom, as the bank wrote the payer's name; and how much.
/// </summary>
public sealed record Deposit(int Line, DateOnly? Date, string PayerName, long Amount);

/// <summary>What the file was read as.</summary>
public enum DepositFormat { ZenginTransactions, ZenginTransferNotices, Csv }

/// <summary>
/// Reads the deposits out of a bank's statement of the operator's account, in one of the forms a Japanese bank gives:
/// the 全銀協 fixed-length formats (入出金取引明細, 種別コード 03, and 振込入金通知, 01: 200-character records, a header,
/// data, trailer and end record, with or without line breaks), the same records as CSV (fields in the record's order,
/// data records starting with 2), or a plain CSV whose header names a date, a name and an amount column (日付/取引日,
/// 振込依頼人名/摘要/内容, 入金額/金額…). Withdrawals are left out. The text is already decoded (the web client reads the
/// file as UTF-8, else as Shift_JIS, as banks write it); the fixed-length records hold half-width characters only, so a
/// character is a byte of the record.
/// </summary>
public static class DepositStatement
{
    public const int RecordLength = 200;

    /// <summary>
    /// The text without the end-of-file mark (0x1A) that some banks' fixed-length files still end with: the one control
    /// character besides line breaks and tabs a statement may carry.
    /// </summary>
    public static string WithoutEndOfFile(string text) => text.TrimEnd('\u001A', '\r', '\n');

    /// <summary>The deposits of <paramref name="text"/>, or a reason the text is not a statement this reads.</summary>
    public static (DepositFormat Format, IReadOnlyList<Deposit> Deposits)? Read(string text, out string? problem)
    {
        problem = null;
        // Not spaces: a fixed-length file ends in the end record's padding.
        text = WithoutEndOfFile(text.TrimStart('\uFEFF'));
        var lines = Regex.Split(text, "\r\n|\n|\r");
        // A file without line breaks: records of 200 characters one after the other.
        if (lines.Length == 1 && text.Length > RecordLength && text.Length % RecordLength == 0)
            lines = Enumerable.Range(0, text.Length / RecordLength).Select(i => text.Substring(i * RecordLength, RecordLength)).ToArray();
        if (lines.Length > 0 && lines[0].Length == RecordLength && lines[0][0] == '1' && lines[0][1..3] is "03" or "01")
            return ReadFixed(lines, out problem);
        var rows = lines.Select(ParseCsvLine).ToList();
        if (rows.Count > 0 && rows[0].Count > 2 && rows[0][0].Trim() == "1" && rows[0][1].Trim() is "03" or "01")
            return ReadZenginCsv(rows, out problem);
        return ReadPlainCsv(rows, out problem);
    }

    private static (DepositFormat, IReadOnlyList<Deposit>)? ReadFixed(string[] lines, out string? problem)
    {
        problem = null;
        var notices = lines[0][1..3] == "01";
        var deposits = new List<Deposit>();
        for (var i = 0; i < lines.Length; i++)
        {
            var r = lines[i];
            if (r.Length == 0 || r[0] != '2') continue;
            if (r.Length != RecordLength)
            {
                problem = $"Line {i + 1} is {r.Length} characters long; a 全銀 record has {RecordLength}.";
                return null;
            }
            var deposit = notices
                ? Data(i + 1, r.Substring(7, 6), "1", r.Substring(19, 10), r.Substring(49, 48))
                : Data(i + 1, r.Substring(9, 6), r.Substring(21, 1), r.Substring(24, 12), r.Substring(81, 48));
            if (deposit is not null) deposits.Add(deposit);
        }
        return (notices ? DepositFormat.ZenginTransferNotices : DepositFormat.ZenginTransactions, deposits);
    }

    /// <summary>The same records with their fields separated by commas, in the record's order.</summary>
    private static (DepositFormat, IReadOnlyList<Deposit>)? ReadZenginCsv(List<List<string>> rows, out string? problem)
    {
        problem = null;
        var notices = rows[0][1].Trim() == "01";
        var deposits = new List<Deposit>();
        for (var i = 0; i < rows.Count; i++)
        {
            var f = rows[i];
            if (f.Count == 0 || f[0].Trim() != "2") continue;
            var needed = notices ? 8 : 15;
            if (f.Count < needed)
            {
                problem = $"Line {i + 1} has {f.Count} fields; a 全銀 data record has at least {needed}.";
                return null;
            }
            // 振込入金通知: 区分, 照会番号, 勘定日, 起算日, 金額, 他店券, 依頼人コード, 依頼人名…; 入出金取引明細: 区分, 照会番号, 勘定日,
            // 預入払出日, 入払区分, 取引区分, 取引金額, 他店券, 交換呈示日, 不渡返還日, 手形区分, 手形番号, 僚店番号, 依頼人コード, 依頼人名…
            var deposit = notices ? Data(i + 1, f[2], "1", f[4], f[7]) : Data(i + 1, f[2], f[4], f[6], f[14]);
            if (deposit is not null) deposits.Add(deposit);
        }
        return (notices ? DepositFormat.ZenginTransferNotices : DepositFormat.ZenginTransactions, deposits);
    }

    /// <summary>A data record's deposit: money in only (入払区分 1), a whole number of yen, the date in the Japanese era's YYMMDD.</summary>
    private static Deposit? Data(int line, string date, string inOrOut, string amount, string name)
    {
        if (inOrOut.Trim() != "1") return null;
        var yen = Yen(amount);
        return yen is > 0 ? new Deposit(line, EraDate(date.Trim()), name.Trim(), yen.Value) : null;
    }

    /// <summary>
    /// 全銀 records date by the Japanese era (和暦 YYMMDD): Reiwa, which began on 1 May 2019 (R1). The date only helps the
    /// administrator find the line; one that is not a Reiwa date shows as none.
    /// </summary>
    private static DateOnly? EraDate(string yymmdd)
    {
        if (yymmdd.Length != 6 || !yymmdd.All(char.IsAsciiDigit)) return null;
        var text = (2018 + int.Parse(yymmdd[..2], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture) + yymmdd[2..];
        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
               && day >= new DateOnly(2019, 5, 1) ? day : null;
    }

    private static readonly string[] DateHeaders = ["日付", "取引日", "入金日", "勘定日", "年月日", "date"];
    private static readonly string[] NameHeaders = ["振込依頼人", "依頼人", "名義", "お取引内容", "取引内容", "摘要", "内容", "payer", "name", "description"];
    private static readonly string[] DepositHeaders = ["入金額", "入金金額", "お預入れ", "お預入金額", "お預り金額", "預入金額", "預入", "入金", "deposit", "credit"];
    private static readonly string[] AmountHeaders = ["金額", "amount"];
    private static readonly string[] WithdrawalHeaders = ["出金", "お引出", "引出", "払出", "お支払", "withdrawal", "debit"];

    /// <summary>A CSV whose first line names the columns: the deposit column (or a plain amount column), the name and the date.</summary>
    private static (DepositFormat, IReadOnlyList<Deposit>)? ReadPlainCsv(List<List<string>> rows, out string? problem)
    {
        problem = null;
        if (rows.Count == 0)
        {
            problem = "The file is empty.";
            return null;
        }
        var header = rows[0].Select(h => h.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant()).ToList();
        int Find(string[] names, Func<string, bool>? also = null) =>
            header.FindIndex(h => names.Any(n => h.Contains(n, StringComparison.Ordinal)) && (also?.Invoke(h) ?? true));
        bool NotWithdrawal(string h) => !WithdrawalHeaders.Any(w => h.Contains(w, StringComparison.Ordinal));
        var amount = Find(DepositHeaders, NotWithdrawal);
        if (amount < 0) amount = Find(AmountHeaders, NotWithdrawal);
        var name = Find(NameHeaders);
        var date = Find(DateHeaders);
        var start = 1;
        if (amount < 0 || name < 0)
        {
            // No header this reads: three columns are taken as date, name, amount from the first line on.
            if (rows[0].Count != 3 || Yen(rows[0][2]) is null)
            {
                problem = "The first line must name an amount column (入金額, 金額, amount…) and a name column (振込依頼人名, 摘要, name…), " +
                          "or every line must be date, name, amount.";
                return null;
            }
            (date, name, amount, start) = (0, 1, 2, 0);
        }
        var deposits = new List<Deposit>();
        for (var i = start; i < rows.Count; i++)
        {
            var f = rows[i];
            if (f.Count <= Math.Max(amount, name)) continue;
            var yen = Yen(f[amount]);
            if (yen is not > 0) continue;
            deposits.Add(new Deposit(i + 1, date >= 0 && date < f.Count ? PlainDate(f[date]) : null, f[name].Trim(), yen.Value));
        }
        return (DepositFormat.Csv, deposits);
    }

    /// <summary>Whole yen as a statement writes them: ¥, 円, commas and spaces around the digits, full-width digits too.</summary>
    public static long? Yen(string text)
    {
        var plain = text.Normalize(NormalizationForm.FormKC).Replace(",", "").Replace("¥", "").Replace("\\", "").Replace("円", "").Trim();
        return long.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var yen) ? yen : null;
    }

    private static DateOnly? PlainDate(string text)
    {
        var plain = text.Normalize(NormalizationForm.FormKC).Trim().Replace('/', '-').Replace('.', '-');
        string[] formats = ["yyyy-M-d", "yyyyMMdd", "yyyy年M月d日"];
        return DateOnly.TryParseExact(plain, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    /// <summary>One line of CSV as RFC 4180 quotes it (a quoted field may hold commas and doubled quotes).</summary>
    private static List<string> ParseCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>
    /// The references a payer name carries: every run of exactly eight digits, full-width digits read as ASCII (banks
    /// write the name in half-width kana, people type the number either way).
    /// </summary>
    public static IReadOnlyList<string> ReferencesIn(string payerName) =>
        Regex.Matches(payerName.Normalize(NormalizationForm.FormKC), @"(?<![0-9])[0-9]{8}(?![0-9])").Select(m => m.Value).Distinct().ToList();
}
