using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using GovAssistant.QaEngine.Analysis;
using GovAssistant.QaEngine.Answering;
using GovAssistant.QaEngine.Indexing;

namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// A question that asks for a service by its name alone ("可以办居住证吗", "办护照", "身份证可以补办吗") wants the usual
/// service, not an entry about a particular case of it (小孩能办居住证吗, 不在户口所在地能办身份证吗, 离婚后想复婚怎么办理).
/// How particular an entry is: the circumstances its own question names besides the service, its need and how it asks.
/// </summary>
public sealed class UsualService(GovLexicon lexicon, ServiceLexicon services)
{
    private readonly ConditionalWeakTable<IndexedEntry, StrongBox<int>> _particulars = new();

    /// <summary>The usual service over the default lexicons.</summary>
    public static UsualService Default { get; } = new(GovLexicon.Default, ServiceLexicon.Default);

    // Longest a question asking only by name is (normalised, without spaces): "可以申请残疾人证吗".
    private const int LongestBareQuestion = 12;

    // Words that ask for a service without saying anything of the citizen's case: can I, how, apply, do.
    private static readonly FrozenSet<string> AskingWords = FrozenSet.ToFrozenSet(
    [
        "可以", "能", "能不能", "可不可以", "能否", "可否", "请问", "我", "我们", "我能", "我可以", "我想", "想", "要", "能办",
        "可以办", "办", "办理", "申请", "申领", "弄", "搞", "整", "去", "怎么", "怎样", "如何", "咋", "怎么办", "咋办", "怎么弄",
        "咋弄", "怎么整", "咋整", "吗", "呢", "啊", "呀", "吧", "嘛", "的", "了", "个", "一个", "本", "一本", "张", "一张", "不",
        // How it is done is the usual service too: what to bring, the steps, where (not how much or how long, which a
        // particular entry may be the answer to: 女职工产假有多少天).
        "需要", "要带", "带", "什么", "啥", "哪些", "材料", "资料", "手续", "流程", "步骤", "证件", "准备", "在哪", "哪里", "去哪",
        "在哪里", "去哪里", "哪儿", "在", "到",
    ]);

    // 甚么, 啥子: the same asking words in other voices; 想办, 要弄: asking words jieba cut as one.
    private bool Asking(string word) =>
        AskingWords.Contains(word) || lexicon.CuratedCanonical.TryGetValue(word, out var canonical) && AskingWords.Contains(canonical)
        || word.Length > 1 && word.All(c => AskingWords.Contains(c.ToString()));

    /// <summary>
    /// True when <paramref name="normalized"/> names a service (and perhaps the need of it by its name: 补办, not 丢了) and
    /// nothing else.
    /// </summary>
    public bool AsksOnlyByName(string normalized)
    {
        if (normalized.Count(c => !char.IsWhiteSpace(c)) > LongestBareQuestion) return false;
        var naming = services.NamingWords(normalized);
        if (naming.Count == 0) return false;
        foreach (var w in lexicon.Cut(normalized))
        {
            if (string.IsNullOrWhiteSpace(w) || Asking(w)) continue;
            if (!IsNaming(naming, w)) return false;
            // What happened (丢了, 掰断, 到期) is the citizen's case, not the name of the service.
            if (services.Read(w).Needs != 0 && !services.IsNeedName(w)) return false;
        }
        return true;
    }

    /// <summary>How many circumstances the entry's own question names besides its service, need and how it asks.</summary>
    public int Particulars(IndexedEntry entry) => _particulars.GetValue(entry, e => new StrongBox<int>(Count(e))).Value;

    private int Count(IndexedEntry entry)
    {
        // The first time (第1次, 首次) is the usual service.
        var question = entry.Phrasings[0].Normalized.Replace("第1次", "", StringComparison.Ordinal);
        var naming = services.NamingWords(question);
        var count = 0;
        foreach (var w in lexicon.Cut(question))
        {
            if (w.Length < 2 || Asking(w) || FollowUps.IsAspectWord(w) || lexicon.IsFunctionWord(w)
                || Interrogatives.Asks(w) || PlainWords.Contains(w)) continue;
            if (!IsNaming(naming, w)) count++;
        }
        return count;
    }

    // A word jieba cut that is, or is part of, or holds a word naming the service or need (残疾 of 残疾证, 补办身份证).
    private static bool IsNaming(IReadOnlyList<string> naming, string word) =>
        naming.Any(n => n.Contains(word, StringComparison.Ordinal) || word.Contains(n, StringComparison.Ordinal));
}
