using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Marketplace.Platform;

/// <summary>
/// The key ring of ASP.NET Core Data Protection (it seals sign-in cookies and the unsubscribe links in mail) kept in the
/// database every API node shares (<c>data_protection_keys</c>, migration 0029), instead of the home folder of the
/// process's user on one machine. A cookie or a link minted by one node is then read by every other, and a new
/// container does not sign everyone out. With <c>DataProtection:CertificatePath</c> (a PKCS#12 file, with
/// <c>DataProtection:CertificatePassword</c>) each key is encrypted with the certificate before it is stored; without one
/// the keys are stored as they are, readable by whoever can read the table (docs/deployment.md, "Keys").
/// </summary>
public static class DataProtectionKeys
{
    /// <summary>
    /// The name every node seals under. Without it the framework uses the content root's path, so two nodes installed
    /// in different folders could not read each other's cookies.
    /// </summary>
    public const string ApplicationName = "Marketplace";

    /// <remarks>
    /// The certificate is read here, when the app is composed (from environment variables, appsettings or the command
    /// line), so that an unreadable one stops start-up with the reason; a test host's late settings do not reach it.
    /// </remarks>
    public static IServiceCollection AddDataProtectionKeysInDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<Db, TimeProvider>((o, db, clock) => o.XmlRepository = new DatabaseKeyRepository(db, clock));
        // Encrypts each new key with the certificate and decrypts with it (the framework's CertificateXmlEncryptor).
        if (Certificate(configuration, "DataProtection:CertificatePath", "DataProtection:CertificatePassword") is { } certificate)
            keys.ProtectKeysWithCertificate(certificate);
        // The certificate replaced last: keys it encrypted stay readable until they expire (90 days after they were made).
        if (Certificate(configuration, "DataProtection:PreviousCertificatePath", "DataProtection:PreviousCertificatePassword") is { } previous)
            keys.UnprotectKeysWithAnyCertificate(previous);
        return services;
    }

    /// <summary>
    /// Reads the key ring once, so that a database that cannot hold keys, or keys that the configured certificate cannot
    /// decrypt (another certificate made them), stop start-up before the node takes requests, not at the first sign-in.
    /// </summary>
    public static void Check(IServiceProvider services)
    {
        foreach (var key in services.GetRequiredService<IKeyManager>().GetAllKeys())
        {
            try
            {
                _ = key.Descriptor;
            }
            catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or InvalidOperationException)
            {
                throw new InvalidOperationException(
                    $"The data protection key {key.KeyId} in the database cannot be read: it was encrypted with a certificate this node does not have " +
                    "(set DataProtection:CertificatePath, and DataProtection:PreviousCertificatePath after replacing it; docs/deployment.md, \"Keys\").", e);
            }
        }
    }

    private static X509Certificate2? Certificate(IConfiguration configuration, string pathSetting, string passwordSetting)
    {
        var path = configuration[pathSetting];
        if (string.IsNullOrWhiteSpace(path)) return null;
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[passwordSetting]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"{pathSetting} '{path}' cannot be read as a PKCS#12 (.pfx) file with {passwordSetting}: {e.Message}", e);
        }
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"{pathSetting} '{path}' holds no private key: keys could be sealed with it but never read.");
        return certificate;
    }
}

/// <summary>
/// The key ring's elements (keys and revocations), one row each. Rows are written once, by the node that made the key,
/// and never changed; every node reads them all. Two nodes starting at once on an empty database may each make a first
/// key: both are stored and both are in every node's ring, and a node that meets a key it has not read yet reads the ring
/// again (the framework does so for the first minutes after start; later keys are made two days before they are used).
/// </summary>
public sealed class DatabaseKeyRepository(Db db, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = db.Open();
        return connection.Query<string>(db.Dialect.Translate("SELECT k.xml FROM data_protection_keys k"))
            .Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = db.Open();
        connection.Execute(db.Dialect.Translate(
            """
            INSERT INTO data_protection_keys (name, xml, created_at)
            SELECT @Name, @Xml, @Now
            WHERE NOT EXISTS (SELECT 1 FROM data_protection_keys k WHERE k.name = @Name)
            """),
            new
            {
                // The framework names a key "key-{id}" and a revocation "revocation-{id or date}".
                Name = string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName,
                Xml = element.ToString(SaveOptions.DisableFormatting),
                Now = clock.GetUtcNow(),
            });
    }
}
