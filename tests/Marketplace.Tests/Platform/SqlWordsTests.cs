using System.Text.RegularExpressions;
using Marketplace.Bids;
using Marketplace.Contracts;
using Marketplace.Disputes;
using Marketplace.Jobs;
using Marketplace.Money;
using Marketplace.Platform;
using Marketplace.Producers;

namespace Marketplace.Tests;

/// <summary>
/// SQL keeps readable words ('open', 'pending', 'worker') instead of parameters for every status, so a misspelt one
/// must fail here: every status, role and relation literal in the API's SQL and in the views is checked against the
/// enum of the table it belongs to (or, for a relation, against the words its view defines).
/// </summary>
public sealed class SqlWordsTests
{
    private static readonly Dictionary<string, string[]> Statuses = new()
    {
        ["jobs"] = Names<JobStatus>(), ["job_details"] = Names<JobStatus>(),
        ["bids"] = Names<BidStatus>(), ["bid_details"] = Names<BidStatus>(),
        ["contracts"] = Names<ContractStatus>(), ["contract_details"] = Names<ContractStatus>(),
        ["producer_links"] = Names<ProducerLinkStatus>(), ["producer_link_details"] = Names<ProducerLinkStatus>(),
        ["payments"] = Names<PaymentStatus>(),
        ["payouts"] = Names<Marketplace.Payouts.PayoutStatus>(), ["payout_batches"] = Names<Marketplace.Payouts.PayoutBatchStatus>(),
        ["mail_outbox"] = Names<Marketplace.Mail.MailStatus>(), ["account_mail"] = Names<Marketplace.Mail.MailStatus>(),
        ["change_requests"] = Names<ChangeRequestStatus>(), ["cancellations"] = Names<CancellationStatus>(),
        ["disputes"] = Names<DisputeStatus>(), ["dispute_details"] = Names<DisputeStatus>(),
        ["support_tickets"] = Names<Marketplace.Help.TicketStatus>(),
        ["webhook_subscriptions"] = Names<Marketplace.Webhooks.WebhookSubscriptionStatus>(),
        ["webhook_deliveries"] = Names<Marketplace.Webhooks.WebhookDeliveryStatus>(),
        ["programme_members"] = Names<Marketplace.Programmes.MemberStatus>(),
        ["identity_checks"] = Names<Marketplace.Programmes.IdentityCheckStatus>(),
        ["milestones"] = Names<MilestoneStatus>(),
        ["contests"] = Names<Marketplace.Contests.ContestStatus>(),
        ["task_items"] = Names<Marketplace.TaskJobs.TaskItemStatus>(), ["task_submissions"] = Names<Marketplace.TaskJobs.TaskSubmissionStatus>(),
        ["tasks"] = Names<Marketplace.Teams.TeamTaskStatus>(), ["team_invitations"] = Names<Marketplace.Teams.TeamInvitationStatus>(),
    };

    private static readonly Dictionary<string, string[]> Roles = new()
    {
        ["users"] = Names<Role>(), ["worker_details"] = Names<Role>(), ["team_members"] = Names<Marketplace.Teams.TeamRole>(),
    };

    private static string[] Names<T>() where T : struct, Enum => Enum.GetValues<T>().Select(v => WireName.Of(v)).ToArray();

    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Marketplace.sln"))) return dir.FullName;
        throw new InvalidOperationException("Marketplace.sln not found above the test binaries.");
    }

    /// <summary>The views of the migrations, by name, with their SQL.</summary>
    private static Dictionary<string, string> Views() =>
        Directory.GetFiles(Path.Combine(Root, "db-migrations", "sqlite"), "*.sql").Order(StringComparer.Ordinal)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"CREATE VIEW (\w+) AS(.*?);", RegexOptions.Singleline))
            // A later script may drop a view and make it again: the last definition is the one in force.
            .GroupBy(m => m.Groups[1].Value)
            .ToDictionary(g => g.Key, g => g.Last().Groups[2].Value);

    /// <summary>Every string literal of the API's C# files that holds SQL, and every view.</summary>
    private static IEnumerable<(string Where, string Sql)> SqlTexts()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "api"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")) continue;
            var text = File.ReadAllText(file);
            var raw = Regex.Matches(text, "\"\"\"(.*?)\"\"\"", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
            var plain = Regex.Matches(Regex.Replace(text, "\"\"\".*?\"\"\"", "", RegexOptions.Singleline), "\"((?:[^\"\\\\\\n]|\\\\.)*)\"")
                .Select(m => m.Groups[1].Value);
            foreach (var literal in raw.Concat(plain).Where(l => Regex.IsMatch(l, @"\b(SELECT|UPDATE|INSERT|DELETE)\b")))
                yield return (Path.GetRelativePath(Root, file), literal);
        }
        foreach (var (name, sql) in Views()) yield return ($"view {name}", sql);
    }

    /// <summary>What is wrong with the words of one SQL text, and how many words it checked.</summary>
    internal static (List<string> Wrong, int Checked) Check(string sql)
    {
        var relations = Views().Where(v => Regex.IsMatch(v.Value, @"\bAS relation\b"))
            .ToDictionary(v => v.Key, v => Regex.Matches(v.Value, @"'(\w+)'").Select(m => m.Groups[1].Value).Distinct().ToArray());
        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? first = null;
        foreach (Match m in Regex.Matches(sql, @"(?<!@)\b(?:FROM|JOIN|UPDATE|INTO)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?", RegexOptions.IgnoreCase))
        {
            var table = m.Groups[1].Value;
            first ??= table;
            aliases[table] = table;
            if (m.Groups[2].Success && !Regex.IsMatch(m.Groups[2].Value, "^(WHERE|ON|SET|JOIN|LEFT|INNER|GROUP|ORDER|LIMIT|VALUES|SELECT|UNION)$", RegexOptions.IgnoreCase))
                aliases[m.Groups[2].Value] = table;
        }
        var wrong = new List<string>();
        var count = 0;
        var comparisons = Regex.Matches(sql, @"(?:(\w+)\.)?\b(status|role|relation)\s*(?:=|<>|!=)\s*('[^']*')", RegexOptions.IgnoreCase)
            .Concat(Regex.Matches(sql, @"(?:(\w+)\.)?\b(status|role|relation)\s+(?:NOT\s+)?IN\s*\(([^)]*)\)", RegexOptions.IgnoreCase));
        foreach (var m in comparisons)
        {
            var table = m.Groups[1].Success ? aliases.GetValueOrDefault(m.Groups[1].Value) : first;
            var column = m.Groups[2].Value.ToLowerInvariant();
            var allowed = column switch
            {
                "status" => table is null ? null : Statuses.GetValueOrDefault(table),
                "role" => table is null ? null : Roles.GetValueOrDefault(table),
                _ => table is null ? null : relations.GetValueOrDefault(table),
            };
            foreach (var word in Regex.Matches(m.Groups[3].Value, "'([^']*)'").Select(w => w.Groups[1].Value))
            {
                count++;
                if (allowed is null) wrong.Add($"{m.Value}: cannot tell which table's {column} this is (qualify it with a known alias)");
                else if (!allowed.Contains(word, StringComparer.Ordinal)) wrong.Add($"{m.Value}: '{word}' is not a {column} of {table} ({string.Join(", ", allowed)})");
            }
        }
        return (wrong, count);
    }

    [Test]
    public void Every_status_role_and_relation_written_in_SQL_is_one_the_code_knows()
    {
        var texts = SqlTexts().ToList();
        var results = texts.Select(t => (t.Where, Result: Check(t.Sql))).ToList();
        Assert.That(results.SelectMany(r => r.Result.Wrong.Select(w => $"{r.Where}: {w}")), Is.Empty);
        // The scan must actually find the words: the API writes dozens of them.
        Assert.That(results.Sum(r => r.Result.Checked), Is.GreaterThan(40));
        Assert.That(texts.Select(t => t.Where), Has.Some.EqualTo("view job_audience").And.Some.Contains("AwardJob.cs"));
    }

    [TestCase("UPDATE jobs SET status = 'opne' WHERE id = @Id", TestName = "A misspelt job status is caught")]
    [TestCase("SELECT 1 FROM bids b WHERE b.status = 'open'", TestName = "A job status used on bids is caught")]
    [TestCase("SELECT 1 FROM contracts c WHERE c.status IN ('active', 'inreview')", TestName = "A wrongly cased contract status in a list is caught")]
    [TestCase("SELECT id FROM users WHERE role = 'admin'", TestName = "An unknown role is caught")]
    [TestCase("SELECT 1 FROM job_audience a WHERE a.relation = 'owner'", TestName = "A relation its view does not define is caught")]
    [TestCase("SELECT 1 FROM jobs j JOIN bids b ON b.job_id = j.id WHERE x.status = 'open'", TestName = "A status of an unknown alias is caught")]
    public void A_wrong_word_is_reported(string sql) => Assert.That(Check(sql).Wrong, Is.Not.Empty);

    [Test]
    public void Right_words_pass() =>
        Assert.That(Check("SELECT 1 FROM jobs j JOIN bids b ON b.job_id = j.id WHERE j.status = 'open' AND b.status IN ('pending', 'withdrawn')").Wrong,
            Is.Empty);
}
