namespace GovAssistant.KnowledgeBase;

/// <summary>The entry rules as they apply to a draft, which may still lack its question or answer.</summary>
public static class DraftRules
{
    /// <summary>Placeholder id used to check a new entry's other fields before it has an id.</summary>
    internal const string PlaceholderId = "NEW";

    /// <summary>Prefix of draft ids.</summary>
    public const string IdPrefix = "D-";

    /// <summary>The required fields still empty, in Chinese (标准问题, 答案).</summary>
    public static IReadOnlyList<string> Missing(FaqEntry proposed)
    {
        var missing = new List<string>(2);
        if (string.IsNullOrWhiteSpace(proposed.Question)) missing.Add("标准问题");
        if (string.IsNullOrWhiteSpace(proposed.Answer)) missing.Add("答案");
        return missing;
    }

    /// <summary>
    /// The rule violations of a normalised proposal other than missing question or answer (which only block publishing).
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(FaqEntry proposed)
    {
        var checkable = proposed with
        {
            Id = proposed.Id.Length == 0 ? PlaceholderId : proposed.Id,
            Question = proposed.Question.Length == 0 ? "?" : proposed.Question,
            Answer = proposed.Answer.Length == 0 ? "?" : proposed.Answer,
            Version = 1,
        };
        return [.. FaqEntryRules.Validate(checkable)];
    }

    /// <summary>True for origins whose proposals may leave fields for an editor to complete.</summary>
    public static bool MayBeIncomplete(DraftOrigin origin) => origin is DraftOrigin.AgentReply or DraftOrigin.Cluster;

    /// <summary>The numeric part of a draft id (<c>D-12</c> → 12), or null when it is not one.</summary>
    public static long? NumberOf(string id) =>
        id.StartsWith(IdPrefix, StringComparison.Ordinal) && long.TryParse(id.AsSpan(IdPrefix.Length), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
