namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// Whether a normalised clause asks something (怎么, 如何, 能否, 可以…吗, 哪里, 多少, 什么, 要不要 …) and whether it
/// names a topic of its own or only an aspect of one ("需要什么材料", "多久能办好").
/// </summary>
public static class Interrogatives
{
    private static readonly string[] Markers =
    [
        "怎么", "怎样", "咋", "如何", "能否", "能不能", "可否", "可不可以", "是否", "是不是", "有没有", "要不要", "需不需要",
        "用不用", "行不行", "对不对", "会不会", "得不得", "哪里", "哪儿", "哪个", "哪些", "哪家", "在哪", "去哪", "多少", "多久",
        "多长", "几天", "几个", "几次", "什么", "啥", "为什么", "为啥", "何时", "何地", "哪天", "谁", "吗", "么", "呢", "嘛",
        "怎么办", "怎么弄", "怎么整", "咋整", "咋办",
        // Dialects: 啷个 (Southwest), 点样, 点解, 点算, 边度, 边个, 几时, 几耐, 几多, 乜, 咩, 得唔得 (Cantonese), 哪能, 几钿,
        // 啥个 (Wu), 么子 (Hunan, Hubei), 嘎哈, 干啥, 哪疙瘩 (Northeast), 哪搭 (Northwest), 中不中 (Henan).
        "啷个", "点样", "点解", "点算", "边度", "边个", "几时", "几耐", "几多", "乜", "咩", "得唔得", "哪能", "几钿", "啥个", "么子",
        "嘎哈", "干啥", "哪疙瘩", "哪搭", "中不中",
    ];

    // Words that ask about a service without naming one: what is left after removing them says whether the clause
    // has a topic. Longest first.
    private static readonly string[] AspectWords =
    [
        "这种情况", "这个情况", "这种", "这样", "那样", "这个", "那个", "需要", "什么", "材料", "资料", "手续", "证件", "哪里",
        "哪些", "哪个", "怎么", "怎样", "如何", "多少钱", "多少", "多久", "多长时间", "时间", "几天", "几次", "工作日", "可以",
        "能否", "能不能", "是否", "办理", "办", "弄", "整", "搞", "去", "跑", "带", "交", "要", "吗", "呢", "么", "嘛", "啊", "吧",
        "还", "也", "都", "就", "我", "我们", "您", "你", "他", "她", "的", "了", "得", "地", "在", "是", "有", "没", "不", "能",
        "会", "该", "应该", "准备", "提供", "完成", "下来", "拿到", "好", "行", "对", "请问", "一下", "花费", "费用", "收费",
        "钱", "流程", "步骤", "程序", "条件", "要求", "规定", "政策", "地方", "地点", "部门", "窗口", "网上", "线上", "现场",
        "本人", "亲自", "委托", "代办", "具体", "一般", "大概", "咋", "啥", "几", "个", "次", "天", "那", "这", "该怎么",
    ];

    /// <summary>True when the clause contains a question word or a question ending.</summary>
    public static bool Asks(string clause)
    {
        foreach (var m in Markers)
            if (clause.Contains(m, StringComparison.Ordinal) && AsksWith(clause, m)) return true;
        // "能在成都办不", "交了没": a trailing 不 or 没 is the spoken yes-no question.
        var text = clause.TrimEnd();
        return text.Length > 2 && (text.EndsWith('不') || text.EndsWith('没'));
    }

    // What a letter asks for when it names no question word: "关于申请公积金贷款的条件与所需材料，特此咨询" asks for the
    // conditions and the papers. A topic alone ("咨询公积金贷款的政策", "…的问题") asks nothing in particular.
    private static readonly string[] WantedAspects =
    [
        "条件", "材料", "资料", "流程", "程序", "手续", "步骤", "渠道", "途径", "时限", "期限", "方式", "办法", "地点",
        "标准", "规定",
    ];

    /// <summary>
    /// True for a clause that ends by naming what is wanted of a service (its conditions, papers, steps, channels,
    /// time limits …), the way formal letters ask: "关于积分落户的申报渠道和所需材料".
    /// </summary>
    public static bool AsksForAspect(string clause)
    {
        var text = clause.TrimEnd();
        // "本人已备齐全部材料", "材料都交了": what the citizen has done, not what is asked.
        if (text.Contains('已') || text.Contains('了')) return false;
        if (text.EndsWith('等')) text = text[..^1];
        foreach (var a in WantedAspects) if (text.Length > a.Length + 1 && text.EndsWith(a, StringComparison.Ordinal)) return true;
        return false;
    }

    // 前几天, 这几天, 好几个月, 闯了几次: "a few", not "how many".
    private const string FewBefore = "前这那好过上后近头了";

    // The 几 at <paramref name="at"/> is "a few": after 前, 这, 好 …, after what was done (住了几天, 打了几个电话), after a
    // number (十几天, 20几年: "some"), or in "多住几天", "想多耍几天" ("a few more").
    private static bool IsAFew(string clause, int at) =>
        FewBefore.Contains(clause[at - 1]) || char.IsAsciiDigit(clause[at - 1]) || clause[at - 1] is '十' or '百'
        || at > 1 && clause[at - 2] == '多';

    // Whether some use of the marker in the clause asks: not 前几天 ("a few days ago"), not 怎么也找不到, 什么都没有,
    // 哪里都不管 ("no matter how / what / where").
    private static bool AsksWith(string clause, string marker)
    {
        if (marker == "么")
        {
            // The particle (行么, 对么), not the end of 怎么, 什么, 这么, 多么, whose own markers decide.
            for (var at = clause.IndexOf('么'); at >= 0; at = clause.IndexOf('么', at + 1))
                if (at == 0 || !"怎什这那多要".Contains(clause[at - 1])) return true;
            return false;
        }
        if (marker.Length == 1) return true;
        for (var at = clause.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = clause.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            var after = at + marker.Length;
            if (after < clause.Length && clause[after] is '也' or '都') continue;
            if (marker[0] == '几' && at > 0 && IsAFew(clause, at)) continue;
            if (marker == "多少" && IsNotMuch(clause, at)) continue;
            return true;
        }
        return false;
    }

    // "家里也拿不出多少", "没剩多少": not much, said after a negation, asks nothing.
    private static readonly string[] NegationsBeforeNotMuch = ["不出", "不了", "不到", "不剩", "没剩", "没挣", "没有", "没"];

    private static bool IsNotMuch(string clause, int at)
    {
        foreach (var n in NegationsBeforeNotMuch)
            if (at >= n.Length && clause.AsSpan(0, at).EndsWith(n, StringComparison.Ordinal)) return true;
        return false;
    }

    // Words that name which part of a service is asked about: its papers, fee, time, place, channel, steps, conditions.
    private static readonly string[] AspectNames =
    [
        "材料", "资料", "手续", "证件", "证明", "多少钱", "要钱", "收钱", "花钱", "交钱", "费", "多久", "时间", "几天", "工作日",
        "多长", "期限", "时限", "哪里", "哪儿", "在哪", "去哪", "地方", "地点", "地址", "部门", "窗口", "电话", "网上", "线上",
        "手机上", "流程", "步骤", "程序", "条件", "要求", "几次", "跑", "带", "本人", "委托", "代办",
    ];

    /// <summary>
    /// True when the clause names an aspect of a service ("要多少钱", "需要什么材料", "在哪办"), not only asks how or what
    /// ("该怎么去除", "怎么办", "吃什么好": those carry the question's own action).
    /// </summary>
    public static bool NamesAnAspect(string clause)
    {
        foreach (var a in AspectNames) if (clause.Contains(a, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>True when at least two characters remain once aspect and question words are taken out.</summary>
    public static bool HasTopic(string clause)
    {
        var rest = clause.Replace(" ", "", StringComparison.Ordinal);
        foreach (var w in AspectWords) rest = rest.Replace(w, "", StringComparison.Ordinal);
        return rest.Length >= 2;
    }
}
