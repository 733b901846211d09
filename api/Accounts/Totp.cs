using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Accounts;

/// <summary>
/// Time-based one-time passwords as authenticator apps make them: RFC 6238 over RFC 4226 (HOTP) with HMAC-SHA1,
/// 30-second steps counted from the Unix epoch, 6 digits, and a Base32 (RFC 4648) secret of 20 random bytes
/// (RFC 4226 section 4 R6 recommends 160 bits). The framework's HMAC is all it takes.
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;
    public const int Digits = 6;
    public const int SecretBytes = 20;

    /// <summary>
    /// Steps either side of now that are accepted, for a clock that drifts and a person who types slowly
    /// (RFC 6238 section 5.2 recommends at most one step of network delay).
    /// </summary>
    public const int Window = 1;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>A new secret from the system's CSPRNG, in Base32 without padding.</summary>
    public static string NewSecret() => Base32(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>RFC 6238 section 4.2: T = floor((now - T0) / X), T0 = 0, X = 30 seconds.</summary>
    public static long Step(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    public static string Code(string base32Secret, long step, int digits = Digits) => Code(FromBase32(base32Secret), step, digits);

    /// <summary>RFC 4226 section 5.3: HMAC-SHA1 of the 8-byte big-endian counter, dynamic truncation, modulo 10^digits.</summary>
    public static string Code(byte[] key, long step, int digits = Digits)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % (int)Math.Pow(10, digits);
        return binary.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>
    /// The step within ±<see cref="Window"/> of <paramref name="now"/> whose code is <paramref name="code"/>, if any.
    /// Compared in constant time. Whether the step was already used is the caller's to decide (in the database).
    /// </summary>
    public static long? MatchingStep(string base32Secret, string code, DateTimeOffset now)
    {
        var key = FromBase32(base32Secret);
        var current = Step(now);
        long? found = null;
        for (var step = current - Window; step <= current + Window; step++)
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(key, step)), Encoding.ASCII.GetBytes(code)))
                found ??= step;
        return found;
    }

    /// <summary>The Key URI Format authenticator apps read from a QR code: otpauth://totp/ISSUER:EMAIL?secret=…&amp;issuer=….</summary>
    public static string Uri(string issuer, string email, string base32Secret) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(email)}" +
        $"?secret={base32Secret}&issuer={System.Uri.EscapeDataString(issuer)}";

    public static string Base32(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        return text.ToString();
    }

    public static byte[] FromBase32(string text)
    {
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            var value = Alphabet.IndexOf(c);
            if (value < 0) throw new FormatException("Not a Base32 secret.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
