namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// Services that move someone or something one way: 父母投靠子女, 香港驾照换内地驾照, 个体户转成公司, 城乡居民养老保险转成职工
/// 养老保险. The same words the other way round ("子女投靠父母", "内地驾照换成香港驾照", "公司转个体户", or in the citizen's own
/// verbs: "把公司改回个体户", "把孙子的户口迁到我们老两口这") ask for another service, which the entry does not answer.
/// </summary>
public static class Directions
{
    // The verbs that say which way (what stands before is what moves, what follows is where it goes), each with the words
    // a citizen says the same way in: 把娃的户口迁到俺老两口这, 把公司改回个体户.
    private static readonly string[] VerbsOfChange = ["改回", "改成", "改为", "变回", "变成"];

    private static readonly (string Verb, string[] SaidAlso)[] Verbs =
    [
        ("投靠", ["迁到", "迁回", "迁来", "迁进", "落到"]),
        ("换", VerbsOfChange),
        ("转", VerbsOfChange),
    ];

    // Who or what moves or receives, each with the words that name it.
    private static readonly string[][] Sides =
    [
        ["父母", "爸妈", "父亲", "母亲", "爸爸", "妈妈", "老爸", "老妈", "老人", "老两口", "爷爷", "奶奶", "外公", "外婆", "姥姥", "姥爷"],
        ["子女", "儿子", "女儿", "孩子", "儿女", "娃", "孙子", "孙女", "外孙", "闺女"],
        ["内地", "大陆"],
        ["香港", "澳门", "台湾", "港澳"],
        ["个体户", "个体工商户"],
        ["公司", "企业"],
        ["城乡居民", "居民"],
        ["职工"],
    ];

    /// <summary>
    /// True when <paramref name="entryQuestion"/> (normalised) moves from one side to another across a verb of direction
    /// (父母…投靠…子女) and <paramref name="message"/> (normalised) names the same two sides the other way across it.
    /// </summary>
    public static bool Reverses(string entryQuestion, string message)
    {
        foreach (var (verb, saidAlso) in Verbs)
        {
            var inEntry = entryQuestion.IndexOf(verb, StringComparison.Ordinal);
            if (inEntry < 0) continue;
            var inMessage = FirstVerbIn(message, verb, saidAlso);
            if (inMessage.At < 0) return false;
            // A side before the verb in the entry and after it in the message, and another the other way round.
            bool movedAfter = false, movedBefore = false;
            foreach (var side in Sides)
            {
                var (entry, said) = (Nearest(entryQuestion, side, inEntry, verb.Length), Nearest(message, side, inMessage.At, inMessage.Length));
                movedAfter |= entry == true && said == false;
                movedBefore |= entry == false && said == true;
            }
            return movedAfter && movedBefore;
        }
        return false;
    }

    // Where the message first says which way, with the entry's verb or one said the same way, and how long that word is.
    private static (int At, int Length) FirstVerbIn(string message, string verb, string[] saidAlso)
    {
        var first = (At: message.IndexOf(verb, StringComparison.Ordinal), verb.Length);
        foreach (var other in saidAlso)
        {
            var at = message.IndexOf(other, StringComparison.Ordinal);
            if (at >= 0 && (first.At < 0 || at < first.At)) first = (at, other.Length);
        }
        return first;
    }

    // Whether the word of the side nearest the verb stands before it (true) or after it (false); null when none is named.
    private static bool? Nearest(string text, string[] side, int verbAt, int verbLength)
    {
        bool? before = null;
        var distance = int.MaxValue;
        foreach (var w in side)
            for (var at = text.IndexOf(w, StringComparison.Ordinal); at >= 0; at = text.IndexOf(w, at + 1, StringComparison.Ordinal))
            {
                // 城乡居民 names 居民 too: the longer word stands for it.
                var d = at < verbAt ? verbAt - (at + w.Length) : at - (verbAt + verbLength);
                if (d < 0 || d >= distance) continue;
                (before, distance) = (at < verbAt, d);
            }
        return before;
    }
}
