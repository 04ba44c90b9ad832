using System.Text.RegularExpressions;

namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// An entry whose own question is about something that did not happen ("看病时没能用医保直接结算…", "公司不给员工交社保…",
/// "一直没有户口的人…") answers only a message that tells something did not happen: "怎么才能在广州直接用医保结算" asks how
/// to settle directly, not what to do when it could not be done.
/// </summary>
public static partial class Negations
{
    // What an entry's question says did not happen (没能, 不给, 一直没有 …); not 未成年人, 未婚, 无儿无女, which name who.
    private static readonly string[] EntryMarkers = ["没能", "没法", "不给", "一直没有", "一直不", "没签注", "没有安排", "还没", "迟迟"];

    // The ways a message tells that something did not happen (忘了签, 退库失败, 逾期), or what is done when it did not
    // (手工报销, 自己先垫).
    private static readonly string[] MessageMarkers = ["没", "不", "无", "未", "冇", "唔", "拒", "拖", "欠", "难", "停", "忘", "失败", "逾期", "过期", "错过", "手工", "垫"];

    /// <summary>True when <paramref name="entryQuestion"/> (normalised) says something did not happen.</summary>
    public static bool AreSaidIn(string entryQuestion) => WordLists.AnyIn(entryQuestion, EntryMarkers);

    /// <summary>
    /// True when <paramref name="message"/> (normalised) tells nothing that did not happen: "能不能", "是不是", "要不要" ask
    /// both ways, they tell no negation.
    /// </summary>
    public static bool AreNotToldIn(string message) => !WordLists.AnyIn(AskedBothWays().Replace(message, ""), MessageMarkers);

    /// <summary>True when <paramref name="entryQuestion"/> (normalised) says something did not happen and
    /// <paramref name="message"/> (normalised) tells nothing that did not.</summary>
    public static bool PremiseNotToldIn(string entryQuestion, string message) => AreSaidIn(entryQuestion) && AreNotToldIn(message);

    /// <summary>
    /// True when <paramref name="message"/> (normalised) says someone is not, or has not, what
    /// <paramref name="entryQuestion"/> (normalised) is about: "我自己不是残疾人…个税能不能少交" is not asked of 残疾人上班
    /// 挣的工资…个税能减免吗, "不是有限公司" not of 注册一家有限公司, "她没有办残疾证" not of 残疾人…怎么申请辅助器具. Not 是不是
    /// (asked both ways), 如果不是 (a supposition) or "不是免费的吗" (said to be so); not a negation of what the entry's question
    /// never names (我们不是本地户口 against 持居住证孩子能在当地上小学吗); not for an entry about something missing (一直没有户口的人).
    /// </summary>
    public static bool DeniesWhatTheEntryIsAbout(string entryQuestion, string message)
    {
        if (AreSaidIn(entryQuestion)) return false;
        foreach (Match m in Denied().Matches(message))
        {
            var denied = m.Groups[1].Value;
            if (m.Groups[2].Success) continue;
            for (var length = denied.Length; length >= 2; length--)
                if (entryQuestion.Contains(denied[..length], StringComparison.Ordinal)) return true;
        }
        return false;
    }

    // 不是 or 没有 said of someone (我不是, 自己不是, 他也不是, 并不是, 她没有办; not 如果不是, 你不是, 是不是) and what follows it
    // to the end of the clause (up to eight characters), and whether the clause ends 吗.
    [GeneratedRegex(@"(?<=[我己人他她们也又并但可都俺咱])(?:不是|没有办|没办|没有)([^\s，,。；;？?！!、）)]{2,8}?)(的?吗)?(?=[\s，,。；;？?！!、）)]|$|也|而|就|又|还|更)")]
    private static partial Regex Denied();

    [GeneratedRegex(@"(\p{IsCJKUnifiedIdeographs})[不没]\1")]
    private static partial Regex AskedBothWays();
}
