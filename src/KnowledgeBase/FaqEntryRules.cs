namespace GovAssistant.KnowledgeBase;

/// <summary>
/// The rules every bank entry obeys, whether it comes from a file or from an editor's form:
/// how its text is tidied and which limits it must respect.
/// </summary>
public static class FaqEntryRules
{
    /// <summary>Longest id, in characters.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Longest standard question or similar question, in characters.</summary>
    public const int MaxQuestionLength = 200;

    /// <summary>Longest answer, in characters.</summary>
    public const int MaxAnswerLength = 10_000;

    /// <summary>Most similar questions one entry may carry.</summary>
    public const int MaxSimilarQuestions = 50;

    /// <summary>
    /// Returns the entry with its text tidied: surrounding white space removed, line endings made <c>\n</c>,
    /// blank optional fields made null and blank list items dropped.
    /// </summary>
    public static FaqEntry Normalize(FaqEntry entry) => entry with
    {
        Id = Clean(entry.Id) ?? "",
        Question = Clean(entry.Question) ?? "",
        SimilarQuestions = CleanList(entry.SimilarQuestions),
        Answer = Clean(entry.Answer) ?? "",
        Category = Clean(entry.Category),
        Department = Clean(entry.Department),
        Region = Clean(entry.Region),
        Tags = CleanList(entry.Tags),
        Source = Clean(entry.Source),
        Basis = Clean(entry.Basis),
    };

    /// <summary>
    /// The rule violations of an already normalised entry, as (field, Chinese message) pairs; empty when the entry is valid.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> Validate(FaqEntry entry)
    {
        if (entry.Id.Length == 0)
            yield return (FaqFields.Id, "id 不能为空");
        else if (entry.Id.Length > MaxIdLength)
            yield return (FaqFields.Id, $"id 过长：{entry.Id.Length} 个字符，最多 {MaxIdLength} 个");
        else if (entry.Id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            yield return (FaqFields.Id, "id 不能包含空白或控制字符");

        if (TextRules.IsBlank(entry.Question))
            yield return (FaqFields.Question, "标准问题不能为空");
        else if (entry.Question.Length > MaxQuestionLength)
            yield return (FaqFields.Question, $"标准问题过长：{entry.Question.Length} 个字，最多 {MaxQuestionLength} 个字");

        if (entry.SimilarQuestions.Count > MaxSimilarQuestions)
            yield return (FaqFields.SimilarQuestions, $"相似问法过多：{entry.SimilarQuestions.Count} 条，最多 {MaxSimilarQuestions} 条");
        for (var i = 0; i < entry.SimilarQuestions.Count; i++)
        {
            var length = entry.SimilarQuestions[i].Length;
            if (length > MaxQuestionLength)
                yield return (FaqFields.SimilarQuestions, $"第 {i + 1} 条相似问法过长：{length} 个字，最多 {MaxQuestionLength} 个字");
        }

        if (entry.SimilarQuestions.Any(q => q.Contains(FaqFields.ListSeparator)))
            yield return (FaqFields.SimilarQuestions, $"相似问法不能包含“{FaqFields.ListSeparator}”：它在 CSV/XLSX 中用于分隔多条问法");
        if (entry.Tags.Any(t => t.Contains(FaqFields.ListSeparator)))
            yield return (FaqFields.Tags, $"标签不能包含“{FaqFields.ListSeparator}”：它在 CSV/XLSX 中用于分隔多个标签");

        if (TextRules.IsBlank(entry.Answer))
            yield return (FaqFields.Answer, "答案不能为空");
        else if (entry.Answer.Length > MaxAnswerLength)
            yield return (FaqFields.Answer, $"答案过长：{entry.Answer.Length} 个字，最多 {MaxAnswerLength} 个字");

        foreach (var (field, text) in TextFields(entry))
        {
            if (!TextRules.IsWellFormed(text)) yield return (field, $"{field}：{TextRules.Malformed}");
            // PostgreSQL's text and jsonb cannot hold U+0000, and no editor means one.
            else if (text.Contains('\0')) yield return (field, $"{field}：含有空字符（NUL），请删除后重新保存");
        }

        if (entry.ValidFrom is { } from && entry.ValidTo is { } to && to < from)
            yield return (FaqFields.ValidTo, $"失效日期 validTo（{to:yyyy-MM-dd}）早于生效日期 validFrom（{from:yyyy-MM-dd}）");

        if (entry.Version < 1)
            yield return (FaqFields.Version, $"版本号必须是正整数，实际为 {entry.Version}");
    }

    // Every free-text field an editor or a file fills in, for the well-formedness check.
    private static IEnumerable<(string Field, string Text)> TextFields(FaqEntry entry)
    {
        (string, string?)[] single =
        [
            (FaqFields.Id, entry.Id), (FaqFields.Question, entry.Question), (FaqFields.Answer, entry.Answer),
            (FaqFields.Category, entry.Category), (FaqFields.Department, entry.Department), (FaqFields.Region, entry.Region),
            (FaqFields.Source, entry.Source), (FaqFields.Basis, entry.Basis),
        ];
        foreach (var (field, text) in single)
        {
            if (text is not null) yield return (field, text);
        }
        foreach (var q in entry.SimilarQuestions) yield return (FaqFields.SimilarQuestions, q);
        foreach (var t in entry.Tags) yield return (FaqFields.Tags, t);
    }

    private static string? Clean(string? text)
    {
        if (text is null) return null;
        var cleaned = text.Replace("\r\n", "\n").Replace('\r', '\n').Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    private static IReadOnlyList<string> CleanList(IReadOnlyList<string>? items) =>
        items is null ? [] : [.. items.Select(Clean).OfType<string>()];
}
