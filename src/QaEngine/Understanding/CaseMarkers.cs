namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// Signs that a message which asks nothing (a title, a statement) is about one local case rather than how a
/// service works: an appeal or complaint (反映, 请求, 落实, 不作为 …), a named local place or body (郦城小区,
/// 美联幼儿园, 不动产登记局), or a policy as a whole (…政策). No single bank entry answers such a message; the
/// citizen is offered choices or a person, never one entry as if it were the answer.
/// </summary>
public static class CaseMarkers
{
    private static readonly string[] Appeals =
    [
        "反映", "落实", "请求", "恳请", "希望", "建议", "质疑", "呼吁", "强烈", "不作为", "乱作为", "比登天", "难办", "没人办",
        "没人接", "没人管", "不给开", "恶意", "违规", "曝光", "诉求", "整改", "何时解决", "迟迟", "至今", "解冻",
        "仍未", "维权无门", "拖延", "推诿", "刁难",
    ];

    // A named place or body: two or more characters of a name before one of these (郦城小区, 美联幼儿园).
    private static readonly string[] Bodies =
    [
        "小区", "幼儿园", "医院", "公馆", "花园", "大厦", "广场", "商场", "村委会", "居委会", "管委会", "房地产公司", "装修公司",
        "物业公司", "开发公司", "登记局", "管理局", "管理中心",
    ];

    private static readonly string[] GenericBodies = ["公办幼儿园", "民办幼儿园", "私立幼儿园", "定点医院", "公立医院", "住房公积金管理中心"];

    private static readonly string[] Policies = ["政策", "规定", "制度"];

    private static readonly string[] ComplaintVerbs = ["投诉", "举报", "反映", "控告", "曝光", "状告"];

    /// <summary>
    /// True for a complaint about a case: a title that begins by complaining (投诉…, 举报…) or speaks of arrears (拖欠).
    /// </summary>
    public static bool IsComplaint(string normalized)
    {
        var text = normalized.TrimStart();
        foreach (var v in ComplaintVerbs) if (text.StartsWith(v, StringComparison.Ordinal)) return true;
        return text.Contains("拖欠", StringComparison.Ordinal);
    }

    /// <summary>True when the normalised statement (not a question) is about a local case.</summary>
    public static bool IsLocalCase(string normalized)
    {
        var text = normalized.Replace(" ", "", StringComparison.Ordinal);
        foreach (var a in Appeals) if (text.Contains(a, StringComparison.Ordinal)) return true;
        foreach (var p in Policies) if (text.EndsWith(p, StringComparison.Ordinal)) return true;
        return NamesABody(text) || NamesSomeoneWithoutTheirName(text);
    }

    // 某小区, 某诊所, 某公司: a particular place or body whose name the writer (or whoever published the message) left out;
    // not 某些 (some).
    private static bool NamesSomeoneWithoutTheirName(string text)
    {
        for (var at = text.IndexOf('某'); at >= 0; at = text.IndexOf('某', at + 1))
            if (at + 1 < text.Length && text[at + 1] != '些') return true;
        return false;
    }

    private static bool NamesABody(string text)
    {
        foreach (var body in Bodies)
        {
            for (var at = text.IndexOf(body, StringComparison.Ordinal); at >= 0; at = text.IndexOf(body, at + 1, StringComparison.Ordinal))
            {
                if (at < 2) continue;
                var generic = false;
                foreach (var g in GenericBodies)
                {
                    var start = at + body.Length - g.Length;
                    if (start >= 0 && text.AsSpan(start).StartsWith(g, StringComparison.Ordinal)) { generic = true; break; }
                }
                if (!generic) return true;
            }
        }
        return false;
    }
}
