namespace GovAssistant.KnowledgeBase;

/// <summary>
/// The field names of a bank file: JSON Lines property names and CSV/XLSX column headers alike, in column order.
/// </summary>
public static class FaqFields
{
    /// <summary>Separator of list values (similar questions, tags) inside one CSV or XLSX cell.</summary>
    public const char ListSeparator = '|';

    /// <summary>Stable unique identifier; required.</summary>
    public const string Id = "id";
    /// <summary>The standard question; required.</summary>
    public const string Question = "question";
    /// <summary>Alternate phrasings (list).</summary>
    public const string SimilarQuestions = "similarQuestions";
    /// <summary>The answer; required.</summary>
    public const string Answer = "answer";
    /// <summary>Service theme.</summary>
    public const string Category = "category";
    /// <summary>Owning office.</summary>
    public const string Department = "department";
    /// <summary>Region the answer applies to.</summary>
    public const string Region = "region";
    /// <summary>Free keywords (list).</summary>
    public const string Tags = "tags";
    /// <summary>Where the entry came from.</summary>
    public const string Source = "source";
    /// <summary>Policy document the answer rests on.</summary>
    public const string Basis = "basis";
    /// <summary>First valid day, <c>yyyy-MM-dd</c>.</summary>
    public const string ValidFrom = "validFrom";
    /// <summary>Last valid day, <c>yyyy-MM-dd</c>.</summary>
    public const string ValidTo = "validTo";
    /// <summary><c>draft</c>, <c>published</c> or <c>retired</c>; published when blank.</summary>
    public const string Status = "status";
    /// <summary>Version number; 1 when blank.</summary>
    public const string Version = "version";
    /// <summary>Last change, ISO 8601.</summary>
    public const string UpdatedAt = "updatedAt";

    /// <summary>Every field, in the column order of exported CSV and XLSX files.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Id, Question, SimilarQuestions, Answer, Category, Department, Region, Tags,
        Source, Basis, ValidFrom, ValidTo, Status, Version, UpdatedAt,
    ];

    /// <summary>The fields that hold a list of strings.</summary>
    internal static bool IsList(string field) => field is SimilarQuestions or Tags;
}
