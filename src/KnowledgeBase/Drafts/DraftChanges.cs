using System.Globalization;

namespace GovAssistant.KnowledgeBase;

/// <summary>
/// What a proposer changes, field by field: null keeps the base entry's value, an empty string clears an optional
/// field. <see cref="AddSimilarQuestions"/> appends phrasings (duplicates skipped) after any replacement list.
/// </summary>
public sealed record DraftChanges
{
    /// <summary>Id for a new entry (ignored when editing); empty to have one assigned on publish.</summary>
    public string? EntryId { get; init; }

    /// <summary>New standard question.</summary>
    public string? Question { get; init; }

    /// <summary>Replacement list of similar questions.</summary>
    public IReadOnlyList<string>? SimilarQuestions { get; init; }

    /// <summary>Phrasings appended to the similar questions.</summary>
    public IReadOnlyList<string>? AddSimilarQuestions { get; init; }

    /// <summary>New answer (Markdown).</summary>
    public string? Answer { get; init; }

    /// <summary>New category.</summary>
    public string? Category { get; init; }

    /// <summary>New owning department.</summary>
    public string? Department { get; init; }

    /// <summary>New region.</summary>
    public string? Region { get; init; }

    /// <summary>Replacement tags.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>New source.</summary>
    public string? Source { get; init; }

    /// <summary>New policy basis.</summary>
    public string? Basis { get; init; }

    /// <summary>New first valid day, <c>yyyy-MM-dd</c>.</summary>
    public string? ValidFrom { get; init; }

    /// <summary>New last valid day, <c>yyyy-MM-dd</c>.</summary>
    public string? ValidTo { get; init; }

    /// <summary><c>published</c> or <c>retired</c> (a draft that retires an entry); null keeps published.</summary>
    public string? Status { get; init; }

    /// <summary>
    /// The proposed entry: <paramref name="baseEntry"/> (or an empty new entry) with these changes applied and tidied,
    /// and the problems found (field, Chinese message). Missing question/answer are not problems here.
    /// </summary>
    public (FaqEntry Proposed, IReadOnlyList<(string Field, string Message)> Problems) ApplyTo(FaqEntry? baseEntry)
    {
        var problems = new List<(string, string)>();
        var start = baseEntry ?? new FaqEntry { Id = EntryId ?? "", Question = "", Answer = "" };
        var similar = SimilarQuestions ?? start.SimilarQuestions;
        if (AddSimilarQuestions is { Count: > 0 } added)
        {
            var list = similar.ToList();
            foreach (var q in added.Select(q => q?.Trim()).OfType<string>().Where(q => q.Length > 0))
                if (q != (Question ?? start.Question) && !list.Contains(q)) list.Add(q);
            similar = list;
        }

        var status = FaqStatus.Published;
        if (Status is { Length: > 0 } s)
        {
            if (s.Equals("published", StringComparison.OrdinalIgnoreCase)) status = FaqStatus.Published;
            else if (s.Equals("retired", StringComparison.OrdinalIgnoreCase)) status = FaqStatus.Retired;
            else problems.Add((FaqFields.Status, $"status 只能是 published 或 retired，实际为“{s}”"));
        }

        var proposed = FaqEntryRules.Normalize(start with
        {
            Id = baseEntry?.Id ?? (EntryId ?? ""),
            Question = Question ?? start.Question,
            SimilarQuestions = similar,
            Answer = Answer ?? start.Answer,
            Category = Category ?? start.Category,
            Department = Department ?? start.Department,
            Region = Region ?? start.Region,
            Tags = Tags ?? start.Tags,
            Source = Source ?? start.Source,
            Basis = Basis ?? start.Basis,
            ValidFrom = Day(ValidFrom, start.ValidFrom, FaqFields.ValidFrom, problems),
            ValidTo = Day(ValidTo, start.ValidTo, FaqFields.ValidTo, problems),
            Status = status,
            Version = baseEntry?.Version ?? 1,
            UpdatedAt = null,
        });
        // A phrasing repeated (or equal to the standard question) adds nothing to matching.
        proposed = proposed with { SimilarQuestions = [.. proposed.SimilarQuestions.Distinct().Where(q => q != proposed.Question)] };
        problems.AddRange(DraftRules.Problems(proposed));
        return (proposed, problems);
    }

    private static DateOnly? Day(string? text, DateOnly? current, string field, List<(string, string)> problems)
    {
        if (text is null) return current;
        if (text.Trim().Length == 0) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        problems.Add((field, $"{field} 日期格式应为 yyyy-MM-dd，例如 2026-12-31，实际为“{text}”"));
        return current;
    }
}
