using System.Collections.Frozen;
using GovAssistant.QaEngine.Analysis;

namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// Words telling that someone goes back where they come from (返乡, 回乡, 回原籍, 回老家 and the synonyms' 老家, 祖籍): a
/// short title says where the service is wanted ("退役士兵返乡落户", "毕业档案放回原籍"), not which service, so a word of
/// them the best entry does not use is no sign of a near miss.
/// </summary>
public static class GoingHome
{
    private static readonly FrozenSet<string> Words = GovLexicon.Default.WithCanonicalForms(["返乡", "回乡", "原籍", "回老家"]);

    /// <summary>True for a word telling that someone goes back home.</summary>
    public static bool Contains(string word) => Words.Contains(word);
}
