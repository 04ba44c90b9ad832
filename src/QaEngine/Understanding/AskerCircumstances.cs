using System.Collections.Frozen;
using GovAssistant.QaEngine.Analysis;

namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// Words telling of the one who asks rather than of what is asked: who they are by their work or employer (教师, 职工,
/// 司机, 事业单位, 民营企业, 新手爸爸 …) and that they go back where they come from (返乡, 回乡, 原籍, 回老家 and the synonyms'
/// 老家, 祖籍). A short title says them ("事业单位职工产前检查费用报销", "退役士兵返乡落户"), so a word of them the best entry
/// does not use is no sign of a near miss. Not where someone lives (城里人, 农村: an entry may be for one and not the
/// other), nor a group some entries are only for (军人, 港澳台: <see cref="Identities"/>), nor retirement, which is a need
/// of its own (退休了提取公积金).
/// </summary>
public static class AskerCircumstances
{
    private static readonly FrozenSet<string> Words = GovLexicon.Default.WithCanonicalForms(
    [
        // Who asks, by their work.
        "教师", "老师", "职工", "员工", "工人", "学生", "新手", "事业", "事业单位", "民营", "公务员", "干部", "医生", "护士", "司机",
        "农民工",
        // Going back home.
        "返乡", "回乡", "原籍", "回老家",
    ]);

    /// <summary>True for a word telling of the one who asks, not of what they ask.</summary>
    public static bool Contains(string word) => Words.Contains(word);
}
