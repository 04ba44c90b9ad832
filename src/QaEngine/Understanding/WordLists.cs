namespace GovAssistant.QaEngine.Understanding;

/// <summary>Looks for any of a list of words in a normalised text.</summary>
internal static class WordLists
{
    /// <summary>True when <paramref name="text"/> contains one of <paramref name="words"/>.</summary>
    public static bool AnyIn(string text, string[] words)
    {
        foreach (var w in words) if (text.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }
}
