using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace Marketplace.Tests;

/// <summary>
/// With <c>MARKETPLACE_TEST_SHUFFLE=&lt;seed&gt;</c> in the environment, the fixtures that carry this attribute (every
/// <see cref="ApiTest"/>) run in an order shuffled by the seed, and so do the tests inside each; without it NUnit's own
/// fixed order holds. A test that passes only after another one, or fails only after it, shows up in a shuffled run, and
/// the same seed runs the same order again. NUnit has no random order of its own: this sets each test's Order property,
/// which NUnit sorts by.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ShuffledOnRequestAttribute : NUnitAttribute, IFixtureBuilder2
{
    public const string Variable = "MARKETPLACE_TEST_SHUFFLE";

    private static readonly int? Seed = int.TryParse(Environment.GetEnvironmentVariable(Variable), out var seed) ? seed : null;

    public IEnumerable<TestSuite> BuildFrom(ITypeInfo typeInfo) => BuildFrom(typeInfo, new EveryTest());

    public IEnumerable<TestSuite> BuildFrom(ITypeInfo typeInfo, IPreFilter filter)
    {
        var fixture = new NUnitTestFixtureBuilder().BuildFrom(typeInfo, filter);
        if (Seed is { } seed)
        {
            var random = new Random(seed ^ StableHash(typeInfo.FullName));
            fixture.Properties.Set(PropertyNames.Order, random.Next());
            foreach (var test in fixture.Tests)
                test.Properties.Set(PropertyNames.Order, random.Next());
        }
        yield return fixture;
    }

    private sealed class EveryTest : IPreFilter
    {
        public bool IsMatch(Type type) => true;

        public bool IsMatch(Type type, System.Reflection.MethodInfo method) => true;
    }

    /// <summary>FNV-1a: string.GetHashCode differs from process to process, and a seed must replay the same order.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (int)hash;
    }
}
