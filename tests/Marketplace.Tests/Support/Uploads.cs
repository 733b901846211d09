using System.Net.Http.Headers;
using System.Text;

namespace Marketplace.Tests;

/// <summary>Files as the tests upload them: multipart/form-data with one part named "file", as a browser sends it.</summary>
public static class Uploads
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public static MultipartFormDataContent Form(byte[] bytes, string name, string declaredType = "application/octet-stream") =>
        Form(new ByteArrayContent(bytes), name, declaredType);

    public static MultipartFormDataContent Form(HttpContent file, string name, string declaredType = "application/octet-stream")
    {
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
        var form = new MultipartFormDataContent();
        form.Add(file, "file", name);
        return form;
    }

    public static Task<HttpResponseMessage> Upload(this HttpClient http, byte[] bytes, string name, string declaredType = "application/octet-stream") =>
        http.PostAsync("/api/files", Form(bytes, name, declaredType));
}
