using System.Net;
using System.Net.Sockets;

namespace GovAssistant.ChatHub.Tests.Cluster;

/// <summary>
/// An HTTP client whose connections leave from a chosen loopback address (127.0.0.2, 127.0.0.3 …: all of 127/8 is
/// this machine), so one test can be several citizens as the proxy sees them.
/// </summary>
public static class SourceAddressClient
{
    public static HttpClient Create(Uri baseAddress, string sourceAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(sourceAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
}
