using System.Reflection;
using System.Text.RegularExpressions;
using Marketplace.Platform;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Marketplace.Tests;

/// <summary>
/// SQL Server cannot run on the machines that build this product, so every statement the API holds is parsed in its SQL
/// Server form by Microsoft's own T-SQL parser. The statements are the API assembly's string literals (its user-string
/// heap: every literal the compiler emitted, raw strings included) that begin like a statement, each rewritten by the
/// SQL Server dialect exactly as it would be before running.
/// </summary>
public sealed class SqlServerStatementsTests
{
    private static readonly SqlServerDialect Dialect = new();

    public static IEnumerable<TestCaseData> Statements() =>
        SqlLiterals()
            .Where(l => !typeof(SqlDialect).IsAssignableFrom(l.Type)) // the dialects' own building blocks (checked below)
            .Where(l => SqlForAttribute.RunsOn(l.Type, DatabaseEngine.SqlServer)) // SQLite's FTS5 and PostgreSQL's tsquery statements
            .GroupBy(l => l.Sql)
            .Select(g => new TestCaseData(g.Key).SetName($"T-SQL parses: {g.First().Type.FullName!.Replace("Marketplace.", "")}: {Short(g.Key)}"));

    /// <summary>
    /// Every string literal (the IL's <c>ldstr</c>) of the API assembly that begins like a statement, with the type whose
    /// code loads it (an async method's state machine counts as its declaring type).
    /// </summary>
    internal static IEnumerable<(Type Type, string Sql)> SqlLiterals()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var module = typeof(Program).Module;
        foreach (var type in typeof(Program).Assembly.GetTypes())
        {
            var owner = type;
            while (owner.DeclaringType is not null && owner.Name.Contains('<')) owner = owner.DeclaringType;
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                var il = method.GetMethodBody()?.GetILAsByteArray();
                if (il is null) continue;
                for (var i = 0; i + 4 < il.Length; i++)
                {
                    // ldstr is 0x72 followed by a user-string token (table 0x70).
                    if (il[i] != 0x72 || il[i + 4] != 0x70) continue;
                    string text;
                    try { text = module.ResolveString(BitConverter.ToInt32(il, i + 1)); }
                    catch (ArgumentException) { continue; }
                    if (Regex.IsMatch(text, @"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|MERGE)\b", RegexOptions.IgnoreCase)) yield return (owner, text);
                }
            }
        }
    }

    private static string Short(string sql)
    {
        var flat = Regex.Replace(sql.Trim(), @"\s+", " ");
        return flat[..Math.Min(80, flat.Length)];
    }

    [TestCaseSource(nameof(Statements))]
    public void Every_statement_of_the_api_parses_as_T_SQL(string sql)
    {
        var translated = Dialect.Translate(sql);
        Assert.That(Parse(translated), Is.Empty, translated);
    }

    [Test]
    public void The_statements_are_found()
    {
        Assert.That(Statements().Count(), Is.GreaterThan(200), "the user-string heap was read");
    }

    [Test]
    public void A_page_query_becomes_offset_fetch_after_its_order_and_top_without_one()
    {
        Assert.That(Dialect.Translate("SELECT id FROM jobs ORDER BY id DESC LIMIT @Take"),
            Is.EqualTo("SELECT id FROM jobs ORDER BY id DESC OFFSET 0 ROWS FETCH NEXT @Take ROWS ONLY "));
        Assert.That(Dialect.Translate("SELECT id FROM jobs WHERE x = @X LIMIT 1"), Is.EqualTo("SELECT TOP (1) id FROM jobs WHERE x = @X "));
        Assert.That(Dialect.Translate("SELECT COUNT(*) FROM (SELECT DISTINCT id FROM jobs LIMIT 101) s"),
            Is.EqualTo("SELECT COUNT(*) FROM (SELECT DISTINCT TOP (101) id FROM jobs ) s"));
        Assert.That(Dialect.Translate("SELECT id FROM jobs ORDER BY id LIMIT @Take OFFSET @Skip"),
            Is.EqualTo("SELECT id FROM jobs ORDER BY id OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY "));
    }

    [Test]
    public void Flags_and_concatenation_take_their_T_SQL_spelling_outside_literals()
    {
        Assert.That(Dialect.Translate("SELECT 'TRUE || x' || name FROM t WHERE withholds = TRUE AND done = false"),
            Is.EqualTo("SELECT 'TRUE || x' + name FROM t WHERE withholds = 1 AND done = 0"));
        Assert.That(Dialect.Translate("SELECT \"true\" FROM t -- LIMIT 5\nWHERE a = 'it''s LIMIT 1'"),
            Is.EqualTo("SELECT \"true\" FROM t -- LIMIT 5\nWHERE a = 'it''s LIMIT 1'"));
    }

    [Test]
    public void The_upsert_is_a_merge_the_parser_accepts()
    {
        var merge = Dialect.Upsert("bank_accounts", ["worker_id"], ["worker_id", "bank_code", "updated_at"]);
        Assert.That(Parse(merge), Is.Empty, merge);
        Assert.That(merge, Does.Contain("WITH (HOLDLOCK)"));
    }

    [Test]
    public void The_parser_refuses_what_T_SQL_does_not_have()
    {
        Assert.That(Parse("SELECT id FROM jobs ORDER BY id LIMIT 5"), Is.Not.Empty);
        Assert.That(Parse("SELECT EXISTS (SELECT 1 FROM jobs)"), Is.Not.Empty);
    }

    internal static IReadOnlyList<string> Parse(string sql)
    {
        // Dapper expands "IN @Ids" into "IN (@Ids1, @Ids2, …)" before the statement reaches the server.
        var expanded = Regex.Replace(sql, @"\bIN\s+(@\w+)", "IN ($1)", RegexOptions.IgnoreCase);
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        parser.Parse(new StringReader(expanded), out var errors);
        return errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
    }
}
