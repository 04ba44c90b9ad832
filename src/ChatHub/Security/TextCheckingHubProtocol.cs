using System.Buffers;
using System.Runtime.ExceptionServices;
using GovAssistant.KnowledgeBase;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Security;

/// <summary>
/// SignalR's JSON protocol, except that arguments it cannot bind (a lone surrogate escape such as <c>"\ud800"</c>,
/// a number where text belongs) come back to the client as a <see cref="HubException"/> with a Chinese message
/// instead of SignalR's English "Failed to invoke … due to an error on the server".
/// </summary>
internal sealed class TextCheckingHubProtocol(IOptions<JsonHubProtocolOptions> options) : IHubProtocol
{
    private const string WrongArguments = "调用参数格式不正确：文字须为有效的 Unicode 文本，参数类型须与接口一致。";

    private readonly JsonHubProtocol _inner = new(options);

    public string Name => _inner.Name;

    public int Version => _inner.Version;

    public TransferFormat TransferFormat => _inner.TransferFormat;

    public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message)
    {
        if (!_inner.TryParseMessage(ref input, binder, out message)) return false;
        if (message is InvocationBindingFailureMessage failure)
        {
            var text = MalformedText.Caused(failure.BindingFailure.SourceException) ? TextRules.Malformed : WrongArguments;
            message = new InvocationBindingFailureMessage(failure.InvocationId, failure.Target, ExceptionDispatchInfo.Capture(new HubException(text)));
        }
        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);

    /// <summary>Puts this protocol in the place of SignalR's JSON protocol; call after <c>AddSignalR</c>.</summary>
    public static void Replace(IServiceCollection services)
    {
        services.RemoveAll<IHubProtocol>();
        services.AddSingleton<IHubProtocol, TextCheckingHubProtocol>();
    }
}
