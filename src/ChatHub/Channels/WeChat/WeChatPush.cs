using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>
/// One push from WeChat (a user's message or an event), read from its XML or JSON body. Only the top-level text
/// fields are kept; WeChat uses the same names in both formats.
/// </summary>
/// <param name="Fields">Field name → text (CDATA and numbers as text).</param>
/// <param name="IsJson">True when the body was JSON (the decrypted inner body uses the same format).</param>
public sealed record WeChatPush(IReadOnlyDictionary<string, string> Fields, bool IsJson)
{
    /// <summary>The user's openid.</summary>
    public string? FromUserName => Get("FromUserName");

    /// <summary>The app's original id (gh_…).</summary>
    public string? ToUserName => Get("ToUserName");

    /// <summary>text, image, event …</summary>
    public string? MsgType => Get("MsgType");

    /// <summary>Text of a text message.</summary>
    public string? Content => Get("Content");

    /// <summary>Message id (absent on events).</summary>
    public string? MsgId => Get("MsgId");

    /// <summary>Event name for <c>MsgType=event</c>.</summary>
    public string? Event => Get("Event");

    /// <summary>Seconds since 1970 when WeChat created it.</summary>
    public string? CreateTime => Get("CreateTime");

    /// <summary>The encrypted inner push (compatible and safe modes).</summary>
    public string? Encrypt => Get("Encrypt");

    /// <summary>
    /// What identifies this push across WeChat's retries: the MsgId, or for events the user and creation time.
    /// </summary>
    public string DeduplicationKey => MsgId is { Length: > 0 } id ? "m:" + id : $"e:{FromUserName}:{CreateTime}:{Event}";

    private string? Get(string name) => Fields.TryGetValue(name, out var v) ? v : null;

    /// <summary>Reads a push body: JSON when it starts with <c>{</c>, XML when it starts with <c>&lt;</c>.</summary>
    /// <exception cref="WeChatPushFormatException">Neither, or malformed.</exception>
    public static WeChatPush Parse(string body)
    {
        var trimmed = body.AsSpan().TrimStart();
        if (trimmed.StartsWith("{")) return new(ParseJson(body), true);
        if (trimmed.StartsWith("<")) return new(ParseXml(body), false);
        throw new WeChatPushFormatException("消息体应为 XML 或 JSON");
    }

    /// <summary>Reads a decrypted inner body in the format of the outer one.</summary>
    public static WeChatPush Parse(string body, bool json) => json ? new(ParseJson(body), true) : new(ParseXml(body), false);

    private static Dictionary<string, string> ParseJson(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new WeChatPushFormatException("JSON 消息体应为对象");
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in document.RootElement.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.String) fields[p.Name] = p.Value.GetString()!;
                else if (p.Value.ValueKind == JsonValueKind.Number) fields[p.Name] = p.Value.GetRawText();
            }
            return fields;
        }
        catch (JsonException)
        {
            throw new WeChatPushFormatException("JSON 消息体格式不正确");
        }
        catch (InvalidOperationException)
        {
            // Valid JSON syntax around an escape of half a character (\ud800): refused only when the text is read.
            throw new WeChatPushFormatException("JSON 消息体含有无法识别的字符（无效的 Unicode 编码）");
        }
    }

    private static Dictionary<string, string> ParseXml(string body)
    {
        // No DTD, no external entities, no resolver: a push is a flat <xml> of text fields.
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = body.Length,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(body), settings);
            var root = XDocument.Load(reader).Root!;
            if (root.Name != "xml") throw new WeChatPushFormatException("XML 消息体的根元素应为 <xml>");
            // Leaf elements only: nested ones (ScanCodeInfo …) carry nothing this channel reads.
            return root.Elements().Where(e => !e.HasElements)
                .GroupBy(e => e.Name.LocalName)
                .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        }
        catch (XmlException)
        {
            throw new WeChatPushFormatException("XML 消息体格式不正确");
        }
    }
}

/// <summary>A push body that is not well-formed XML or JSON.</summary>
public sealed class WeChatPushFormatException(string message) : Exception(message);
