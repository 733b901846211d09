using MediatR;
using Marketplace.Accounts;
using Marketplace.Bids;
using Marketplace.Contracts;
using Marketplace.Jobs;
using Marketplace.Platform;
using Marketplace.Workers;

namespace Marketplace.Demo;

/// <summary>
/// Development demo data in the spirit of Yuzawa's Job-Hub programme: local firms, home workers and a
/// producer. It goes through the same commands as the API, so it is always valid data. README lists the logins.
/// </summary>
public static class DemoData
{
    public const string Password = "yuzawa-demo-2026";

    public static async Task SeedAsync(IServiceProvider services, ILogger logger)
    {
        await using (var scope = services.CreateAsyncScope())
            if (await scope.ServiceProvider.GetRequiredService<DbSession>().ExecuteScalarAsync<int>("SELECT COUNT(*) FROM users") > 0) return;

        var brewery = await Account(services, "sake@yuzawa.example", "湯沢酒造（Yuzawa Sake Brewery）", Role.Business);
        var udon = await Account(services, "udon@yuzawa.example", "稲庭うどん工房（Inaniwa Udon Works）", Role.Business);
        var tourism = await Account(services, "kankou@yuzawa.example", "小安峡観光協会（Oyasukyo Tourism）", Role.Business);
        var misaki = await Account(services, "misaki@yuzawa.example", "佐藤 美咲", Role.Worker);
        var kenta = await Account(services, "kenta@yuzawa.example", "高橋 健太", Role.Worker);
        var yuki = await Account(services, "yuki@yuzawa.example", "阿部 由紀", Role.Worker);
        var producer = await Account(services, "producer@yuzawa.example", "菅原 プロデューサー", Role.Producer);
        await CreateAdministrator.CreateAsync(services, "admin@yuzawa.example", Password, "湯沢市 事務局");
        await As(services, brewery, m => m.Send(new Money.UpdateBusinessProfile.Command { IsWithholdingAgent = true }));
        var link = await As(services, udon, m => m.Send(new Producers.LinkProducer.Command
        {
            ProducerEmail = "producer@yuzawa.example", CanPostJobs = true, CanAward = true, FeeRate = 0.05m,
        }));
        await As(services, producer, m => m.Send(new Producers.AcceptProducerLink.Command(link.Id)));

        await As(services, misaki, m => m.Send(new UpdateWorkerProfile.Command
        {
            Bio = "子育て中のデザイナーです。ラベル・チラシ・ロゴを得意としています。", Skills = ["design", "illustration", "ロゴ"],
            Region = "秋田県湯沢市", WeeklyHours = 10, Availability = "平日 9:00–12:00",
        }));
        await As(services, kenta, m => m.Send(new UpdateWorkerProfile.Command
        {
            Bio = "Former hotel staff; English–Japanese translation and copywriting.", Skills = ["translation", "english", "writing"],
            Region = "秋田県横手市", WeeklyHours = 15, Availability = "Weekday evenings, weekends",
        }));
        await As(services, yuki, m => m.Send(new UpdateWorkerProfile.Command
        {
            Bio = "農家の仕事の合間に文字起こしとデータ入力をしています。冬は時間が多く取れます。", Skills = ["transcription", "dataEntry"],
            Region = "秋田県湯沢市", WeeklyHours = 8, Availability = "農閑期（11月〜3月）は平日毎日",
        }));

        var label = await PostAs(services, brewery, ("純米酒の新ラベルデザイン", "冬季限定の純米酒のラベルを作ってください。雪と稲穂のモチーフ希望。", JobCategory.Design, 30_000, 80_000, 30));
        var english = await PostAs(services, brewery, ("酒蔵紹介ページの英訳", "蔵の歴史と商品紹介（約3,000字）を英語に翻訳。", JobCategory.Translation, 20_000, 45_000, 21));
        await PostAs(services, udon, ("職人インタビューの文字起こし", "60分の音声を文字に起こしてください。秋田弁あり。", JobCategory.Transcription, 8_000, 15_000, 14));
        await PostAs(services, udon, ("通販サイトの商品説明文", "稲庭うどん6商品の説明文（各300字）。", JobCategory.Writing, 12_000, 24_000, 20));
        await PostAs(services, udon, ("注文控えの表計算入力", "紙の注文控え約400件をスプレッドシートに入力。", JobCategory.DataEntry, 10_000, 20_000, 10));
        await PostAs(services, tourism, ("紅葉シーズンのSNS投稿写真の選定", "写真200枚から投稿用の20枚を選び、簡単な説明を付ける。", JobCategory.Other, 5_000, 10_000, 7));

        await As(services, misaki, m => m.Send(new PlaceBid.Command { JobId = label.Id, Amount = 50_000, DeliveryDays = 14, Message = "雪の結晶と稲穂で3案ご提案します。" }));
        var kentaBid = await As(services, kenta, m => m.Send(new PlaceBid.Command { JobId = english.Id, Amount = 38_000, DeliveryDays = 10, Message = "酒造の英語資料の経験があります。" }));
        await As(services, brewery, m => m.Send(new AwardJob.Command { JobId = english.Id, BidId = kentaBid.Id }));
        logger.LogInformation("Seeded demo data: businesses, workers and a producer (logins in README.md)");
    }

    /// <summary>
    /// A demo account as the operator makes it: its address confirmed and the texts in force accepted, so that every
    /// page of the demo can be tried at once (the confirmation mail and the consent notice are for real sign-ups).
    /// </summary>
    private static async Task<Account> Account(IServiceProvider services, string email, string name, Role role)
    {
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var legal = await mediator.Send(new Legal.GetLegal.Query());
        return await mediator.Send(new Register.Command
        {
            Email = email, Password = Password, DisplayName = name, Role = role, MadeByOperator = true,
            AcceptedTermsVersion = legal.Terms.Version, AcceptedPrivacyVersion = legal.Privacy.Version,
        });
    }

    private static Task<Job> PostAs(IServiceProvider services, Account business,
        (string Title, string Description, JobCategory Category, long Min, long Max, int Days) job) =>
        As(services, business, m => m.Send(new PostJob.Command
        {
            Title = job.Title, Description = job.Description, Category = job.Category, BudgetMin = job.Min, BudgetMax = job.Max,
            Deadline = services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(job.Days), Region = "秋田県湯沢市",
        }));

    private static async Task<T> As<T>(IServiceProvider services, Account account, Func<IMediator, Task<T>> send)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Caller>().ActAs(account.Id, account.Role);
        return await send(scope.ServiceProvider.GetRequiredService<IMediator>());
    }
}
