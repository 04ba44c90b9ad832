namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// A message reporting an emergency, which no entry of the bank answers and no agent can handle in time: someone gone
/// missing ("孩子丢了", "我家老人在菜市场走丢了"), someone thinking of taking their life, a cry for help. The citizen is
/// told at once whom to call, never offered an entry that shares its words (孩子丢了 → 出生医学证明丢了怎么补).
/// Works on normalised text (Simplified, lower case, punctuation as spaces).
/// </summary>
public static class Emergencies
{
    /// <summary>Someone has gone missing.</summary>
    public const string MissingPerson = "missingPerson";

    /// <summary>Someone is thinking of taking their own life.</summary>
    public const string SelfHarm = "selfHarm";

    /// <summary>A cry for help.</summary>
    public const string Danger = "danger";

    // The people a citizen reports missing. Not 人 alone: 证件人, 法人 …
    private static readonly string[] People =
    [
        "孩子", "小孩", "儿子", "女儿", "孙子", "孙女", "外孙", "外孙女", "娃", "宝宝", "闺女", "老人", "老人家", "老太太", "老爷子",
        "爸爸", "妈妈", "爸", "妈", "父亲", "母亲", "爷爷", "奶奶", "外公", "外婆", "姥姥", "姥爷", "老公", "老婆", "丈夫", "妻子",
        "家人", "亲人", "弟弟", "妹妹", "哥哥", "姐姐", "学生",
    ];

    // Said of a person right after naming them: 孩子丢了, 老人不见了 (not 孩子的出生证丢了, where the document comes between).
    private static readonly string[] Lost = ["丢了", "不见了", "找不到了", "找不着了", "失踪了"];

    // Said only of people (and pets): anywhere after the person, not someone else's (孩子在商场走丢了; 老人…早上出门走失了).
    private static readonly string[] WanderedOff = ["走丢", "走失", "离家出走"];

    // Said right before 走丢/走失 of what tends to happen, not of what has: "…病情加重，经常走失，监护人怎么确定", "防走失手环".
    private static readonly string[] Habitually = ["经常", "常常", "老是", "总是", "容易", "怕", "防", "防止", "以防"];

    private static readonly string[] SelfHarmPhrases =
        ["想自杀", "要自杀", "准备自杀", "打算自杀", "想轻生", "不想活了", "想结束自己的生命", "想跳楼", "我要跳楼", "想寻死", "想割腕", "想跳河"];

    private static readonly string[] HelpPhrases = ["救命", "救救我"];

    // Danger happening now, said in a few words and naming no service ("出车祸了怎么办", not 出车祸了工伤怎么认定; "老人摔倒了",
    // not 老人摔倒了能报医保吗). Not a fraud already done (被骗了): a question the bank may answer.
    private static readonly string[] DangerPhrases =
    [
        "出车祸", "车祸了", "撞车了", "着火了", "失火了", "起火了", "煤气泄漏", "燃气泄漏", "有人打我", "被人打了", "被人砍",
        "抢劫", "被抢了", "晕倒了", "昏迷了", "喘不上气", "摔倒了", "被困", "困住了", "落水", "溺水", "掉河里", "掉水里",
        "掉进河", "掉进水", "触电了", "快救命", "救救", "要跳楼", "跳楼了", "要跳河", "跳河了", "站在楼顶", "爬上楼顶", "坐在楼顶",
        "被车撞", "流了很多血", "流了好多血", "流血不止", "出血不止", "大出血", "没呼吸了", "没有呼吸", "不省人事", "心脏病发作",
    ];

    // Longest such a message is (without spaces): "老人在家摔倒了怎么办".
    private const int LongestDangerMessage = 12;

    /// <summary>The kind of emergency <paramref name="normalized"/> reports, or null.</summary>
    public static string? KindOf(string normalized)
    {
        var compact = normalized.Replace(" ", "", StringComparison.Ordinal);
        if (WordLists.AnyIn(compact, SelfHarmPhrases)) return SelfHarm;
        if (IsMissing(compact)) return MissingPerson;
        // "救命", "救命啊快来人": a short cry, not 救命钱 in a question about an allowance.
        if (compact.Length <= 8 && HelpPhrases.Any(p => compact.StartsWith(p, StringComparison.Ordinal)) && !compact.Contains("救命钱", StringComparison.Ordinal))
            return Danger;
        return compact.Length <= LongestDangerMessage && WordLists.AnyIn(compact, DangerPhrases)
            && ServiceLexicon.Default.Read(normalized) == default ? Danger : null;
    }

    private static bool IsMissing(string text)
    {
        foreach (var person in People)
        {
            for (var at = text.IndexOf(person, StringComparison.Ordinal); at >= 0; at = text.IndexOf(person, at + 1, StringComparison.Ordinal))
            {
                var after = text.AsSpan(at + person.Length);
                if (after.StartsWith("的")) continue;
                // 孩子又不见了.
                var next = after.StartsWith("又") ? after[1..] : after;
                foreach (var lost in Lost)
                    if (next.StartsWith(lost, StringComparison.Ordinal)) return true;
                foreach (var wandered in WanderedOff)
                {
                    // Not someone else's (老人家的猫走失了).
                    var i = after.IndexOf(wandered, StringComparison.Ordinal);
                    if (i >= 0 && !after[..i].Contains('的') && !EndsWithAny(after[..i], Habitually)) return true;
                }
            }
        }
        return false;
    }

    private static bool EndsWithAny(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var w in words)
            if (text.EndsWith(w, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>What the citizen is told for <paramref name="kind"/>.</summary>
    public static string ReplyFor(string kind) => kind switch
    {
        MissingPerson => "如果家人走失，请立即拨打110报警，或到就近的派出所求助，报警不需要等满24小时。" +
            "请准备好走失人员的照片、当天的衣着和最后出现的地点。",
        SelfHarm => "您现在的感受很重要。如果您有伤害自己的想法，请马上拨打120或110，或立即联系身边信任的人陪着您；" +
            "也可以拨打全国心理援助热线12356，有专业人员倾听。",
        _ => "如遇紧急危险，请立即拨打110（报警）、120（急救）或119（火警），交通事故请拨打122。请先确保自身安全。",
    };
}
