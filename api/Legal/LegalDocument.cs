namespace Marketplace.Legal;

/// <summary>The documents a person consents to at sign-up: the terms of use and the privacy policy.</summary>
public enum LegalKind { Terms, Privacy }

/// <summary>One version of a document, in both languages (Markdown), as published; versions are never changed.</summary>
public sealed record LegalDocument
{
    public required LegalKind Kind { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
    public required string BodyJa { get; init; }
    public required string BodyEn { get; init; }
}

/// <summary>A document's version in force and when it was published.</summary>
public sealed record LegalVersion(int Version, DateTimeOffset PublishedAt);

/// <summary>The versions in force: what sign-up sends as <c>acceptedTermsVersion</c> and <c>acceptedPrivacyVersion</c>.</summary>
public sealed record LegalVersions(LegalVersion Terms, LegalVersion Privacy);
