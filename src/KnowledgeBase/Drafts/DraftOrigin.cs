namespace GovAssistant.KnowledgeBase;

/// <summary>Where a draft came from; decides whether it may be left incomplete for an editor to finish.</summary>
public enum DraftOrigin
{
    /// <summary>An editor's change in the admin pages.</summary>
    Editor,

    /// <summary>A cluster of unanswered questions proposed as a new entry (may be incomplete).</summary>
    Cluster,

    /// <summary>An agent's reply in the console proposed as a new entry (may be incomplete).</summary>
    AgentReply,

    /// <summary>Visitor feedback turned into a change.</summary>
    Feedback,

    /// <summary>One row of an uploaded bank file.</summary>
    Import,

    /// <summary>A return to an earlier version of an entry.</summary>
    Rollback,
}

/// <summary>Where a draft is in review.</summary>
public enum DraftStatus
{
    /// <summary>Awaiting review (and editable).</summary>
    Pending,

    /// <summary>Published by a reviewer: it became a version of the entry.</summary>
    Published,

    /// <summary>Rejected by a reviewer, with a reason.</summary>
    Rejected,
}

/// <summary>Wire names of <see cref="DraftOrigin"/> and <see cref="DraftStatus"/> (camelCase, as the API writes them).</summary>
public static class DraftNames
{
    /// <summary>The camelCase name, e.g. <c>agentReply</c>.</summary>
    public static string Of<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>Parses a camelCase (or any case) name; null when unknown.</summary>
    public static T? Parse<T>(string? text) where T : struct, Enum =>
        text is not null && !text.Any(char.IsDigit) && Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;
}
