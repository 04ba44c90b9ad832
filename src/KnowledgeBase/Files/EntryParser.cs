using System.Globalization;

namespace GovAssistant.KnowledgeBase;

/// <summary>
/// Turns the raw values of one row (whatever the file format) into a normalised, validated <see cref="FaqEntry"/>,
/// collecting every problem instead of stopping at the first.
/// </summary>
/// <remarks>
/// A value is a <see cref="string"/>, a list of strings (JSON arrays), or what a spreadsheet cell holds
/// (<see cref="double"/>, <see cref="DateTime"/>, <see cref="bool"/>). A string in a list field is split on
/// <see cref="FaqFields.ListSeparator"/>, as CSV and XLSX cells hold lists.
/// </remarks>
internal static class EntryParser
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd"];

    /// <summary>Parses one row; returns null (and adds to <paramref name="errors"/>) when anything is wrong.</summary>
    public static FaqEntry? Parse(int line, IReadOnlyDictionary<string, object?> values, List<ImportError> errors)
    {
        var rowErrors = new List<(string Field, string Message)>();
        var id = Text(values, FaqFields.Id, rowErrors)?.Trim();

        var entry = FaqEntryRules.Normalize(new FaqEntry
        {
            Id = id ?? "",
            Question = Text(values, FaqFields.Question, rowErrors) ?? "",
            SimilarQuestions = List(values, FaqFields.SimilarQuestions),
            Answer = Text(values, FaqFields.Answer, rowErrors) ?? "",
            Category = Text(values, FaqFields.Category, rowErrors),
            Department = Text(values, FaqFields.Department, rowErrors),
            Region = Text(values, FaqFields.Region, rowErrors),
            Tags = List(values, FaqFields.Tags),
            Source = Text(values, FaqFields.Source, rowErrors),
            Basis = Text(values, FaqFields.Basis, rowErrors),
            ValidFrom = Date(values, FaqFields.ValidFrom, rowErrors),
            ValidTo = Date(values, FaqFields.ValidTo, rowErrors),
            Status = Status(values, rowErrors),
            Version = Version(values, rowErrors),
            UpdatedAt = UpdatedAt(values, rowErrors),
        });
        rowErrors.AddRange(FaqEntryRules.Validate(entry));

        var shownId = string.IsNullOrEmpty(entry.Id) ? null : entry.Id;
        errors.AddRange(rowErrors.Select(e => new ImportError(line, shownId, e.Field, e.Message)));
        return rowErrors.Count == 0 ? entry : null;
    }

    private static object? Raw(IReadOnlyDictionary<string, object?> values, string field) =>
        values.TryGetValue(field, out var value) ? value : null;

    private static string? Text(IReadOnlyDictionary<string, object?> values, string field, List<(string, string)> errors) =>
        Raw(values, field) switch
        {
            null => null,
            string s => s,
            double d => d.ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            _ => Fail<string>(errors, field, $"{field} 应为文本"),
        };

    private static IReadOnlyList<string> List(IReadOnlyDictionary<string, object?> values, string field) =>
        Raw(values, field) switch
        {
            IReadOnlyList<string> list => list,
            string s => s.Split(FaqFields.ListSeparator),
            null => [],
            var other => [Convert.ToString(other, CultureInfo.InvariantCulture) ?? ""],
        };

    private static DateOnly? Date(IReadOnlyDictionary<string, object?> values, string field, List<(string, string)> errors)
    {
        switch (Raw(values, field))
        {
            case DateTime dt:
                return DateOnly.FromDateTime(dt);
            case double serial when serial is >= 1 and < 2958466:
                // A spreadsheet cell formatted as a date but read as its serial number.
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
            default:
                var text = Text(values, field, errors)?.Trim();
                if (string.IsNullOrEmpty(text)) return null;
                if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    return day;
                return Fail<DateOnly?>(errors, field, $"日期“{text}”无效，应为 yyyy-MM-dd 格式的真实日期，例如 2025-01-31");
        }
    }

    private static FaqStatus Status(IReadOnlyDictionary<string, object?> values, List<(string, string)> errors)
    {
        var text = Text(values, FaqFields.Status, errors)?.Trim();
        return text?.ToLowerInvariant() switch
        {
            null or "" or "published" => FaqStatus.Published,
            "draft" => FaqStatus.Draft,
            "retired" => FaqStatus.Retired,
            _ => Fail<FaqStatus>(errors, FaqFields.Status, $"未知状态“{text}”，应为 draft、published 或 retired"),
        };
    }

    private static int Version(IReadOnlyDictionary<string, object?> values, List<(string, string)> errors)
    {
        var raw = Raw(values, FaqFields.Version);
        if (raw is double d && d == Math.Floor(d) && d is >= 1 and <= int.MaxValue) return (int)d;
        var text = Text(values, FaqFields.Version, errors)?.Trim();
        if (string.IsNullOrEmpty(text)) return 1;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1) return version;
        return Fail<int>(errors, FaqFields.Version, $"版本号“{text}”无效，应为正整数", 1);
    }

    private static DateTimeOffset? UpdatedAt(IReadOnlyDictionary<string, object?> values, List<(string, string)> errors)
    {
        if (Raw(values, FaqFields.UpdatedAt) is DateTime dt)
            return new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc));
        var text = Text(values, FaqFields.UpdatedAt, errors)?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        // ISO 8601 only: a date, then 'T' and a time, with an offset or assumed UTC.
        if (text.Length >= 10 && text[4] == '-' && text[7] == '-'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return at;
        return Fail<DateTimeOffset?>(errors, FaqFields.UpdatedAt, $"更新时间“{text}”无效，应为 ISO 8601 格式，例如 2025-01-31T09:30:00+08:00");
    }

    private static T Fail<T>(List<(string, string)> errors, string field, string message, T fallback = default!)
    {
        errors.Add((field, message));
        return fallback;
    }
}
