using System.Globalization;
using System.Text.Json;

namespace GovAssistant.KnowledgeBase;

/// <summary>An <c>entries</c> row as Dapper reads it, and the conversions between rows and <see cref="FaqEntry"/>.</summary>
internal sealed class EntryRow
{
    /// <summary>The select list that fills an <see cref="EntryRow"/> in the dialect of <paramref name="sql"/>.</summary>
    public static string ColumnsFor(BankSql sql) =>
        $"id AS Id, question AS Question, {sql.JsonColumn("similar_questions")} AS SimilarQuestions, answer AS Answer, category AS Category, " +
        $"department AS Department, region AS Region, {sql.JsonColumn("tags")} AS Tags, source AS Source, basis AS Basis, " +
        $"{sql.DateColumn("valid_from")} AS ValidFrom, {sql.DateColumn("valid_to")} AS ValidTo, status AS Status, version AS Version, " +
        $"{sql.TimeColumn("updated_at")} AS UpdatedAt";

    public string Id { get; set; } = "";
    public string Question { get; set; } = "";
    public string SimilarQuestions { get; set; } = "[]";
    public string Answer { get; set; } = "";
    public string? Category { get; set; }
    public string? Department { get; set; }
    public string? Region { get; set; }
    public string Tags { get; set; } = "[]";
    public string? Source { get; set; }
    public string? Basis { get; set; }
    public string? ValidFrom { get; set; }
    public string? ValidTo { get; set; }
    public string Status { get; set; } = "";
    public long Version { get; set; }
    public string UpdatedAt { get; set; } = "";

    public FaqEntry ToEntry() => new()
    {
        Id = Id,
        Question = Question,
        SimilarQuestions = ParseList(SimilarQuestions),
        Answer = Answer,
        Category = Category,
        Department = Department,
        Region = Region,
        Tags = ParseList(Tags),
        Source = Source,
        Basis = Basis,
        ValidFrom = ValidFrom is null ? null : DateOnly.ParseExact(ValidFrom, DateFormat, CultureInfo.InvariantCulture),
        ValidTo = ValidTo is null ? null : DateOnly.ParseExact(ValidTo, DateFormat, CultureInfo.InvariantCulture),
        Status = ParseStatus(Status),
        Version = checked((int)Version),
        UpdatedAt = DateTimeOffset.Parse(UpdatedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
    };

    public const string DateFormat = "yyyy-MM-dd";

    public static string? FormatDate(DateOnly? day) => day?.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string FormatTime(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    public static string FormatStatus(FaqStatus status) => status.ToString().ToLowerInvariant();

    public static FaqStatus ParseStatus(string status) => Enum.Parse<FaqStatus>(status, ignoreCase: true);

    public static string FormatList(IReadOnlyList<string> items) => JsonSerializer.Serialize(items, FaqJson.Options);

    private static IReadOnlyList<string> ParseList(string json) => JsonSerializer.Deserialize<List<string>>(json, FaqJson.Options) ?? [];
}
