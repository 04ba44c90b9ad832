using GovAssistant.QaEngine.Text;

namespace GovAssistant.QaEngine.Answering;

/// <summary>
/// The aspects of a service a citizen may ask about on its own — materials, fee, time limit, place, online channel,
/// conditions, procedure — and the section of a bank answer that covers each (answers are written as labelled
/// sections: <c>**所需材料**：…</c>, <c>**收费**：…</c>). "要带什么材料" after an answer shows the materials first.
/// </summary>
public static class AnswerAspects
{
    private sealed record Aspect(string Name, string[] AskedBy, string[] Labels);

    // In order of precedence when a question names several ("多少钱，多久能拿到" → fee).
    private static readonly Aspect[] All =
    [
        new("收费", ["多少钱", "收费", "费用", "要钱", "免费", "花钱", "工本费", "交钱", "几块钱", "贵不贵"], ["收费", "税费", "费用", "免费"]),
        new("办理时限", ["多久", "多长时间", "几天", "时限", "当天", "多快", "什么时候能拿", "多少天", "工作日", "啥时候能拿", "多久能"],
            ["办理时限", "时限", "处理时限", "办理期限", "办理时间"]),
        new("所需材料", ["材料", "资料", "带什么", "带啥", "要带", "准备什么", "准备啥", "提供什么", "带哪些", "证件"],
            ["所需材料", "常见材料", "所需信息", "材料"]),
        new("线上渠道", ["网上", "线上", "手机上", "手机办", "小程序", "app", "网办", "掌上", "不用跑", "在家办"],
            ["线上渠道", "线上", "办理渠道", "办理方式"]),
        new("办理地点", ["在哪", "哪里办", "去哪", "地点", "地址", "哪个部门", "什么地方", "哪儿", "哪个窗口"],
            ["办理地点", "办理渠道", "地点"]),
        new("办理条件", ["条件", "资格", "符合", "够不够"], ["申领条件", "申请条件", "条件", "适用对象", "申请对象", "前提"]),
        new("办理流程", ["流程", "步骤", "程序", "手续", "怎么走"], ["办理流程", "办理方式", "流程", "办理途径"]),
    ];

    /// <summary>
    /// The aspect <paramref name="normalizedQuestion"/> asks about and the section of <paramref name="answer"/> that
    /// covers it (label included), or nulls when the question names no aspect or the answer has no such section.
    /// </summary>
    public static (string? Aspect, string? Section) Find(string normalizedQuestion, string answer)
    {
        var question = normalizedQuestion.Replace(" ", "", StringComparison.Ordinal);
        foreach (var aspect in All)
        {
            if (!aspect.AskedBy.Any(w => question.Contains(w, StringComparison.Ordinal))) continue;
            foreach (var label in aspect.Labels)
                if (SectionOf(answer, label) is { } section) return (aspect.Name, section);
        }
        return (null, null);
    }

    /// <summary>The text from <c>**label**</c> to the next bold label (or the end), trimmed; null when absent.</summary>
    public static string? SectionOf(string answer, string label)
    {
        var start = FindLabel(answer, label);
        if (start < 0) return null;
        var bodyStart = start + label.Length + 4;
        var next = answer.IndexOf("**", bodyStart, StringComparison.Ordinal);
        var section = (next < 0 ? answer[start..] : answer[start..next]).Trim();
        return section.Length > label.Length + 5 ? section : null;
    }

    // Labels are matched in Simplified form, so that the 港澳台 answers written in Traditional (**收費**) are found too.
    private static int FindLabel(string answer, string label)
    {
        for (var at = answer.IndexOf("**", StringComparison.Ordinal); at >= 0; at = answer.IndexOf("**", at + 2, StringComparison.Ordinal))
        {
            var end = answer.IndexOf("**", at + 2, StringComparison.Ordinal);
            if (end < 0) return -1;
            var inner = answer[(at + 2)..end];
            if (inner.Length == label.Length && TextNormalizer.Default.Normalize(inner) == label) return at;
            at = end;
        }
        return -1;
    }
}
