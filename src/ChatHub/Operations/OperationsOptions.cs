namespace GovAssistant.ChatHub.Operations;

/// <summary>
/// Who may read <c>/metrics</c>, bound from the <c>Metrics</c> section:
/// <code>
/// "Metrics": { "AllowedNetworks": [ "10.0.0.0/24" ] }   // Prometheus's network; loopback is always allowed
/// </code>
/// The address checked is the client's after a trusted proxy's <c>X-Forwarded-For</c>, so a citizen reaching a node
/// through nginx is never "loopback". Anyone else gets 404, as if there were nothing there.
/// </summary>
public sealed class MetricsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Metrics";

    /// <summary>Networks (CIDR) besides loopback whose clients may scrape <c>/metrics</c>.</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>The configured networks plus loopback, or a Chinese message naming the first malformed entry.</summary>
    public (List<System.Net.IPNetwork> Networks, string? Error) Parse()
    {
        List<System.Net.IPNetwork> networks = [System.Net.IPNetwork.Parse("127.0.0.0/8"), System.Net.IPNetwork.Parse("::1/128")];
        foreach (var n in AllowedNetworks)
        {
            if (!System.Net.IPNetwork.TryParse(n, out var network)) return ([], $"Metrics:AllowedNetworks 中的“{n}”不是有效的网段（例如 10.0.0.0/24）");
            networks.Add(network);
        }
        return (networks, null);
    }
}
