using System.Net;
using System.Net.Http.Headers;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 22: a range in a unit other than bytes is ignored, the whole file a 200 (RFC 9110 §14.2); a bytes range, in any
/// case of its name, is still the 206 an audio player seeks with.
/// </summary>
public sealed class RangeUnitTests : ApiTest
{
    private async Task<(User Worker, string FileId)> Uploaded()
    {
        var worker = await SignUp(Role.Worker);
        return (worker, Id(await Created(await worker.Http.Upload(Uploads.Text("0123456789"), "digits.txt"))));
    }

    private static HttpRequestMessage Get(string fileId, string range)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/files/{fileId}");
        request.Headers.TryAddWithoutValidation("Range", range);
        return request;
    }

    [TestCase("items=0-1")]
    [TestCase("pages=0-1")]
    [TestCase("bytes0-1")]
    public async Task A_range_in_another_unit_gets_the_whole_file(string range)
    {
        var (worker, file) = await Uploaded();
        var response = await worker.Http.SendAsync(Get(file, range));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentRange, Is.Null);
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("0123456789"));
    }

    [TestCase("bytes=0-1")]
    [TestCase("Bytes=0-1")]
    public async Task A_bytes_range_gets_those_bytes(string range)
    {
        var (worker, file) = await Uploaded();
        var response = await worker.Http.SendAsync(Get(file, range));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(response.Content.Headers.ContentRange, Is.EqualTo(new ContentRangeHeaderValue(0, 1, 10)));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("01"));
    }
}
