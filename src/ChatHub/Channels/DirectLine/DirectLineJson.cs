using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovAssistant.ChatHub.Channels.DirectLine;

/// <summary>Direct Line JSON: camelCase like the Bot Framework schema, absent fields left out rather than null.</summary>
internal static class DirectLineJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
