using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Contracts;
using Marketplace.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>Start-up refuses periods the Freelance Act does not allow.</summary>
public sealed class DealSettingsTests
{
    [TestCase("Contracts:InspectionDays", "15", "Contracts:InspectionDays must be 1 to 14", TestName = "An inspection period over 14 days is refused")]
    [TestCase("Contracts:PaymentDays", "53", "Freelance Act (art. 4)", TestName = "Inspection plus payment days beyond 60 from delivery are refused")]
    [TestCase("Disputes:AnswerDays", "0", "Disputes:AnswerDays must be 1 to 30", TestName = "An answer period of no days is refused")]
    public void Start_up_refuses_settings_beyond_the_law(string key, string value, string message)
    {
        using var app = new MarketplaceApp(TestDatabase.New(), new Dictionary<string, string?> { [key] = value });
        Assert.That(() => app.Server, Throws.InstanceOf<Microsoft.Extensions.Options.OptionsValidationException>().With.Message.Contains(message));
    }

    [Test]
    public void The_longest_lawful_periods_start()
    {
        using var app = new MarketplaceApp(TestDatabase.New(),
            new Dictionary<string, string?> { ["Contracts:InspectionDays"] = "14", ["Contracts:PaymentDays"] = "45" });
        Assert.That(() => app.Server, Throws.Nothing);
    }
}
