using System.Text.Json;

namespace GovAssistant.ChatHub.Assist;

/// <summary>Reads the JSON object a model was asked for, forgiving the Markdown fences many models put around it.</summary>
internal static class ModelJson
{
    /// <summary>The object in <paramref name="text"/>, or null when there is none (garbage, prose, an array …).</summary>
    public static JsonElement? Object(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var start = text.IndexOf('{');
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start) return null;
        try
        {
            using var document = JsonDocument.Parse(text.AsMemory(start, end - start + 1));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string property, trimmed; null when absent, empty or not a string.</summary>
    public static string? String(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim() is { Length: > 0 } s ? s : null;

    /// <summary>The non-empty strings of an array property.</summary>
    public static IReadOnlyList<string> Strings(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Trim()).Where(s => s.Length > 0)]
            : [];
}
