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
        Assert.That(services.Keys, Is.SupersetOf(new[] { "caddy", "postgres", "sqlserver", "minio", "minio-bucket" }));
        Assert.That(((Dictionary<object, object>)compose["volumes"]).Keys, Is.SupersetOf(new[] { "minio", "postgres", "sqlserver" }));
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
    public void The_nodes_keep_files_in_MinIO_whose_bucket_is_made_before_they_start()
    {
        var services = (Dictionary<object, object>)Compose()["services"];
        var minio = (Dictionary<object, object>)services["minio"];
        Assert.That(((List<object>)minio["volumes"]).Cast<string>(), Does.Contain("minio:/data"));
        var bucket = (Dictionary<object, object>)services["minio-bucket"];
        Assert.That(((List<object>)bucket["command"]).Cast<string>(), Is.EqualTo(new[] { "mb", "--ignore-existing", "store/${S3_BUCKET:-marketplace}" }));
        foreach (var (name, node) in ApiNodes())
        {
            var environment = (Dictionary<object, object>)node["environment"];
            Assert.That(environment["Files__Store"], Is.EqualTo("s3"), name);
            Assert.That(environment["Files__S3__Bucket"], Is.EqualTo("${S3_BUCKET:-marketplace}"), name + ": the bucket minio-bucket makes");
            Assert.That(environment["Files__S3__ServiceUrl"], Does.Contain("http://minio:9000"), name);
            var dependsOn = (Dictionary<object, object>)node["depends_on"];
            Assert.That(((Dictionary<object, object>)dependsOn["minio-bucket"])["condition"], Is.EqualTo("service_completed_successfully"), name);
            Assert.That(node.ContainsKey("volumes") && ((List<object>)node["volumes"]).Cast<string>().Any(v => v.Contains("files")), Is.False,
                name + ": no node keeps files of its own");
        }
    }

    /// <summary>Each <c>Files__…</c> setting compose gives a node names a property of the app's <see cref="Marketplace.Files.FilesOptions"/>.</summary>
    [Test]
    public void Every_files_setting_compose_gives_a_node_binds_to_the_apps_file_options()
    {
        foreach (var (name, node) in ApiNodes())
            foreach (var key in ((Dictionary<object, object>)node["environment"]).Keys.Cast<string>().Where(k => k.StartsWith("Files__", StringComparison.Ordinal)))
            {
                var type = typeof(Marketplace.Files.FilesOptions);
                foreach (var part in key.Split("__").Skip(1))
                {
                    var property = type.GetProperty(part);
                    Assert.That(property, Is.Not.Null, $"{name}: {key} binds to nothing ({part} is not a property of {type.Name})");
                    Assert.That(property!.CanWrite, Is.True, $"{name}: {key} cannot be set");
                    type = property.PropertyType;
                }
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
