using FluentValidation;
using FluentValidation.Results;
using Marketplace.Platform;

namespace Marketplace.Legal;

/// <summary>
/// A person's consent to the terms of use and the privacy policy given as an account is made or first given a password
/// (sign-up, an office invitation's link): the versions the person read must be the ones in force, and acceptance of
/// those is recorded in the same transaction as the account's change.
/// </summary>
public static class Consent
{
    private sealed class InForce
    {
        public string Kind { get; init; } = "";
        public int Version { get; init; }
    }

    /// <summary>400 naming each field whose version is not the one in force, with the version in force beside the code.</summary>
    public static async Task RequireInForceAsync(DbSession db, int? termsVersion, int? privacyVersion,
        string termsField = "acceptedTermsVersion", string privacyField = "acceptedPrivacyVersion")
    {
        var inForce = (await db.QueryAsync<InForce>("SELECT d.kind, d.version FROM current_legal_documents d"))
            .ToDictionary(d => d.Kind, d => d.Version);
        var failures = new List<ValidationFailure>();
        void Check(string field, string kind, int? given, string what)
        {
            if (given != inForce.GetValueOrDefault(kind))
                failures.Add(new ValidationFailure(field, $"Accept the {what} in force, version {inForce.GetValueOrDefault(kind)} (GET /api/legal).")
                    .WithDetails("notCurrentVersion", new Dictionary<string, object?> { ["current"] = inForce.GetValueOrDefault(kind) }));
        }
        Check(termsField, WireName.Of(LegalKind.Terms), termsVersion, "terms of use");
        Check(privacyField, WireName.Of(LegalKind.Privacy), privacyVersion, "privacy policy");
        if (failures.Count > 0) throw new ValidationException(failures);
    }

    /// <summary>Records the person's acceptance of every document in force (checked first with <see cref="RequireInForceAsync"/>).</summary>
    public static Task RecordInForceAsync(DbSession db, string userId, DateTimeOffset now) =>
        db.ExecuteAsync(
            """
            INSERT INTO legal_acceptances (user_id, kind, version, accepted_at)
            SELECT @Id, d.kind, d.version, @Now FROM current_legal_documents d
            WHERE NOT EXISTS (SELECT 1 FROM legal_acceptances a WHERE a.user_id = @Id AND a.kind = d.kind AND a.version = d.version)
            """, new { Id = userId, Now = now });
}
