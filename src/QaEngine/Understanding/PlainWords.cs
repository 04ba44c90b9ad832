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
        // Where and how often, said in passing (那边, 我家, 每月), and words of manner (一点, 基本, 突然, 看看). Not 这里
        // (在这边能换吗 asks where), 自己 (我自己也想入籍 asks for oneself) or 不会 (会不会要我提前还款 asks a need).
        "那里", "那边", "我家", "每月", "常用", "适用", "一点", "基本", "突然", "看看",
    ]);

    /// <summary>True for a word that names no service, thing or need of one.</summary>
    public static bool Contains(string word) => Words.Contains(word);
}
