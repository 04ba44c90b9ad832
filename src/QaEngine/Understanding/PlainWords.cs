using System.Collections.Frozen;
using GovAssistant.QaEngine.Analysis;

namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// Everyday verbs and nouns that say how the citizen asks or what they want done in general (继续, 满足, 作用, 讲究,
/// 情况, 东西, 不到 of 不到账, 听说, 着急, 所得 of 拍卖所得), never which service or need: a word of a question the best
/// entry does not use is no sign of a near miss when it is one of these.
/// </summary>
public static class PlainWords
{
    private static readonly FrozenSet<string> Words = GovLexicon.Default.WithCanonicalForms(
    [
        "继续", "满足", "作用", "变成", "讲究", "开具", "家里", "手上", "情况", "事情", "事宜", "东西", "一下", "具体",
        "相关", "有关", "不到", "听说", "着急", "正式", "需提交", "所得",
    ]);

    /// <summary>True for a word that names no service, thing or need of one.</summary>
    public static bool Contains(string word) => Words.Contains(word);
}
