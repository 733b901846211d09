using System.Text.RegularExpressions;

namespace Marketplace.Tests;

/// <summary>
/// The platform layer (api/Platform) knows no feature: features register with it (periodic work with the scheduler,
/// command-line tasks, what administrators must have done, validation details), never the reverse. A platform file that
/// uses a feature's namespace or names one of its types breaks that, whatever it compiles to.
/// </summary>
public sealed class PlatformKnowsNoFeatureTests
{
    private static readonly DirectoryInfo Api = FindApi();

    private static DirectoryInfo FindApi()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Marketplace.sln"))) return new DirectoryInfo(Path.Combine(dir.FullName, "api"));
        throw new InvalidOperationException("Marketplace.sln not found above the test binaries.");
    }

    /// <summary>Every folder of the API with C# in it but the platform: each is a feature's namespace.</summary>
    private static string[] Features() => Api.GetDirectories()
        .Where(d => d.Name is not ("Platform" or "bin" or "obj") && d.GetFiles("*.cs").Length > 0)
        .Select(d => d.Name).ToArray();

    /// <summary>Where <paramref name="text"/> (a platform file) uses a feature: its namespace, or a name qualified by it.</summary>
    internal static IEnumerable<string> Uses(string text, IEnumerable<string> features) =>
        features.SelectMany(feature => Regex.Matches(text, $@"\bMarketplace\.{feature}\b|(?<![\w.]){feature}\.[A-Z]\w*").Select(m => m.Value));

    [Test]
    public void No_platform_file_uses_a_feature()
    {
        var features = Features();
        Assert.That(features, Does.Contain("Accounts").And.Contain("Contracts"), "the features were found");
        var uses = Api.GetDirectories("Platform").Single().GetFiles("*.cs")
            .SelectMany(f => Uses(File.ReadAllText(f.FullName), features).Select(use => $"{f.Name}: {use}"));
        Assert.That(uses, Is.Empty);
    }

    [TestCase("using Marketplace.Accounts;")]
    [TestCase("throw new ForbiddenException(Accounts.TwoStep.EnrolFirst);")]
    [TestCase("services.AddSingleton<Marketplace.Contracts.DealClock>();")]
    public void A_use_of_a_feature_is_found(string line) => Assert.That(Uses(line, ["Accounts", "Contracts"]), Is.Not.Empty);

    [TestCase("if (!File.Exists(source)) return;")]
    [TestCase("/// the demo seeder (see Files and Accounts folders).")]
    public void Other_words_are_not_taken_for_a_feature(string line) => Assert.That(Uses(line, ["Accounts", "Files"]), Is.Empty);
}
