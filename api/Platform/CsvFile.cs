using System.Globalization;
using System.Text;

namespace Marketplace.Platform;

/// <summary>
/// One cell of a <see cref="CsvFile"/>: text, which is neutralised if a spreadsheet would run it, or a whole number, which
/// stays a number (a negative amount keeps its minus). Strings and integers convert to it, so a row reads
/// <c>Row("日時", title, amount)</c>.
/// </summary>
public readonly record struct CsvCell
{
    private CsvCell(string? text, long? number) => (Text, Number) = (text, number);

    public string? Text { get; }
    public long? Number { get; }

    public static implicit operator CsvCell(string? text) => new(text, null);
    public static implicit operator CsvCell(long number) => new(null, number);
}

/// <summary>
/// Every CSV the product serves (statements, payment records), written one way, for the spreadsheet a bookkeeper opens it
/// in: UTF-8 with a byte-order mark (Excel in Japan then reads Japanese correctly), CRLF line ends, fields quoted as RFC
/// 4180 says. A text cell that begins with =, +, -, @, a tab or a carriage return would be read as a formula (CSV
/// injection: a job titled <c>-1+1+cmd|' /C calc'!A0</c> runs a command), so it is prefixed with an apostrophe, which a
/// spreadsheet shows as text (OWASP, "CSV Injection"). Numbers are written as numbers and never prefixed.
/// </summary>
public sealed class CsvFile
{
    private readonly StringBuilder _text = new();

    /// <summary>What a spreadsheet reads as the start of a formula (OWASP's list).</summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public CsvFile Row(params CsvCell[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) _text.Append(',');
            _text.Append(cells[i].Number is { } number ? number.ToString(CultureInfo.InvariantCulture) : Field(cells[i].Text));
        }
        _text.Append("\r\n");
        return this;
    }

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    public override string ToString() => _text.ToString();

    private static string Field(string? text)
    {
        text ??= "";
        if (text.Length > 0 && FormulaStarts.Contains(text[0])) text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
