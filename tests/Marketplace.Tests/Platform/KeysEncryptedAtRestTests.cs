using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Tests;

/// <summary>
/// Issue 26: with <c>DataProtection:CertificatePath</c> the keys that seal cookies are stored encrypted with the
/// certificate, so a copy of the database alone forges nothing; a second node with the same certificate reads them, and
/// a node without it refuses to start rather than sign everyone out. The certificate is self-signed, made here.
/// </summary>
public sealed class KeysEncryptedAtRestTests
{
    private const string Password = "correct horse battery";
    private string _folder = "";

    [SetUp]
    public void MakeFolder() => _folder = Directory.CreateTempSubdirectory("marketplace-keys-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    /// <summary>A self-signed certificate with its private key, as a .pfx file with a password.</summary>
    private string Certificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, "pfx-password"));
        return path;
    }

    private static Dictionary<string, string?> WithCertificate(string path) => new()
    {
        ["DataProtection:CertificatePath"] = path,
        ["DataProtection:CertificatePassword"] = "pfx-password",
    };

    private static async Task<string> SignedInCookie(MarketplaceApp node)
    {
        var client = node.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var email = "keys@test.example";
        var registered = await client.PostAsJsonAsync("/api/auth/register",
            new { email, password = Password, displayName = "Keys", role = "worker", acceptedTermsVersion = 1, acceptedPrivacyVersion = 1 });
        Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Created), await registered.Content.ReadAsStringAsync());
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mkp_auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static List<string> StoredKeys(MarketplaceApp node)
    {
        using var connection = node.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM data_protection_keys";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read()) keys.Add(reader.GetString(0));
        return keys;
    }

    [Test]
    public async Task Keys_are_stored_encrypted_read_by_a_node_with_the_same_certificate_and_refused_by_one_without()
    {
        var certificate = Certificate("marketplace-keys");
        var database = TestDatabase.New();
        using var first = new MarketplaceApp(database, WithCertificate(certificate));
        var cookie = await SignedInCookie(first);

        var keys = StoredKeys(first);
        Assert.That(keys, Is.Not.Empty);
        Assert.That(keys, Has.All.Contain("encryptedSecret"), "each key is encrypted with the certificate");
        Assert.That(keys, Has.None.Contain("<value>"), "no key's secret is stored readable");

        using var second = new MarketplaceApp(database, WithCertificate(certificate));
        var there = second.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        there.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.That((await there.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the same certificate reads the keys");

        foreach (var settings in new[] { null, WithCertificate(Certificate("another-certificate")) })
        {
            using var without = new MarketplaceApp(database, settings);
            var refused = Assert.Catch(() => _ = without.Server, settings is null ? "no certificate" : "another certificate")!;
            Assert.That(refused.ToString(), Does.Contain("DataProtection:CertificatePath"));
        }
    }
}
