namespace GovAssistant.KnowledgeBase;

/// <summary>What a recorded change did to an entry.</summary>
public enum ChangeKind
{
    /// <summary>The entry was added to the bank.</summary>
    Created,

    /// <summary>The entry's content or status changed.</summary>
    Updated,

    /// <summary>The entry was retired: by a replacing import that no longer holds it, or by an edit setting its status to retired.</summary>
    Retired,
}
