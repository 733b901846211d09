using System.Text;
using Microsoft.Data.SqlClient;

namespace Marketplace.Platform;

/// <summary>
/// SQL Server (T-SQL). It spells three things of the shared SQL differently, rewritten here token by token (string
/// literals, quoted names and comments are left alone):
/// <list type="bullet">
/// <item><c>LIMIT n [OFFSET m]</c>: <c>OFFSET m ROWS FETCH NEXT n ROWS ONLY</c> after the query's ORDER BY, or
/// <c>SELECT TOP (n)</c> where the query has none (OFFSET needs an ORDER BY);</item>
/// <item><c>TRUE</c>/<c>FALSE</c>: <c>1</c>/<c>0</c> (a <c>bit</c> column compares with numbers; T-SQL has no boolean literal);</item>
/// <item><c>a || b</c>: <c>a + b</c> (NULL stays NULL as with <c>||</c>);</item>
/// <item><c>COLLATE NOCASE</c> (SQLite's ASCII case-insensitive comparison): a case-insensitive collation, since the
/// database's own is binary (docs/deployment.md).</item>
/// </list>
/// </summary>
public sealed class SqlServerDialect : SqlDialect
{
    public override DatabaseEngine Engine => DatabaseEngine.SqlServer;

    // 2627: violation of a UNIQUE or PRIMARY KEY constraint; 2601: a duplicate key in a unique index.
    public override bool IsUniqueViolation(Exception exception) => exception is SqlException { Number: 2627 or 2601 };

    // 1205: chosen as a deadlock victim; 3960: a snapshot transaction's update conflict.
    public override bool IsRetryable(Exception exception) => exception is SqlException { Number: 1205 or 3960 };

    /// <summary>MERGE with HOLDLOCK: without it two sessions can both find no row and both insert.</summary>
    public override string Upsert(string table, string[] keyColumns, string[] columns)
    {
        var source = string.Join(", ", columns.Select(c => $"@{c} AS {c}"));
        var on = string.Join(" AND ", keyColumns.Select(k => $"target.{k} = source.{k}"));
        var updates = string.Join(", ", columns.Except(keyColumns).Select(c => $"{c} = source.{c}"));
        return $"MERGE INTO {table} WITH (HOLDLOCK) AS target USING (SELECT {source}) AS source ON {on} " +
               (updates.Length > 0 ? $"WHEN MATCHED THEN UPDATE SET {updates} " : "") +
               $"WHEN NOT MATCHED THEN INSERT ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "source." + c))});";
    }

    public override string Translate(string sql)
    {
        var tokens = Tokenize(sql);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == Kind.Word && token.Is("TRUE")) tokens[i] = token with { Text = "1" };
            else if (token.Kind == Kind.Word && token.Is("FALSE")) tokens[i] = token with { Text = "0" };
            else if (token.Kind == Kind.Symbol && token.Text == "||") tokens[i] = token with { Text = "+" };
            else if (token.Is("NOCASE") && i >= 2 && tokens[i - 2].Is("COLLATE")) tokens[i] = token with { Text = "Latin1_General_100_CI_AS" };
        }
        for (var i = tokens.Count - 1; i >= 0; i--)
            if (tokens[i].Kind == Kind.Word && tokens[i].Is("LIMIT")) RewriteLimit(tokens, i);
        var text = new StringBuilder(sql.Length + 32);
        foreach (var token in tokens) text.Append(token.Text);
        return text.ToString();
    }

    private static void RewriteLimit(List<Token> tokens, int at)
    {
        var depth = tokens[at].Depth;
        // The count: the tokens after LIMIT up to OFFSET, the end of this query level, or a semicolon.
        var end = at + 1;
        while (end < tokens.Count && tokens[end].Depth >= depth && tokens[end].Text != ";" && !(tokens[end].Depth == depth && tokens[end].Is("OFFSET")))
            end++;
        var count = Join(tokens, at + 1, end).Trim();
        string? offset = null;
        var last = end;
        if (end < tokens.Count && tokens[end].Is("OFFSET"))
        {
            last = end + 1;
            while (last < tokens.Count && tokens[last].Depth >= depth && tokens[last].Text != ";") last++;
            offset = Join(tokens, end + 1, last).Trim();
        }
        var select = at - 1;
        while (select >= 0 && !(tokens[select].Depth == depth && tokens[select].Is("SELECT"))) select--;
        var ordered = false;
        for (var i = select + 1; i < at; i++)
            if (tokens[i].Depth == depth && tokens[i].Is("ORDER")) ordered = true;
        tokens.RemoveRange(at, last - at);
        if (ordered)
        {
            tokens.Insert(at, new Token($"OFFSET {offset ?? "0"} ROWS FETCH NEXT {count} ROWS ONLY ", Kind.Word, depth));
            return;
        }
        if (select < 0) throw new InvalidOperationException("LIMIT without a SELECT cannot be written in T-SQL.");
        if (offset is not null) throw new InvalidOperationException("LIMIT … OFFSET needs an ORDER BY in T-SQL.");
        var after = select + 1;
        // SELECT DISTINCT TOP (n): TOP follows DISTINCT or ALL.
        while (after < tokens.Count && (tokens[after].Kind == Kind.Space || tokens[after].Is("DISTINCT") || tokens[after].Is("ALL"))) after++;
        tokens.Insert(after, new Token($"TOP ({count}) ", Kind.Word, depth));
    }

    private static string Join(List<Token> tokens, int from, int to)
    {
        var text = new StringBuilder();
        for (var i = from; i < to; i++) text.Append(tokens[i].Text);
        return text.ToString();
    }

    private enum Kind { Space, Word, Text, Symbol }

    private sealed record Token(string Text, Kind Kind, int Depth)
    {
        public bool Is(string word) => Kind == Kind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);
    }

    private static List<Token> Tokenize(string sql)
    {
        var tokens = new List<Token>();
        var depth = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var start = i;
            Kind kind;
            if (char.IsWhiteSpace(c))
            {
                while (i < sql.Length && char.IsWhiteSpace(sql[i])) i++;
                kind = Kind.Space;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                while (i < sql.Length && sql[i] != '\n') i++;
                kind = Kind.Space;
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var close = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? sql.Length : close + 2;
                kind = Kind.Space;
            }
            else if (c is '\'' or '"' or '[')
            {
                var closing = c == '[' ? ']' : c;
                i++;
                while (i < sql.Length)
                {
                    if (sql[i] == closing)
                    {
                        // A doubled quote is an escaped quote inside the literal.
                        if (i + 1 < sql.Length && sql[i + 1] == closing && closing != ']') { i += 2; continue; }
                        i++;
                        break;
                    }
                    i++;
                }
                kind = Kind.Text;
            }
            else if (char.IsLetterOrDigit(c) || c is '_' or '@' or '#')
            {
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '@' or '#' or '$')) i++;
                kind = Kind.Word;
            }
            else if (c == '|' && i + 1 < sql.Length && sql[i + 1] == '|')
            {
                i += 2;
                kind = Kind.Symbol;
            }
            else
            {
                i++;
                kind = Kind.Symbol;
            }
            var text = sql[start..i];
            if (text == ")") depth--;
            tokens.Add(new Token(text, kind, depth));
            if (text == "(") depth++;
        }
        return tokens;
    }
}
