using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>
/// Issue 29, from a course to a first paid job, tried as the people would: an administrator sets up Tateshina's
/// programme and invites its office on the programmes screen; the invited person opens the mailed link, agrees to the
/// terms and sets a password; the office checks a worker's identity and approves her, runs a course and marks her
/// completed; she wins a beginner job that names the course's badge; the figures page counts her in each column it
/// should. The worker's and the business's own steps (joining, the check's upload, enrolling, the job, the bid, the
/// award) go through the API: their pages have tests of their own (NdaJobInTheBrowserTests, ProgrammesPage).
/// </summary>
public sealed class ProgrammeInTheBrowserTests : BrowserTest
{
    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Test]
    public async Task An_office_approves_a_checked_member_runs_a_course_and_the_figures_count_her_first_job()
    {
        // The administrator, as the operator makes one, enrolled in two-step sign-in through the API.
        var adminAccount = await Marketplace.Accounts.CreateAdministrator.CreateAsync(App.Services, "admin@test.example", Password, "運営 事務局");
        var adminHttp = Browser();
        await Ok(await adminHttp.PostAsJsonAsync("/api/auth/login", new { email = adminAccount.Email, password = Password }));
        var (adminSecret, _) = await EnrolTwoStep(adminHttp);

        var admin = await Person();
        await SignInWithCode(admin, adminAccount.Email, Password, TotpNow(adminSecret, steps: 1));
        await admin.GotoAsync("/admin/programmes");
        await admin.GetByLabel("プログラム名").FillAsync("立科町社会福祉型テレワーク");
        await admin.GetByLabel("都道府県").FillAsync("長野県");
        await admin.GetByLabel("対象の市町村").FillAsync("立科町、佐久市");
        await Button(admin, "登録する").ClickAsync();
        // The page's other live regions (the staff list loading) are statuses too: the one that says this.
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "を登録しました" })).ToContainTextAsync("「立科町社会福祉型テレワーク」を登録しました");
        var programmeCard = admin.GetByRole(AriaRole.Listitem).Filter(new() { Has = admin.GetByRole(AriaRole.Heading, new() { Name = "立科町社会福祉型テレワーク" }) });
        await programmeCard.GetByLabel("担当者の氏名").FillAsync("立科 花子");
        await programmeCard.GetByLabel("担当者のメールアドレス").FillAsync("office@tateshina.example");
        await Button(admin, "招待メールを送る").ClickAsync();
        await Assertions.Expect(programmeCard.GetByRole(AriaRole.Status).Filter(new() { HasText = "招待メール" })).ToContainTextAsync("office@tateshina.example に招待メールを送ります");
        await Check(admin, "admin-programmes");

        // The invited person opens the mailed link, agrees to the terms and sets a password.
        var office = await Person();
        await office.GotoAsync($"/office-invitation#token={MailedTokenTo("office@tateshina.example", "officeInvitation")}");
        await office.GetByLabel("パスワード").FillAsync(Password);
        await office.GetByRole(AriaRole.Checkbox).CheckAsync();
        await Button(office, "パスワードを設定する").ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Status).Filter(new() { HasText = "パスワード" })).ToContainTextAsync("パスワードを設定しました");
        await Check(office, "office-password-set");

        // Two-step enrolment, through the API as the other browser tests do, then the office signs in with its code.
        var officeHttp = Browser();
        await Ok(await officeHttp.PostAsJsonAsync("/api/auth/login", new { email = "office@tateshina.example", password = Password }));
        var (officeSecret, _) = await EnrolTwoStep(officeHttp);
        var programmeId = Str((await officeHttp.GetFromJsonAsync<JsonArray>("/api/programmes"))![0]!["id"]);

        // 阿部 由紀 joins from 立科町 and sends her driving licence.
        var worker = await SignUp(Role.Worker, "阿部 由紀");
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "在宅でデータ入力をします。", skills = new[] { "データ入力" }, region = "長野県立科町", weeklyHours = 10, availability = "平日" }));
        await Created(await worker.Http.PostAsJsonAsync($"/api/programmes/{programmeId}/join", new { municipality = "立科町" }));
        var licence = await Created(await worker.Http.Upload(Uploads.Png, "licence.png"));
        await Created(await worker.Http.PostAsJsonAsync("/api/identity-checks", new { fileId = Id(licence), documentType = "driversLicence" }));

        await SignInWithCode(office, "office@tateshina.example", Password, TotpNow(officeSecret, steps: 1));
        await office.GotoAsync("/office");
        await Button(office, "本人確認済みにする").ClickAsync();
        await Assertions.Expect(Button(office, "本人確認済みにする")).ToHaveCountAsync(0);
        var members = office.GetByRole(AriaRole.Region, new() { Name = "登録者", Exact = true });
        await Assertions.Expect(members.GetByText("本人確認済み")).ToBeVisibleAsync();
        await members.GetByRole(AriaRole.Button, new() { Name = "承認する" }).ClickAsync();
        await Assertions.Expect(members.GetByRole(AriaRole.Button, new() { Name = "退会を記録" })).ToBeVisibleAsync();

        // The office runs a course; she enrols; the office marks her completed, which gives her the badge.
        await office.GetByLabel("講座名").FillAsync("RPA研修");
        await office.GetByLabel("身につくスキル").FillAsync("RPA、データ入力");
        await office.GetByLabel("開始日").FillAsync(DateTime.Today.AddDays(-20).ToString("yyyy-MM-dd"));
        await office.GetByLabel("終了日").FillAsync(DateTime.Today.AddDays(-1).ToString("yyyy-MM-dd"));
        await office.GetByLabel("修了バッジの名前").FillAsync("RPA研修修了");
        await Button(office, "講座をつくる").ClickAsync();
        await Assertions.Expect(office.GetByText("講座をつくりました。", new() { Exact = false })).ToBeVisibleAsync();
        var courseId = Str((await officeHttp.GetFromJsonAsync<JsonArray>($"/api/programmes/{programmeId}/courses"))![0]!["id"]);
        await Ok(await worker.Http.PostAsync($"/api/courses/{courseId}/enrol", null));
        await office.ReloadAsync();
        await Button(office, "修了にする").ClickAsync();
        await Assertions.Expect(Button(office, "修了にする")).ToHaveCountAsync(0);
        // The member list, filtered by the course's badge, shows her with it.
        await members.GetByLabel("バッジ").SelectOptionAsync("RPA研修修了");
        await Assertions.Expect(members.GetByRole(AriaRole.Cell, new() { Name = "RPA研修修了" })).ToBeVisibleAsync();
        // Her name's cell (the row's buttons name her too: 「阿部 由紀さんの退会を記録」).
        await Assertions.Expect(members.GetByRole(AriaRole.Cell, new() { Name = "阿部 由紀 本人確認済み", Exact = true })).ToBeVisibleAsync();
        await Check(office, "office-desk");

        // A business posts a beginner job naming the badge; she bids and wins it.
        var business = await SignUp(Role.Business, "佐久精機");
        var badgeId = Str((await business.Http.GetFromJsonAsync<JsonArray>("/api/badges"))!.Single(b => Str(b!["name"]) == "RPA研修修了")!["id"]);
        var job = await PostJob(business, new
        {
            title = "名簿のデータ入力（入門）", description = "紙の名簿300件の入力", category = "dataEntry", budgetMin = 10_000, budgetMax = 30_000,
            deadline = DateTimeOffset.UtcNow.AddDays(30), region = "長野県", beginners = true, beginnerBadgeId = badgeId,
        });
        await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), amount: 20_000)));

        // The figures page counts her: registered and new this month, one order of ¥20,000, an enrolment, a completion,
        // and a first contract within 90 days of completing.
        await office.GotoAsync($"/office/figures?programme={programmeId}");
        // The month as the page says it in Japanese: 2026年12月.
        var inJapan = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var month = $"{inJapan.Year}年{inJapan.Month}月";
        var row = office.Locator("tbody tr").Filter(new() { Has = office.GetByRole(AriaRole.Rowheader, new() { Name = month, Exact = true }) });
        var cells = row.Locator("td");
        string[] columns = ["orders", "orderValue", "paidNet", "paidWithholding", "registered", "joined", "active", "withdrawn", "completed", "onTime",
            "revisions", "ratings", "ratingSum", "enrolled", "coursesCompleted", "firstContractsWithin90Days"];
        var expected = new Dictionary<string, string>
        {
            ["orders"] = "1", ["orderValue"] = "20,000", ["registered"] = "1", ["joined"] = "1", ["withdrawn"] = "0",
            ["enrolled"] = "1", ["coursesCompleted"] = "1", ["firstContractsWithin90Days"] = "1",
        };
        foreach (var (column, value) in expected)
            await Assertions.Expect(cells.Nth(Array.IndexOf(columns, column))).ToHaveTextAsync(value);
        await Check(office, "figures");

        // The same pages at a phone's 360 px: the tables scroll in their own regions, the page does not (Check).
        await office.SetViewportSizeAsync(360, 740);
        await office.ReloadAsync();
        await Assertions.Expect(office.Locator(".table-scroll > table.wide-table")).ToBeVisibleAsync();
        await Check(office, "figures-phone");
        await office.GotoAsync("/office");
        // On a phone each member is a card holding her buttons (a trial could not see whose row it approved).
        var card = office.GetByRole(AriaRole.Region, new() { Name = "登録者", Exact = true }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "阿部 由紀" });
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "阿部 由紀さんの退会を記録" })).ToBeVisibleAsync();
        await Check(office, "office-desk-phone");
    }
}
