using System.Net;

namespace GovAssistant.ChatHub.Limits;

/// <summary>
/// Which proxies may tell the client's address and scheme (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>), bound
/// from the <c>ForwardedHeaders</c> section. Behind a TLS proxy this makes the Direct Line <c>streamUrl</c> wss://,
/// the staff cookie Secure, and rate limits count each citizen rather than the proxy.
/// <code>
/// "ForwardedHeaders": { "KnownProxies": [ "10.0.0.5" ], "KnownNetworks": [ "10.1.0.0/16" ], "ForwardLimit": 1 }
/// </code>
/// With neither list configured only a proxy on the same machine (loopback) is trusted; headers from any other
/// sender are ignored, so a client cannot claim another address.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies (e.g. <c>10.0.0.5</c>).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form (e.g. <c>10.1.0.0/16</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a chain are read from the right of <c>X-Forwarded-For</c>.</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>The configured proxies, or a Chinese message naming the first malformed entry.</summary>
    public (List<IPAddress> Proxies, List<System.Net.IPNetwork> Networks, string? Error) Parse()
    {
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var p in KnownProxies)
        {
            if (!IPAddress.TryParse(p, out var address)) return ([], [], $"ForwardedHeaders:KnownProxies 中的“{p}”不是有效的 IP 地址");
            proxies.Add(address);
        }
        foreach (var n in KnownNetworks)
        {
            if (!System.Net.IPNetwork.TryParse(n, out var network)) return ([], [], $"ForwardedHeaders:KnownNetworks 中的“{n}”不是有效的网段（例如 10.1.0.0/16）");
            networks.Add(network);
        }
        return (proxies, networks, null);
    }
}
