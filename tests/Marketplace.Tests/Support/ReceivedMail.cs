using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Marketplace.Tests;

/// <summary>One mail as the receiver got it: its headers (unfolded, encoded words decoded) and its decoded text.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Subject => Headers.GetValueOrDefault("Subject", "");
}
