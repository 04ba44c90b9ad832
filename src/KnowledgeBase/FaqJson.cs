using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovAssistant.KnowledgeBase;

/// <summary>
/// The JSON shape of an entry, shared by exported JSON Lines files and the store's history rows:
/// camelCase names, lowercase status, <c>yyyy-MM-dd</c> dates, Chinese written as is, null fields left out.
/// </summary>
public static class FaqJson
{
    /// <summary>Serializer options for <see cref="FaqEntry"/>.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Files are edited by people who read Chinese; they are never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One entry as a single line of JSON.</summary>
    public static string Serialize(FaqEntry entry) => JsonSerializer.Serialize(entry, Options);

    /// <summary>An entry from JSON written by <see cref="Serialize"/>.</summary>
    public static FaqEntry Deserialize(string json) =>
        JsonSerializer.Deserialize<FaqEntry>(json, Options) ?? throw new JsonException("条目 JSON 为 null");
}
