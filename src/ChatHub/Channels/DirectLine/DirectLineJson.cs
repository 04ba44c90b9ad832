using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace GovAssistant.ChatHub.Channels.DirectLine;

/// <summary>Direct Line JSON: camelCase like the Bot Framework schema, absent fields left out rather than null.</summary>
internal static class DirectLineJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Chinese as itself rather than \uXXXX: a third of the bytes; HTML-sensitive characters stay escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
