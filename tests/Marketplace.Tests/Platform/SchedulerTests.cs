using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Tests;

/// <summary>The platform's one scheduler runs the periodic work each feature registers; the platform names none of it.</summary>
public sealed class SchedulerTests : ApiTest
{
    /// <summary>Work that counts its runs and does what the test says on each (the run's number, from 1).</summary>
    private sealed class Work(string name, Func<int, CancellationToken, Task>? run = null) : IPeriodicWork
    {
        private int _runs;
        public int Runs => Volatile.Read(ref _runs);
        public string Name => name;
        public TimeSpan Every => TimeSpan.FromMilliseconds(20);

        public Task RunAsync(CancellationToken ct) => run?.Invoke(Interlocked.Increment(ref _runs), ct) ?? Task.FromResult(Interlocked.Increment(ref _runs));
    }

    private sealed class ErrorLog : ILogger<Scheduler>
    {
        public readonly List<string> Errors = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error) lock (Errors) Errors.Add(formatter(state, exception));
        }
    }

    [Test]
    public void Every_feature_registers_its_periodic_work_with_the_scheduler() =>
        Assert.That(App.Services.GetServices<IPeriodicWork>().Select(w => w.Name), Is.EquivalentTo(new[]
        {
            "deal clock", "award payment clock", "deadline reminders", "saved-search alerts", "payout warnings", "mail", "account-mail", "file sweep", "webhooks", "task jobs' clock", "contest clock",
        }));

    [Test]
    public async Task Each_work_runs_at_start_and_again_on_its_own_timer_and_neither_a_failing_nor_a_hanging_one_holds_back_another()
    {
        var failsFirst = new Work("fails first", (n, _) => n == 1 ? throw new InvalidOperationException("the mail server is down") : Task.CompletedTask);
        var hangs = new Work("hangs", (_, ct) => Task.Delay(Timeout.Infinite, ct));
        var quick = new Work("quick");
        var log = new ErrorLog();
        var scheduler = new Scheduler([failsFirst, hangs, quick], TimeProvider.System, log);

        await scheduler.StartAsync(CancellationToken.None);
        var until = DateTime.UtcNow.AddSeconds(20);
        while ((quick.Runs < 3 || failsFirst.Runs < 3) && DateTime.UtcNow < until) await Task.Delay(10);
        await scheduler.StopAsync(CancellationToken.None);

        Assert.That(quick.Runs, Is.GreaterThanOrEqualTo(3), "runs again and again on its own timer");
        Assert.That(failsFirst.Runs, Is.GreaterThanOrEqualTo(3), "the next run retries after a failure");
        Assert.That(hangs.Runs, Is.EqualTo(1), "still in its first run, and nobody waited for it");
        lock (log.Errors) Assert.That(log.Errors, Is.EqualTo(new[] { "The fails first run failed; the next run retries" }));
    }
}
