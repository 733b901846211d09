using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Marketplace.Tests;

/// <summary>
/// Issue 26: docker-compose.yml cannot be run here (no Docker), so it is read: it parses (anchors and merge keys
/// included), every setting it gives an API node is one the app reads (a row of docs/configuration.md's table), and
/// every variable it takes from .env is explained in .env.example.
/// </summary>
public sealed class DeploymentFileTests
{
    private static readonly string Root = WebClientTests.RepositoryRoot();

    private static Dictionary<object, object> Compose()
    {
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Root, "docker-compose.yml")));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    private static IEnumerable<(string Name, Dictionary<object, object> Service)> ApiNodes() =>
        ((Dictionary<object, object>)Compose()["services"])
        .Select(s => ((string)s.Key, (Dictionary<object, object>)s.Value))
        .Where(s => s.Item2.TryGetValue("build", out var build) && build is Dictionary<object, object> b
                    && b.TryGetValue("dockerfile", out var file) && Equals(file, "api/Dockerfile"));

    /// <summary>The settings docs/configuration.md lists: each backticked name in the first column of its table.</summary>
    private static HashSet<string> DocumentedSettings()
    {
        var settings = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(Path.Combine(Root, "docs", "configuration.md")).Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
            foreach (Match name in Regex.Matches(line.Split('|')[1], "`([^`]+)`"))
                settings.Add(name.Groups[1].Value);
        return settings;
    }

    [Test]
    public void Compose_runs_two_API_nodes_on_each_engine_behind_the_proxy_with_volumes()
    {
        var compose = Compose();
        var services = (Dictionary<object, object>)compose["services"];
        var nodes = ApiNodes().ToList();
        Assert.That(nodes.Select(n => n.Name), Is.EquivalentTo(new[] { "api-1", "api-2", "api-1-sqlserver", "api-2-sqlserver" }));
        Assert.That(services.Keys, Is.SupersetOf(new[] { "caddy", "postgres", "sqlserver" }));
        Assert.That(((Dictionary<object, object>)compose["volumes"]).Keys, Is.SupersetOf(new[] { "files", "postgres", "sqlserver" }));
        foreach (var (name, node) in nodes)
        {
            var test = ((List<object>)((Dictionary<object, object>)node["healthcheck"])["test"]).Cast<string>();
            Assert.That(test, Is.EqualTo(new[] { "CMD", "dotnet", "Marketplace.Api.dll", "--health" }), name + ": no wget in the runtime image");
        }
    }

    [Test]
    public void Every_setting_compose_gives_an_API_node_is_one_the_app_reads()
    {
        var documented = DocumentedSettings();
        foreach (var (name, node) in ApiNodes())
        {
            var environment = ((Dictionary<object, object>)node["environment"]).Keys.Cast<string>().ToList();
            Assert.That(environment, Does.Contain("Database__Provider").And.Contain("ConnectionStrings__Marketplace"), name);
            foreach (var key in environment)
                Assert.That(documented, Does.Contain(key.Replace("__", ":")), $"{name}: {key} is not a setting in docs/configuration.md");
        }
    }

    [Test]
    public void Every_variable_compose_takes_from_the_env_file_is_explained_in_env_example()
    {
        var compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));
        var used = Regex.Matches(compose, @"\$\{([A-Z_][A-Z0-9_]*)").Select(m => m.Groups[1].Value).ToHashSet();
        var example = File.ReadAllLines(Path.Combine(Root, ".env.example"));
        // A variable is explained when the lines above it, skipping the other variables of its group, end in a comment.
        var variable = new Regex("^([A-Z_][A-Z0-9_]*)=");
        var explained = example.Select((line, i) => (Match: variable.Match(line), i))
            .Where(l => l.Match.Success && example.Take(l.i).Reverse().SkipWhile(p => variable.IsMatch(p)).FirstOrDefault()?.StartsWith('#') == true)
            .Select(l => l.Match.Groups[1].Value).ToHashSet();
        Assert.That(explained, Is.SupersetOf(used));
    }
}
