using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// The figures a town reports (GET /api/programmes/{id}/figures) equal what the rows say: after three months of a
/// programme's life, each figure is computed here again, in C#, from the contracts, the ledger, the memberships, the
/// reviews and the enrolments read straight from the database, and any difference fails. Runs on every engine the suite
/// runs on (SQLite, and PostgreSQL in ./test.sh's second run).
/// </summary>
public sealed class ProgrammeFiguresTests : ProgrammeTest
{
    private readonly ManualClock _time = new();
    protected override TimeProvider? Clock => _time;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        // Three months pass: sessions must outlive them.
        ["Auth:SessionIdleHours"] = "10000", ["Auth:SessionLifetimeDays"] = "365",
    };

    private static string MonthOf(DateTimeOffset t) => t.ToOffset(JapanTime.Offset).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private object Job(string category, bool beginners = false, string? badgeId = null) => new
    {
        title = $"{category} の仕事", description = "内容", category, budgetMin = 1_000, budgetMax = 200_000,
        deadline = _time.GetUtcNow().AddDays(20), region = "長野県立科町", beginners, beginnerBadgeId = badgeId,
    };

    private async Task<string> Deal(User business, User worker, string category, long amount, bool accept, bool revise = false, int rating = 0,
        bool beginners = false, string? badgeId = null)
    {
        var job = await Created(await business.Http.PostAsJsonAsync("/api/jobs", Job(category, beginners, badgeId)));
        var bid = await PlaceBid(worker, Id(job), amount: amount);
        var contract = Id(await Award(business, Id(job), Id(bid)));
        if (!accept) return contract;
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{contract}/submissions", new { message = "納品します" }));
        if (revise)
        {
            await Ok(await business.Http.PostAsJsonAsync($"/api/contracts/{contract}/request-revision", new { reason = "色を変えてください" }));
            await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{contract}/submissions", new { message = "直しました" }));
        }
        await Ok(await business.Http.PostAsync($"/api/contracts/{contract}/accept", null));
        if (rating > 0) await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{contract}/reviews", new { rating, comment = "ありがとう" }));
        return contract;
    }

    private async Task<User> Business(string address)
    {
        var business = await SignUp(Role.Business);
        await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        await Ok(await business.Http.PutAsJsonAsync("/api/me/tax-details", new { legalName = business.DisplayName, postalAddress = address }));
        return business;
    }

    private async Task<User> Worker()
    {
        var worker = await SignUp(Role.Worker);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills = new[] { "design" }, region = "長野県立科町", weeklyHours = 20, availability = "", isIndividual = true }));
        return worker;
    }

    [Test]
    public async Task Every_figure_equals_what_the_contracts_the_ledger_and_the_memberships_say()
    {
        var start = _time.GetUtcNow();
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        var inside = await Business("長野県佐久市中込1-1");
        var outside = await Business("東京都千代田区1-1");
        var (w1, _) = await Member(office, programmeId, "立科町", await Worker());
        var (w2, w2Member) = await Member(office, programmeId, "佐久市", await Worker());
        var outsider = await Worker(); // no member: its work counts nowhere
        var course = await Created(await office.Http.PostAsJsonAsync($"/api/programmes/{programmeId}/courses",
            new { title = "RPA研修", skills = "RPA", startsOn = "2026-05-01", endsOn = "2026-05-31", capacity = 10, badgeName = "RPA研修修了" }));
        await Ok(await w1.Http.PostAsync($"/api/courses/{Id(course)}/enrol", null));

        // The first month: orders inside and outside the prefecture, a revision, reviews, and an outsider's order.
        await Deal(inside, w1, "design", 50_000, accept: true, revise: true, rating: 5);
        await Deal(outside, w2, "writing", 30_000, accept: true, rating: 4);
        await Deal(inside, outsider, "design", 40_000, accept: true, rating: 3);

        // The next month: a newcomer completes the course and wins a beginner job; a member withdraws.
        _time.Advance(TimeSpan.FromDays(35));
        var (w3, _) = await Member(office, programmeId, "立科町", await Worker());
        await Ok(await w3.Http.PostAsync($"/api/courses/{Id(course)}/enrol", null));
        await Ok(await office.Http.PostAsJsonAsync($"/api/courses/{Id(course)}/completions", new { workerId = w3.Id }));
        await Deal(inside, w3, "dataEntry", 20_000, accept: true, rating: 5, beginners: true, badgeId: Str(course["badgeId"]));
        await Ok(await w2.Http.PostAsJsonAsync($"/api/programme-members/{w2Member}/withdraw", new { reason = "busy", note = "子育て" }));
        await Deal(outside, w1, "translation", 60_000, accept: false);

        // The third month: the member who left joins again, and works.
        _time.Advance(TimeSpan.FromDays(35));
        await Member(office, programmeId, "佐久市", w2);
        await Deal(inside, w2, "writing", 25_000, accept: true, rating: 2);

        var (from, to) = (MonthOf(start), MonthOf(_time.GetUtcNow()));
        var figures = await Ok(await office.Http.GetAsync($"/api/programmes/{programmeId}/figures?from={from}&to={to}"));
        var expected = Expected(programmeId, from, to);

        var months = figures["months"]!.AsArray().Select(m => m!.AsObject()).ToList();
        Assert.That(months.Select(m => Str(m["month"])), Is.EqualTo(expected.Months.Keys.Order(StringComparer.Ordinal)));
        Assert.Multiple(() =>
        {
            foreach (var month in months)
            {
                var m = Str(month["month"]);
                foreach (var (figure, value) in expected.Months[m])
                    Assert.That(month[figure]!.GetValue<long>(), Is.EqualTo(value), $"{m} {figure}");
            }
            Assert.That(Rows(figures["ordersByCategory"], "category", "count", "value"), Is.EquivalentTo(expected.ByCategory), "orders by category");
            Assert.That(Rows(figures["ordersByLocation"], "location", "count", "value"), Is.EquivalentTo(expected.ByLocation), "orders by location");
            Assert.That(Rows(figures["paidByMunicipality"], "municipality", "net", "withholding"), Is.EquivalentTo(expected.ByMunicipality), "paid by municipality");
            Assert.That(Rows(figures["withdrawalsByReason"], "reason", "count", null), Is.EquivalentTo(expected.ByReason), "withdrawals by reason");
        });
        // The scenario reaches every kind of figure, so that equal zeros prove nothing by accident.
        long Total(string figure) => months.Sum(m => m[figure]!.GetValue<long>());
        Assert.Multiple(() =>
        {
            Assert.That(Total("orders"), Is.EqualTo(5), "the outsider's order is not the programme's");
            foreach (var figure in new[] { "orderValue", "paidNet", "paidWithholding", "joined", "active", "withdrawn", "completed", "onTime", "revisions",
                                           "ratings", "ratingSum", "enrolled", "coursesCompleted", "firstContractsWithin90Days" })
                Assert.That(Total(figure), Is.GreaterThan(0), figure);
            Assert.That(expected.ByLocation.Select(r => r.Key).Distinct().Count(), Is.EqualTo(2), "orders inside and outside the prefecture");
        });

        // The CSV has the same months, with Japanese headers and a BOM.
        var csv = await office.Http.GetByteArrayAsync($"/api/programmes/{programmeId}/figures.csv?from={from}&to={to}");
        Assert.That(csv[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        var lines = System.Text.Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith("月,受注件数,受注額（円）"));
        Assert.That(lines.Length, Is.EqualTo(months.Count + 1));
    }

    private static List<(string Month, string Key, long A, long B)> Rows(JsonNode? rows, string key, string a, string? b) =>
        rows!.AsArray().Select(r => (Str(r!["month"]), Str(r["key"] ?? r[key]), r[a]!.GetValue<long>(), b is null ? 0L : r[b]!.GetValue<long>())).ToList();

    private sealed record Expectation(
        Dictionary<string, Dictionary<string, long>> Months, List<(string Month, string Key, long A, long B)> ByCategory,
        List<(string Month, string Key, long A, long B)> ByLocation, List<(string Month, string Key, long A, long B)> ByMunicipality,
        List<(string Month, string Key, long A, long B)> ByReason);

    private static DateTimeOffset? Time(object? value) => value switch
    {
        null or DBNull => null,
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        DateTimeOffset offset => offset.ToUniversalTime(),
        _ => throw new InvalidCastException(value.GetType().Name),
    };

    /// <summary>Every figure from the rows, in C#: the definitions of docs/programmes.md, written a second time.</summary>
    private Expectation Expected(string programmeId, string from, string to)
    {
        using var db = App.OpenDatabase();
        var memberships = db.Query("SELECT worker_id, municipality, approved_at, withdrawn_at, withdrawal_reason FROM programme_members WHERE programme_id = @Id",
                new { Id = programmeId })
            .Select(r => (Worker: (string)r.worker_id, Municipality: (string)r.municipality, Approved: Time((object?)r.approved_at), Withdrawn: Time((object?)r.withdrawn_at),
                          Reason: (string?)r.withdrawal_reason)).ToList();
        var contracts = db.Query("SELECT c.id, c.worker_id, c.business_id, c.amount, c.status, c.created_at, c.completed_at, c.deadline, j.category FROM contracts c JOIN jobs j ON j.id = c.job_id")
            .Select(r => (Id: (string)r.id, Worker: (string)r.worker_id, Business: (string)r.business_id, Amount: Convert.ToInt64((object)r.amount), Status: (string)r.status,
                          Created: Time((object?)r.created_at)!.Value, Completed: Time((object?)r.completed_at), Deadline: Time((object?)r.deadline)!.Value, Category: (string)r.category)).ToList();
        var addresses = db.Query("SELECT user_id, postal_address FROM tax_details").ToDictionary(r => (string)r.user_id, r => (string)r.postal_address);
        var transactions = db.Query("SELECT id, contract_id, kind, created_at FROM ledger_transactions")
            .Select(r => (Id: (string)r.id, Contract: (string?)r.contract_id, Kind: (string)r.kind, Created: Time((object?)r.created_at)!.Value)).ToList();
        var entries = db.Query("SELECT transaction_id, account, amount FROM ledger_entries")
            .Select(r => (Transaction: (string)r.transaction_id, Account: (string)r.account, Amount: Convert.ToInt64((object)r.amount))).ToList();
        var invoices = db.Query("SELECT contract_id, withholding_tax FROM documents WHERE kind = 'workerInvoice' AND corrects_id IS NULL")
            .Select(r => (Contract: (string)r.contract_id, Withholding: Convert.ToInt64((object)r.withholding_tax))).ToList();
        var firstSubmissions = db.Query("SELECT contract_id, created_at FROM submissions").GroupBy(r => (string)r.contract_id)
            .ToDictionary(g => g.Key, g => g.Min(r => Time((object?)r.created_at)!.Value));
        var revisions = db.Query("SELECT contract_id FROM revision_requests").GroupBy(r => (string)r.contract_id).ToDictionary(g => g.Key, g => (long)g.Count());
        var reviews = db.Query("SELECT contract_id, reviewee_id, rating FROM reviews")
            .Select(r => (Contract: (string)r.contract_id, Reviewee: (string)r.reviewee_id, Rating: Convert.ToInt64((object)r.rating))).ToList();
        var enrolments = db.Query("SELECT e.worker_id, e.enrolled_at, e.completed_at, e.first_job_by FROM course_enrolments e JOIN courses k ON k.id = e.course_id WHERE k.programme_id = @Id",
                new { Id = programmeId })
            .Select(r => (Worker: (string)r.worker_id, Enrolled: Time((object?)r.enrolled_at)!.Value, Completed: Time((object?)r.completed_at), FirstJobBy: Time((object?)r.first_job_by))).ToList();
        var prefecture = db.QuerySingle<string>("SELECT prefecture FROM programmes WHERE id = @Id", new { Id = programmeId });

        string? MunicipalityAt(string worker, DateTimeOffset t) => memberships
            .FirstOrDefault(m => m.Worker == worker && m.Approved is { } a && a <= t && (m.Withdrawn is null || m.Withdrawn > t)).Municipality;
        bool MemberAt(string worker, DateTimeOffset t) => MunicipalityAt(worker, t) is not null;

        var months = new Dictionary<string, Dictionary<string, long>>();
        var byCategory = new List<(string, string, long, long)>();
        var byLocation = new List<(string, string, long, long)>();
        var byMunicipality = new List<(string, string, long, long)>();
        var byReason = new List<(string, string, long, long)>();
        var month = new DateTimeOffset(int.Parse(from[..4], CultureInfo.InvariantCulture), int.Parse(from[5..], CultureInfo.InvariantCulture), 1, 0, 0, 0, JapanTime.Offset);
        for (; MonthOf(month).CompareTo(to) <= 0; month = month.AddMonths(1))
        {
            var (s, e, name) = (month, month.AddMonths(1), MonthOf(month));
            bool In(DateTimeOffset? t) => t is { } v && v >= s && v < e;
            var orders = contracts.Where(c => In(c.Created) && c.Status != "cancelled" && MemberAt(c.Worker, c.Created)).ToList();
            byCategory.AddRange(orders.GroupBy(c => c.Category).Select(g => (name, g.Key, (long)g.Count(), g.Sum(c => c.Amount))));
            byLocation.AddRange(orders.GroupBy(c => addresses.TryGetValue(c.Business, out var a) && a.StartsWith(prefecture, StringComparison.Ordinal) ? "inside" : "outside")
                .Select(g => (name, g.Key, (long)g.Count(), g.Sum(c => c.Amount))));
            var paid = (from t in transactions
                        where In(t.Created) && t.Kind is "escrowReleased" or "escrowSettled"
                        let c = contracts.Single(c => c.Id == t.Contract)
                        let municipality = MunicipalityAt(c.Worker, t.Created)
                        where municipality is not null
                        select (Municipality: municipality,
                                Net: entries.Where(x => x.Transaction == t.Id && x.Account == $"worker:{c.Worker}").Sum(x => x.Amount),
                                // The tax withheld on the payment: the worker's invoice's (the business remits it itself).
                                Withholding: invoices.Where(d => d.Contract == c.Id).Sum(d => d.Withholding))).ToList();
            byMunicipality.AddRange(paid.GroupBy(p => p.Municipality).Select(g => (name, g.Key, g.Sum(p => p.Net), g.Sum(p => p.Withholding))));
            bool RegisteredAt(DateTimeOffset t, (string Worker, string Municipality, DateTimeOffset? Approved, DateTimeOffset? Withdrawn, string? Reason) m) =>
                m.Approved is { } a && a < t && (m.Withdrawn is null || m.Withdrawn >= t);
            var registered = memberships.Where(m => RegisteredAt(e, m)).Select(m => m.Worker).Distinct().ToList();
            var withdrawals = memberships.Where(m => In(m.Withdrawn) && m.Approved is not null).ToList();
            byReason.AddRange(withdrawals.GroupBy(m => m.Reason!).Select(g => (name, g.Key, (long)g.Count(), 0L)));
            var completed = contracts.Where(c => c.Status == "completed" && In(c.Completed) && MemberAt(c.Worker, c.Completed!.Value)).ToList();
            var rated = reviews.Where(r => completed.Any(c => c.Id == r.Contract && c.Worker == r.Reviewee)).ToList();
            months[name] = new Dictionary<string, long>
            {
                ["orders"] = orders.Count, ["orderValue"] = orders.Sum(c => c.Amount),
                ["paidNet"] = paid.Sum(p => p.Net), ["paidWithholding"] = paid.Sum(p => p.Withholding),
                ["registered"] = registered.Count,
                ["joined"] = memberships.Count(m => In(m.Approved)),
                ["active"] = registered.Count(w => contracts.Any(c => c.Worker == w && c.Status == "completed" && c.Completed >= e.AddDays(-90) && c.Completed < e)),
                ["withdrawn"] = withdrawals.Count,
                ["completed"] = completed.Count,
                ["onTime"] = completed.Count(c => firstSubmissions.TryGetValue(c.Id, out var first) && first <= c.Deadline),
                ["revisions"] = completed.Sum(c => revisions.GetValueOrDefault(c.Id)),
                ["ratings"] = rated.Count, ["ratingSum"] = rated.Sum(r => r.Rating),
                ["enrolled"] = enrolments.Count(x => In(x.Enrolled)),
                ["coursesCompleted"] = enrolments.Count(x => In(x.Completed)),
                ["firstContractsWithin90Days"] = enrolments.Count(x => In(x.Completed)
                    && contracts.Any(c => c.Worker == x.Worker && c.Created >= x.Completed && c.Created < x.FirstJobBy)
                    && !contracts.Any(c => c.Worker == x.Worker && c.Created < x.Completed)),
            };
        }
        return new Expectation(months, byCategory, byLocation, byMunicipality, byReason);
    }

    /// <summary>
    /// Issue 29 counts in the orders the contracts of teams with members: a team whose director is no member wins an
    /// order, and it counts once because one of its members is the programme's; a team without any does not count.
    /// </summary>
    [Test]
    public async Task A_teams_order_counts_when_a_member_of_the_programme_is_in_the_team()
    {
        var start = _time.GetUtcNow();
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        var business = await Business("長野県佐久市中込1-1");
        var (member, _) = await Member(office, programmeId, "立科町", await Worker());
        var (alsoMember, _) = await Member(office, programmeId, "佐久市", await Worker());
        async Task<(User Director, string Contract)> TeamOf(params User[] people)
        {
            var director = await Worker();
            var team = Id(await Created(await director.Http.PostAsJsonAsync("/api/teams", new
            {
                name = "立科テレワーク班", description = "入力", region = "長野県立科町", skills = new[] { "dataEntry" }, weeklyHours = 10,
            })));
            foreach (var person in people)
            {
                var invitation = await Created(await director.Http.PostAsJsonAsync($"/api/teams/{team}/invitations", new { email = person.Email, role = "member" }));
                await Ok(await person.Http.PostAsync($"/api/team-invitations/{Id(invitation)}/accept", null));
            }
            var job = await Created(await business.Http.PostAsJsonAsync("/api/jobs", Job("dataEntry")));
            var bid = await Created(await director.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/bids",
                new { amount = 30_000, deliveryDays = 10, message = "チームで", teamId = team }));
            return (director, Id(await Award(business, Id(job), Id(bid))));
        }
        var (director, contract) = await TeamOf(member, alsoMember);
        await TeamOf(await Worker());
        // The member's task is paid out of the team's release: her share is money paid to a member.
        var task = Id(await Created(await director.Http.PostAsJsonAsync($"/api/contracts/{contract}/tasks", new
        {
            title = "入力", instructions = "手順どおりに", amount = 10_000, hours = 3, dueAt = _time.GetUtcNow().AddDays(5), assigneeId = member.Id,
        })));
        await Created(await member.Http.PostAsJsonAsync($"/api/tasks/{task}/submissions", new { message = "できました" }));
        await Ok(await director.Http.PostAsync($"/api/tasks/{task}/approve", null));
        await Created(await director.Http.PostAsJsonAsync($"/api/contracts/{contract}/submissions", new { message = "納品します" }));
        await Ok(await business.Http.PostAsync($"/api/contracts/{contract}/accept", null));

        var month = MonthOf(start);
        var figures = await Ok(await office.Http.GetAsync($"/api/programmes/{programmeId}/figures?from={month}&to={month}"));
        var months = figures["months"]!.AsArray();
        Assert.That(months.Sum(m => m!["orders"]!.GetValue<long>()), Is.EqualTo(1));
        Assert.That(months.Sum(m => m!["orderValue"]!.GetValue<long>()), Is.EqualTo(30_000));
        Assert.That(months.Sum(m => m!["paidNet"]!.GetValue<long>()), Is.EqualTo(Scalar($"SELECT SUM(amount) FROM ledger_entries WHERE account = 'worker:{member.Id}'")));
        Assert.That(months.Sum(m => m!["paidNet"]!.GetValue<long>()), Is.EqualTo(10_000), "dataEntry: nothing withheld, the task paid in full");
    }
    /// <summary>
    /// A task job pays a member at its close, out of the job's escrow and with no contract (issue 24): what it credited
    /// her and the tax withheld on her total, as her worker's invoice of the job says, are money paid to a member.
    /// </summary>
    [Test]
    public async Task A_task_job_paying_a_member_counts_in_money_paid_to_members()
    {
        var start = _time.GetUtcNow();
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        var business = await Business("長野県佐久市中込1-1");
        var (member, _) = await Member(office, programmeId, "立科町", await Worker());
        var outsider = await Worker();
        var job = Str((await Created(await business.Http.PostAsJsonAsync("/api/task-jobs", new
        {
            title = "原稿の見出しづくり", instructions = "見出しを20字以内で書いてください。", category = "writing", deadline = _time.GetUtcNow().AddDays(7),
            pricePerItem = 10_000, itemCount = 3, perWorkerCap = 10, fields = new[] { new { label = "見出し", kind = "text", maxLength = 20 } },
        })))["jobId"]);
        foreach (var worker in new[] { member, member, outsider })
        {
            var item = await Ok(await worker.Http.PostAsync($"/api/task-jobs/{job}/take", null));
            var answer = await Created(await worker.Http.PostAsJsonAsync($"/api/task-items/{Id(item)}/submission", new { answers = new[] { "見出し" } }));
            await Ok(await business.Http.PostAsync($"/api/task-submissions/{Id(answer)}/approve", null));
        }
        Assert.That(Scalar($"SELECT COUNT(*) FROM jobs WHERE id = '{job}' AND status = 'completed'"), Is.EqualTo(1), "every item approved: closed and paid");

        var month = MonthOf(start);
        var months = (await Ok(await office.Http.GetAsync($"/api/programmes/{programmeId}/figures?from={month}&to={month}")))["months"]!.AsArray();
        Assert.That(months.Sum(m => m!["paidNet"]!.GetValue<long>()), Is.EqualTo(Scalar($"SELECT SUM(amount) FROM ledger_entries WHERE account = 'worker:{member.Id}'")));
        Assert.That(months.Sum(m => m!["paidNet"]!.GetValue<long>()), Is.EqualTo(20_000 - 2_000 - 2_042), "her two items less the fee and the tax; not the outsider's");
        Assert.That(months.Sum(m => m!["paidWithholding"]!.GetValue<long>()), Is.EqualTo(2_042), "10.21% of her ¥20,000, as her invoice of the job says");
    }

    // A trial's yearly chart, asked in December, drew January to March with the members registered today.
    [Test]
    public async Task Months_that_have_not_begun_have_no_figures_and_the_month_in_progress_counts_so_far()
    {
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        await Member(office, programmeId);
        var now = _time.GetUtcNow();
        var (thisMonth, nextMonth, later) = (MonthOf(now), MonthOf(now.AddDays(32)), MonthOf(now.AddDays(90)));
        var figures = await Ok(await office.Http.GetAsync($"/api/programmes/{programmeId}/figures?from={thisMonth}&to={later}"));
        Assert.That(figures["months"]!.AsArray().Select(m => (Str(m!["month"]), m["registered"]!.GetValue<long>())),
            Is.EqualTo(new[] { (thisMonth, 1L) }));
        var csv = System.Text.Encoding.UTF8.GetString(await office.Http.GetByteArrayAsync($"/api/programmes/{programmeId}/figures.csv?from={thisMonth}&to={later}"));
        Assert.That(csv, Does.Contain(thisMonth).And.Not.Contain(nextMonth));

        _time.Advance(TimeSpan.FromDays(32));
        var after = await Ok(await office.Http.GetAsync($"/api/programmes/{programmeId}/figures?from={thisMonth}&to={later}"));
        Assert.That(after["months"]!.AsArray().Select(m => Str(m!["month"])), Is.EqualTo(new[] { thisMonth, nextMonth }), "a month joins once it begins");
    }
}
