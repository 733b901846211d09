using System.Text.RegularExpressions;

namespace Marketplace.Tests;

/// <summary>
/// Issue 22: the container runs the app as the runtime image's unprivileged user, which owns the one folder the app
/// writes (/data: the database and the files). The machines that run the suite have no Docker, so this reads the
/// Dockerfile's final stage as Docker would.
/// </summary>
public sealed class ContainerTests
{
    private static string[] FinalStage()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Marketplace.sln"))) root = root.Parent!;
        var lines = File.ReadAllLines(Path.Combine(root.FullName, "api", "Dockerfile"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        return lines.Skip(lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.Ordinal))).ToArray();
    }

    [Test]
    public void The_app_runs_as_the_images_unprivileged_user_who_owns_the_data_folder()
    {
        var stage = FinalStage();
        var user = stage.LastOrDefault(l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.That(user, Is.EqualTo("USER $APP_UID"), "the aspnet image's non-root user");
        var entrypoint = Array.FindIndex(stage, l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal));
        Assert.That(Array.IndexOf(stage, user), Is.LessThan(entrypoint), "set before the app starts");
        Assert.That(stage.Where(l => Regex.IsMatch(l, @"^RUN .*chown ""?\$APP_UID(:\$APP_UID)?""? /data\b")), Is.Not.Empty,
            "/data, where the database and files are written, belongs to that user");
    }
}
