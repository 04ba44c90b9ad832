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

    [GeneratedRegex(@"(\p{IsCJKUnifiedIdeographs})[不没]\1")]
    private static partial Regex AskedBothWays();
}
