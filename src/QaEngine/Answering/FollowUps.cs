using System.Collections.Frozen;
using GovAssistant.QaEngine.Analysis;

namespace GovAssistant.QaEngine.Answering;

/// <summary>
/// Tells a follow-up ("需要带什么材料？", "在哪里办？", "要多久？") from a question with a topic of its own.
/// A follow-up names only an aspect of a service (materials, place, fee, time, channel, conditions), never
/// the service itself, so it is read in the topic of the previous answer.
/// </summary>
public static class FollowUps
{
    // Words that name an aspect of a service rather than a service, in every synonym form the analyzer may emit.
    private static readonly FrozenSet<string> AspectWords = GovLexicon.Default.WithCanonicalForms(
    [
        "办理", "需要", "材料", "哪里", "怎么", "什么", "多少钱", "多久", "可以", "网上", "条件", "流程", "电话", "带",
        "去", "地点", "地址", "时间", "本人", "代办", "委托", "代理", "窗口", "预约", "周末", "上班", "几点", "多少",
        "还", "那", "另外", "其他", "进度", "查询", "结果", "拿到", "当天", "本地", "异地", "全国", "哪些", "哪个",
        "准备", "提交", "复印件", "原件", "照片", "收费", "免费", "到", "完", "下来", "好", "办好", "要", "必须",
        "一定", "亲自", "跑", "趟", "几次", "次", "能否", "是否", "为什么", "不", "吗", "呢", "么", "程序", "步骤",
        "时限", "期限", "有效期", "部门", "机构", "单位", "办事处", "大厅", "中心", "咨询", "联系", "方式", "线下",
        "钱", "费", "价格", "交", "缴", "钱数", "多长", "几天", "天", "工作日", "营业", "开门", "怎么样", "能", "办", "能不能",
        "行不行", "可不可以", "手机", "线上", "能办", "可办", "能办理", "办得了", "好办",
        // What to bring in everyday words (得准备啥东西, 要带哪些证件, 手续怎么走).
        "东西", "证件", "资料", "手续", "啥", "得",
    ]);

    /// <summary>True for a word that names an aspect of a service (材料, 多少钱, 哪里 …) rather than a service.</summary>
    public static bool IsAspectWord(string word) => AspectWords.Contains(word);

    /// <summary>True when every word of <paramref name="question"/> is an aspect word (and there is at least one).</summary>
    public static bool IsFollowUp(AnalyzedText question) =>
        question.Words.Length > 0 && question.Words.All(w => AspectWords.Contains(w) || (w.Length == 1 && !CharBigramTokenizer.IsHan(w[0])));

    /// <summary>
    /// True for an elliptical turn that leans on the previous one: "那租房呢？", "那如果是外地户口呢". It names a new
    /// detail but not the service, so it is read together with the previous topic.
    /// </summary>
    public static bool IsElliptical(AnalyzedText question) =>
        question.Compact.Length is > 0 and <= 10
        && (question.Compact.EndsWith('呢') || question.Compact.StartsWith('那') || question.Compact.StartsWith("如果", StringComparison.Ordinal));

    /// <summary>
    /// True for a bare service name with no need attached ("公积金", "护照", "社保卡"): it names a topic with many
    /// entries, so the citizen is asked which one rather than given one of them.
    /// </summary>
    public static bool IsBareTopic(AnalyzedText question) =>
        question.Compact.Length <= 4 && question.Words.Length > 0 && !question.Words.Any(AspectWords.Contains);

    /// <summary>The topic words of a question: its words without aspect words, joined by spaces.</summary>
    public static string TopicOf(AnalyzedText question) =>
        string.Join(' ', question.Words.Where(w => !AspectWords.Contains(w)));
}
