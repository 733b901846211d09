using System.Text;

namespace Marketplace.Files;

/// <summary>What the first bytes of a file say it is: an allowed type, or what was found instead.</summary>
public sealed record Sniffed(string? ContentType, string Found)
{
    public bool Allowed => ContentType is not null;
}

/// <summary>
/// The allow-list of uploads, decided from the content's first bytes (the "magic numbers" of each format's
/// specification, as WHATWG MIME Sniffing §6 does for images, audio and video), never from the declared content type
/// or the name's extension, which any client sets to anything. A file outside the list is refused with what was found.
/// Only images of <see cref="InlineTypes"/> are ever shown inline.
/// </summary>
public static class FileTypes
{
    /// <summary>How many first bytes are read to decide: enough to see the first names inside an Office Open XML zip.</summary>
    public const int HeadBytes = 64 * 1024;

    /// <summary>Raster images a browser shows without running anything; never SVG (it can hold script) or HTML.</summary>
    public static readonly string[] InlineTypes = ["image/png", "image/jpeg", "image/gif", "image/webp"];

    static FileTypes() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Sniffed Sniff(ReadOnlySpan<byte> head, bool complete)
    {

        if (head.Length == 0) return new(null, "an empty file");
        if (Starts(head, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return new("image/png", "PNG");
        if (Starts(head, [0xFF, 0xD8, 0xFF])) return new("image/jpeg", "JPEG");
        if (Starts(head, "GIF87a"u8) || Starts(head, "GIF89a"u8)) return new("image/gif", "GIF");
        if (Starts(head, "RIFF"u8) && Ascii(head, 8, 4) == "WEBP") return new("image/webp", "WebP");
        if (Starts(head, "RIFF"u8) && Ascii(head, 8, 4) == "WAVE") return new("audio/wav", "WAV");
        if (Starts(head, "OggS"u8)) return new("audio/ogg", "Ogg");
        // PDF, and Adobe Illustrator files, which are PDF inside (since AI 9).
        if (Starts(head, "%PDF-"u8)) return new("application/pdf", "PDF");
        // Encapsulated PostScript: plain, or with the DOS binary header (C5 D0 D3 C6) of EPS files with a preview.
        if (Starts(head, "%!PS-Adobe"u8) || Starts(head, [0xC5, 0xD0, 0xD3, 0xC6])) return new("application/postscript", "EPS");
        if (Starts(head, "8BPS"u8)) return new("image/vnd.adobe.photoshop", "Photoshop PSD");
        if (Starts(head, "ID3"u8) || IsMp3Frame(head))
            return new("audio/mpeg", "MP3");
        if (Ascii(head, 4, 4) == "ftyp")
        {
            var brand = Ascii(head, 8, 4);
            if (brand is "M4A " or "M4B ") return new("audio/mp4", "M4A");
            if (brand is "isom" or "iso2" or "iso4" or "iso5" or "iso6" or "mp41" or "mp42" or "avc1" or "MSNV" or "dash" or "M4V ")
                return new("video/mp4", "MP4");
            return new(null, $"an ISO media file of brand '{brand.Trim()}' (only MP4 video and M4A audio are allowed)");
        }
        if (Starts(head, "PK\x03\x04"u8) || Starts(head, "PK\x05\x06"u8)) return Zip(head);
        if (Starts(head, "MZ"u8)) return new(null, "a Windows program");
        if (Starts(head, [0x7F, 0x45, 0x4C, 0x46])) return new(null, "an ELF program");
        if (Starts(head, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            return new(null, "an old binary Office document (.doc/.xls/.ppt); save it as .docx/.xlsx/.pptx or PDF");
        return Text(head, complete);
    }

    private static bool Starts(ReadOnlySpan<byte> head, ReadOnlySpan<byte> magic) => head.Length >= magic.Length && head[..magic.Length].SequenceEqual(magic);

    private static string Ascii(ReadOnlySpan<byte> head, int at, int length) => head.Length >= at + length ? Encoding.ASCII.GetString(head.Slice(at, length)) : "";

    /// <summary>An MPEG audio layer III frame header (ISO/IEC 11172-3): 11 sync bits, a version that is not reserved, layer III.</summary>
    private static bool IsMp3Frame(ReadOnlySpan<byte> head) =>
        head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x18) != 0x08 && (head[1] & 0x06) == 0x02;

    /// <summary>A zip, told apart from the Office Open XML documents (ECMA-376) by the names of its first entries.</summary>
    private static Sniffed Zip(ReadOnlySpan<byte> head)
    {
        var names = new List<string>();
        var at = 0;
        // Local file headers (APPNOTE.TXT §4.3.7): signature, 26 bytes, then the name; stop where the head ends.
        while (at + 30 <= head.Length && head.Slice(at, 4).SequenceEqual("PK\x03\x04"u8))
        {
            var nameLength = head[at + 26] | head[at + 27] << 8;
            var extraLength = head[at + 28] | head[at + 29] << 8;
            var compressed = head[at + 18] | head[at + 19] << 8 | head[at + 20] << 16 | head[at + 21] << 24;
            var flags = head[at + 6] | head[at + 7] << 8;
            if (at + 30 + nameLength > head.Length) break;
            names.Add(Encoding.UTF8.GetString(head.Slice(at + 30, nameLength)));
            if ((flags & 0x08) != 0) break; // sizes follow the data: the next header cannot be found without inflating
            at += 30 + nameLength + extraLength + compressed;
        }
        bool Has(string prefix) => names.Any(n => n.StartsWith(prefix, StringComparison.Ordinal));
        if (Has("word/")) return new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a Word document");
        if (Has("xl/")) return new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "an Excel workbook");
        if (Has("ppt/")) return new("application/vnd.openxmlformats-officedocument.presentationml.presentation", "a PowerPoint presentation");
        return new("application/zip", "a zip archive");
    }

    /// <summary>
    /// Plain text (UTF-8, or Shift_JIS as Japanese Excel writes CSV) holding no control characters but tab and line
    /// breaks; WebVTT and SubRip subtitles by their first line. Text that is markup a browser would run (HTML, SVG,
    /// XML) is refused.
    /// </summary>
    private static Sniffed Text(ReadOnlySpan<byte> head, bool complete)
    {
        var (text, charset) = Decode(head, complete);
        if (text is null) return new(null, $"binary data of an unknown type (first bytes {Convert.ToHexString(head[..Math.Min(8, head.Length)])})");
        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (start.StartsWith('<'))
        {
            var lower = start[..Math.Min(200, start.Length)].ToLowerInvariant();
            return new(null, lower.Contains("<svg") ? "SVG" : lower.StartsWith("<?xml") ? "XML" : "HTML");
        }
        if (start.StartsWith("WEBVTT", StringComparison.Ordinal)) return new($"text/vtt; charset={charset}", "WebVTT subtitles");
        var lines = start.Split('\n', 3);
        if (lines.Length >= 2 && lines[0].Trim().All(char.IsAsciiDigit) && lines[1].Contains("-->", StringComparison.Ordinal))
            return new($"application/x-subrip; charset={charset}", "SubRip subtitles");
        return new($"text/plain; charset={charset}", "plain text");
    }

    private static (string? Text, string Charset) Decode(ReadOnlySpan<byte> head, bool complete)
    {
        foreach (var (encoding, charset) in new[] { (Encoding.UTF8, "utf-8"), (Encoding.GetEncoding(932), "shift_jis") })
        {
            var strict = (Encoding)encoding.Clone();
            strict.DecoderFallback = DecoderFallback.ExceptionFallback;
            // The head may end inside a character; a decoder that is not flushed keeps that tail instead of failing on it.
            var decoder = strict.GetDecoder();
            var chars = new char[strict.GetMaxCharCount(head.Length)];
            try
            {
                var count = decoder.GetChars(head, chars, flush: complete);
                var text = new string(chars, 0, count);
                if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n' or '\f'))) return (null, "");
                return (text, charset);
            }
            catch (DecoderFallbackException)
            {
            }
        }
        return (null, "");
    }
}
