using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GovAssistant.ChatHub.Tests.Fuzz;

/// <summary>
/// Seeded hostile inputs: strings (NUL, controls, lone surrogates, Lucene and injection syntax, very long text),
/// JSON values of every type, and request bodies mutated from a valid example (wrong types, missing and unknown
/// fields, deep nesting, huge bodies, invalid UTF-8, truncation, random bytes). The same seed gives the same run.
/// </summary>
public sealed class FuzzValues(int seed)
{
    private readonly Random _random = new(seed);

    // JSON string literals as sent on the wire (escapes intact), so lone surrogates survive serialization.
    private static readonly string[] Literals =
    [
        "\"\"", "\"\\u0000\"", "\"\\u0000\\u0000\\u0000\"", "\"\\u0001\\u001f\\u007f\"", "\"\\ud800\"", "\"a\\udc00b\"",
        "\"\\udbff\\u0041\"", "\"\\u200b\\u200b\"", "\"\\u202e居住证\"", "\"   \\t\\n  \"", "\"居住证怎么办理\"", "\"😀👍🏽\"",
        "\"title:(居住证 OR 身份证)^5~2 AND NOT \\\"x\\\"\"", "\"*?~^[a TO z]{}\\\\/:!&&||\"", "\"a:b:c*\"", "\"(((((((((\"",
        "\"\\\"\"", "\"' OR 1=1 --\"", "\"<script>alert(1)</script>\"", "\"../../etc/passwd\"", "\"%00%ff\"",
        "\"a\\r\\nSet-Cookie: x=y\"", "\"HJ-001\"", "\"admin\"", "\"*\"", "\"-1\"", "\"2147483647\"", "\"1e309\"", "\"null\"",
        "\"9999-99-99\"", "\"2026-02-30\"", "\"P1Y\"", "\"00:00:00\"", "\"javascript:alert(1)\"", "\"//evil.example\"",
    ];

    private static readonly string[] Numbers = ["0", "-1", "1", "2147483647", "-2147483648", "9223372036854775808", "1e309", "-0", "0.5", "1E+2"];

    private static readonly string[] QueryNames =
        ["page", "pageSize", "q", "status", "from", "to", "max", "department", "watermark", "period", "days", "actor", "action", "target", "id", "category", "t", "conversationId"];

    public int Next(int max) => _random.Next(max);

    public bool Chance(double p) => _random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>One fuzzed JSON string literal (with quotes).</summary>
    public string StringLiteral() => Chance(0.08) ? LongLiteral(LongText, 1000 + Next(20_000)) : Pick(Literals);

    // Very long texts as JSON literals escaped the way a serializer writes them (\u957F…). They are cut from one string
    // built once: serializing and joining megabytes of text here would rent buffers of tens of megabytes from the
    // process's shared ArrayPool, which keeps them — and this process also hosts the service whose memory is measured.
    private static readonly string LongText = Escaped('长', 21_000);
    private static readonly string HugeText = Escaped('字', 1_500_000);

    private static string Escaped(char c, int count) =>
        new StringBuilder(count * 6).Insert(0, $"\\u{(int)c:X4}", count).ToString();

    private static string LongLiteral(string escaped, int characters) => "\"" + escaped[..(characters * 6)] + "\"";

    /// <summary>A JSON value of any type, nested at most <paramref name="depth"/> deep.</summary>
    public string AnyValue(int depth = 2) => Next(depth > 0 ? 7 : 5) switch
    {
        0 or 1 => StringLiteral(),
        2 => Pick(Numbers),
        3 => Pick(["true", "false"]),
        4 => "null",
        5 => "[" + string.Join(",", Enumerable.Range(0, Next(4)).Select(_ => AnyValue(depth - 1))) + "]",
        _ => "{" + string.Join(",", Enumerable.Range(0, Next(4)).Select(i => $"\"k{i}\":{AnyValue(depth - 1)}")) + "}",
    };

    /// <summary>A path segment for a route parameter.</summary>
    public string Segment() => Uri.EscapeDataString(Pick(
        ["HJ-001", "0", "-1", "2147483647", "99999999999999999999", "admin.x", "D-1", "abc", "%00", "..", "a b", "居住证", "*", "x" + new string('y', 300), "title:(a OR b)", "\u0000", "null"]));

    /// <summary>A query string of a few known and unknown parameters with fuzzed values.</summary>
    public string Query()
    {
        if (Chance(0.3)) return "";
        var parts = Enumerable.Range(0, 1 + Next(3)).Select(_ =>
            Uri.EscapeDataString(Pick(QueryNames)) + "=" + Pick(
            [
                "2147483647", "-1", "0", "1e9", "abc", "", "title:(a OR b)^3~", "*", "[a TO z]", "\"", "%ff", "%00", "2026-13-45",
                "9223372036854775808", Uri.EscapeDataString(new string('查', 3000)), "pending", "true", "null",
            ]));
        return "?" + string.Join("&", parts);
    }

    /// <summary>A request body: content type and bytes, mostly a mutation of <paramref name="example"/>.</summary>
    public (string ContentType, byte[] Body) Body(string example)
    {
        const string json = "application/json";
        return Next(16) switch
        {
            0 => (json, Utf8(example)),
            1 or 2 or 3 => (json, Utf8(ReplaceField(example, StringLiteral()))),
            4 or 5 => (json, Utf8(ReplaceField(example, AnyValue()))),
            6 => (json, Utf8(DropField(example))),
            7 => (json, Utf8(example.TrimEnd('}') + $",\"unknown{Next(100)}\":{AnyValue()},\"__proto__\":{{}}}}")),
            8 => (json, Utf8(Chance(0.5) ? new string('[', 20_000) + new string(']', 20_000) : Nest(3000))),
            9 => (json, Utf8(ReplaceField(example, LongLiteral(HugeText, Chance(0.5) ? 200_000 : 1_500_000)))),
            10 => (json, InvalidUtf8(example)),
            11 => (json, Utf8(example[..Next(Math.Max(1, example.Length))])),
            12 => (Pick([json, "application/octet-stream", "text/plain", "multipart/form-data; boundary=x"]), RandomBytes()),
            13 => (json, []),
            14 => (Pick(["text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=--b"]), Utf8(example)),
            _ => (json, Utf8(Pick(["null", "1", "\"x\"", "[]", "{}", "{\"a\":1,\"a\":2}", "[" + string.Join(",", Enumerable.Repeat("1", 100_000)) + "]", "NaN", "{'a':1}"]))),
        };
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static string Nest(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private string ReplaceField(string example, string value)
    {
        var obj = JsonNode.Parse(example) as JsonObject;
        if (obj is null || obj.Count == 0) return $"{{\"x\":{value}}}";
        var key = obj.ElementAt(Next(obj.Count)).Key;
        // Rebuilt as text: JsonNode would re-escape the literal and turn a lone surrogate escape into U+FFFD. A
        // StringBuilder, not string.Join, so a megabyte value is not copied through a pooled buffer (see LongText).
        var text = new StringBuilder("{");
        foreach (var (name, node) in obj)
        {
            if (text.Length > 1) text.Append(',');
            text.Append(JsonSerializer.Serialize(name)).Append(':').Append(name == key ? value : node?.ToJsonString() ?? "null");
        }
        return text.Append('}').ToString();
    }

    private string DropField(string example)
    {
        if (JsonNode.Parse(example) is not JsonObject { Count: > 0 } obj) return example;
        obj.Remove(obj.ElementAt(Next(obj.Count)).Key);
        return obj.ToJsonString();
    }

    private byte[] InvalidUtf8(string example)
    {
        byte[][] bad = [[0xFF], [0xFE, 0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8]];
        var text = ReplaceField(example, "\"@@\"");
        var at = text.IndexOf("@@", StringComparison.Ordinal);
        return [.. Utf8(text[..at]), .. Pick(bad), .. Utf8(text[(at + 2)..])];
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[Next(4096)];
        _random.NextBytes(bytes);
        return bytes;
    }
}
