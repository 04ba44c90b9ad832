using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovAssistant.ChatHub.Api;

/// <summary>
/// Reads JSON text without U+0000 (escaped <c>\u0000</c>): PostgreSQL's text and jsonb cannot hold it, so a request
/// carrying one failed with a 500 on that provider only. A NUL never means anything a person wrote, so it is dropped
/// as the text is read, on every provider alike; text that was nothing but NULs is then empty and refused as such.
/// </summary>
internal sealed class NulFreeStringConverter : JsonConverter<string>
{
    /// <summary>The options JSON request bodies are read with: the web defaults plus this converter.</summary>
    public static readonly JsonSerializerOptions WebOptions = new(JsonSerializerOptions.Web) { Converters = { new NulFreeStringConverter() } };

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException($"expected a string, got {reader.TokenType}");
        var text = reader.GetString();
        return text is not null && text.Contains('\0') ? text.Replace("\0", "", StringComparison.Ordinal) : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
