using System.Text;
using System.Text.Json;

namespace GovAssistant.KnowledgeBase;

/// <summary>Reads a JSON Lines bank file: one entry object per line, blank lines skipped, unknown properties ignored.</summary>
internal static class JsonLinesBankReader
{
    public static void Read(byte[] content, List<(int Line, FaqEntry Entry)> entries, List<ImportError> errors, ImportBudget budget)
    {
        // The importer has checked the bytes are UTF-8; a byte order mark decodes to U+FEFF and is dropped.
        var text = Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
        var lineNumber = 0;
        using var lines = new StringReader(text);
        while (lines.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            budget.Row();
            ReadLine(line, lineNumber, entries, errors);
        }
    }

    private static void ReadLine(string line, int lineNumber, List<(int, FaqEntry)> entries, List<ImportError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            // The parser counts UTF-8 bytes; an editor's cursor counts characters.
            var position = ex.BytePositionInLine is { } p
                ? $"（约第 {Encoding.UTF8.GetCharCount(Encoding.UTF8.GetBytes(line).AsSpan(0, (int)Math.Min(p, Encoding.UTF8.GetByteCount(line)))) + 1} 个字符处）"
                : "";
            errors.Add(new ImportError(lineNumber, null, null, $"不是有效的 JSON{position}，请检查引号、逗号和括号是否配对"));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ImportError(lineNumber, null, null, "每一行必须是一个 JSON 对象（以 { 开头、以 } 结尾）"));
                return;
            }

            var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            var wrongType = new List<string>();
            try
            {
                foreach (var property in root.EnumerateObject())
                {
                    // Unknown fields are ignored, so files may carry an editor's own notes.
                    var field = FaqFields.All.FirstOrDefault(f => f.Equals(property.Name, StringComparison.OrdinalIgnoreCase));
                    if (field is null) continue;
                    if (TryValue(property.Value, field, out var value)) values[field] = value;
                    else wrongType.Add(field);
                }
            }
            catch (InvalidOperationException)
            {
                // The parser accepts an escape of half a character (\ud800) and refuses only when the text is read.
                errors.Add(new ImportError(lineNumber, null, null, "含有无效的 Unicode 字符（如单独的 \\ud800 转义），请删除或改正后重新保存"));
                return;
            }

            var rowErrors = new List<ImportError>();
            var entry = EntryParser.Parse(lineNumber, values, rowErrors);
            var id = rowErrors.FirstOrDefault()?.Id ?? entry?.Id ?? IdOf(values);
            errors.AddRange(wrongType.Select(field => new ImportError(lineNumber, id, field, WrongTypeMessage(field))));
            // A field of the wrong type was left out, so "missing" complaints about it would only repeat the same problem.
            errors.AddRange(rowErrors.Where(e => e.Field is null || !wrongType.Contains(e.Field)));
            if (entry is not null && wrongType.Count == 0) entries.Add((lineNumber, entry));
        }
    }

    private static bool TryValue(JsonElement element, string field, out object? value)
    {
        var isList = FaqFields.IsList(field);
        value = element.ValueKind switch
        {
            JsonValueKind.Array when isList && element.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String)
                => element.EnumerateArray().Select(i => i.GetString()!).ToList(),
            JsonValueKind.String when !isList => element.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False when !isList => element.GetRawText(),
            _ => null,
        };
        return value is not null || element.ValueKind == JsonValueKind.Null;
    }

    private static string? IdOf(Dictionary<string, object?> values) =>
        values.GetValueOrDefault(FaqFields.Id) is string id && !string.IsNullOrWhiteSpace(id) ? id.Trim() : null;

    private static string WrongTypeMessage(string field) => FaqFields.IsList(field)
        ? $"{field} 应为字符串数组，例如 [\"问法一\", \"问法二\"]"
        : $"{field} 应为文本（用双引号括起来）";
}
